//! `forward`: forward mode (the JVP), IR -> IR.
//!
//! Input: `let v = a * b;`  Output: `let v = a * b; let v_dot = a_dot * b + b_dot * a;`
//!
//! Every active variable gets a tangent `v_dot` right after its definition; an `if`
//! carries the tangents of its active outs beside them. The tangents of the active
//! parameters are new parameters of the generated function, in `active_order`.
//!
//! Guarantees: the result is a [`Derived`] whose body defines every tangent it reads,
//! and whose `ret` is `(output, output_dot)`.

use crate::activity::Activity;
use crate::ir::{Atom, BinOp, Block, Expr, Func, Shape, Stmt, Var, VarInfo};
use crate::partials::partials;
use proc_macro2::Span;
use std::collections::HashMap;

/// A generated function's body: the arena it uses, its new parameters, its statements
/// and what it returns.
pub struct Derived {
    pub vars: Vec<VarInfo>,
    /// Parameters after the user's: tangents (forward) or the cotangent (reverse).
    pub extra_params: Vec<Var>,
    pub body: Block,
    pub ret: Expr,
}

/// The transform's state; `second` drives it over reverse-mode code.
pub struct Fwd<'a> {
    vars: Vec<VarInfo>,
    act: &'a Activity,
    tangent: HashMap<Var, Atom>,
    /// Variables written after their `let` (accumulated adjoints, stored arrays), in
    /// code that is not in SSA form (`second`): a copy of one (`let a = v;`) gets a
    /// tangent of its own instead of sharing `v`'s, which changes after the copy.
    mutated: Option<std::collections::HashSet<Var>>,
    /// Array parameters passed by reference (`z: &[f64; 2]`), whose tangents are arrays
    /// by value: passed on to a callee, the tangent is passed by reference too.
    ref_arrays: Vec<Var>,
}

/// The array parameters of `func` passed by reference.
pub fn ref_arrays(func: &Func) -> Vec<Var> {
    func.params
        .iter()
        .filter(|p| {
            matches!(p.kind, crate::ir::ParamKind::Array { .. })
                && matches!(p.ty, syn::Type::Reference(_))
        })
        .map(|p| p.var)
        .collect()
}

pub fn jvp(func: &Func, act: &Activity) -> Derived {
    let mut cx = Fwd {
        vars: func.vars.clone(),
        act,
        tangent: HashMap::new(),
        mutated: None,
        ref_arrays: ref_arrays(func),
    };
    let mut extra_params = Vec::new();
    for p in func.active_params() {
        let t = cx.tangent_var(p.var);
        cx.tangent.insert(p.var, Atom::Var(t));
        extra_params.push(t);
    }
    // The out-parameter's tangent starts as zeros of its shape, written as it is.
    let mut pre = Vec::new();
    if let Some(r) = func.out_param {
        let t = cx.tangent_var(r);
        let span = proc_macro2::Span::call_site();
        pre.push(Stmt::Let { vars: vec![t], value: tzero(Expr::ZeroLike(Atom::Var(r))), span });
        cx.tangent.insert(r, Atom::Var(t));
    }
    let mut body = cx.block(&func.body);
    body.stmts.splice(0..0, pre);
    let mut values = Vec::new();
    let mut tangents = Vec::new();
    for o in &func.outputs {
        let tensor = !matches!(o.kind, crate::ir::ParamKind::Scalar { .. });
        tangents.push(match (cx.tangent_of(&o.atom), tensor) {
            // A tangent passed in (`&[T]`) or read in place is returned as an owned copy.
            (Some(t @ Atom::Var(v)), true) if extra_params.contains(&v) => Expr::CopyOf(t),
            (Some(t @ Atom::Place(..)), true) => Expr::CopyOf(t),
            (Some(t), _) => Expr::Atom(t),
            (None, false) => tzero(Expr::ZeroOfType(o.ty.clone())),
            (None, true) => {
                let t = cx.zero_tangent_var(&o.atom);
                let span = proc_macro2::Span::call_site();
                let zero = tzero(Expr::ZeroLike(o.atom.clone()));
                body.stmts.push(Stmt::Let { vars: vec![t], value: zero, span });
                Expr::Atom(Atom::Var(t))
            }
        });
        values.push(Expr::Atom(o.atom.clone()));
    }
    let pack = |mut xs: Vec<Expr>| if func.output_tuple { Expr::Tuple(xs) } else { xs.remove(0) };
    let ret = if func.out_param.is_some() {
        pack(tangents)
    } else {
        Expr::Tuple(vec![pack(values), pack(tangents)])
    };
    Derived { vars: cx.vars, extra_params, body, ret }
}

impl<'a> Fwd<'a> {
    /// Forward mode over code that is not in SSA form (reverse-mode code, for `second`),
    /// with the facts `act` about its variables.
    pub fn over(
        vars: Vec<VarInfo>,
        act: &'a Activity,
        body: &Block,
        ref_arrays: Vec<Var>,
    ) -> Fwd<'a> {
        fn written(b: &Block, out: &mut std::collections::HashSet<Var>) {
            for s in &b.stmts {
                match s {
                    Stmt::Accumulate { target, .. } | Stmt::Assign { target, .. } => {
                        out.extend(target.var());
                    }
                    Stmt::If { then, els, .. } => {
                        written(then, out);
                        written(els, out);
                    }
                    Stmt::Loop { body, .. } => written(body, out),
                    _ => {}
                }
            }
        }
        let mut mutated = std::collections::HashSet::new();
        written(body, &mut mutated);
        Fwd { vars, act, tangent: HashMap::new(), mutated: Some(mutated), ref_arrays }
    }

    /// A new parameter, the tangent of `v`.
    pub fn seed(&mut self, v: Var) -> Var {
        let t = self.tangent_var(v);
        self.tangent.insert(v, Atom::Var(t));
        t
    }

    /// The body with tangents.
    pub fn run(&mut self, body: &Block) -> Block {
        self.block(body)
    }

    /// The tangent of a returned expression `e`. A zero tangent of a tensor is bound by a
    /// statement appended to `body`, before the return: `e` may move into the returned
    /// tuple (a `Vec` gradient) before a zero built from it in the tuple would be.
    pub fn ret_tangent(&mut self, e: &Expr, params: &[Var], body: &mut Block) -> Expr {
        match e {
            Expr::Tuple(xs) => {
                Expr::Tuple(xs.iter().map(|x| self.ret_tangent(x, params, body)).collect())
            }
            Expr::Atom(a) => match self.tangent_of(a) {
                Some(t @ Atom::Var(v)) if params.contains(&v) && self.is_tensor(a) => {
                    Expr::CopyOf(t)
                }
                Some(t @ Atom::Place(..)) if self.is_tensor(a) => Expr::CopyOf(t),
                Some(t) => Expr::Atom(t),
                None if self.is_tensor(a) => {
                    let t = self.zero_tangent_var(a);
                    let zero = tzero(Expr::ZeroLike(a.clone()));
                    let span = proc_macro2::Span::call_site();
                    body.stmts.push(Stmt::Let { vars: vec![t], value: zero, span });
                    Expr::Atom(Atom::Var(t))
                }
                None => tzero(Expr::ZeroOf(a.clone())),
            },
            Expr::One(ty) | Expr::ZeroOfType(ty) => tzero(Expr::ZeroOfType(ty.clone())),
            Expr::ZeroLike(a) => tzero(Expr::ZeroLike(a.clone())),
            other => other.clone(),
        }
    }

    /// A variable for the zero tangent of the tensor `a` (a variable or a row of one).
    fn zero_tangent_var(&mut self, a: &Atom) -> Var {
        match a {
            Atom::Var(v) => self.tangent_var(*v),
            Atom::Place(v, proj) => {
                let shape = proj.iter().fold(self.vars[v.0].shape, |s, _| s.indexed());
                let name = format!("{}_dot", self.vars[v.0].name);
                self.new_var(name, shape)
            }
            Atom::Const(_) => self.new_var("zero_dot".to_string(), crate::ir::Shape::Other),
        }
    }

    pub fn into_vars(self) -> Vec<VarInfo> {
        self.vars
    }

    fn new_var(&mut self, name: String, shape: crate::ir::Shape) -> Var {
        self.vars.push(VarInfo { name, shape, ty: None, derived: None });
        Var(self.vars.len() - 1)
    }

    /// The tangent variable of `v`, printed `<v>_dot`.
    fn tangent_var(&mut self, v: Var) -> Var {
        let info = &self.vars[v.0];
        let t = self.new_var(format!("{}_dot", info.name), info.shape);
        self.vars[t.0].derived = Some((v, "_dot"));
        t
    }

    fn is_tensor(&self, a: &Atom) -> bool {
        let shape = match a {
            Atom::Var(v) => self.vars[v.0].shape,
            Atom::Place(v, proj) => proj.iter().fold(self.vars[v.0].shape, |s, _| s.indexed()),
            // A constant argument of a call (`g(x, &[1.0, 2.0])`): its zero tangent.
            Atom::Const(e) => crate::ir::const_shape(e, &Default::default()),
        };
        matches!(shape, crate::ir::Shape::Tensor { .. })
    }

    /// The zero tangent of a value that has none: of its shape, array or scalar.
    fn zero_tangent(&self, a: &Atom) -> Expr {
        if self.is_tensor(a) {
            tzero(Expr::ZeroLike(a.clone()))
        } else {
            tzero(Expr::ZeroOf(a.clone()))
        }
    }

    fn tangent_of(&self, a: &Atom) -> Option<Atom> {
        match a {
            Atom::Var(v) => self.tangent.get(v).cloned(),
            Atom::Place(v, proj) => match self.tangent.get(v)? {
                Atom::Var(t) => Some(Atom::Place(*t, proj.clone())),
                Atom::Place(t, outer) => {
                    let mut all = outer.clone();
                    all.extend(proj.iter().cloned());
                    Some(Atom::Place(*t, all))
                }
                Atom::Const(_) => None,
            },
            Atom::Const(_) => None,
        }
    }

    fn block(&mut self, block: &Block) -> Block {
        let mut out = Vec::new();
        for stmt in &block.stmts {
            out.push(stmt.clone());
            match stmt {
                Stmt::Let { vars, value, span } => match vars.as_slice() {
                    [v] if self.act.is_active(*v) => self.tangent_stmt(*v, value, *span, &mut out),
                    [_] => {}
                    vs => {
                        if vs.iter().any(|v| self.act.is_active(*v)) {
                            self.tangent_tuple(vs, value, *span, &mut out);
                        }
                    }
                },
                Stmt::If { cond, then, els, outs, span } => {
                    let active: Vec<usize> =
                        (0..outs.len()).filter(|&k| self.act.is_active(outs[k])).collect();
                    let then = self.branch(then, &active);
                    let els = self.branch(els, &active);
                    let mut all_outs = outs.clone();
                    for &k in &active {
                        let t = self.tangent_var(outs[k]);
                        self.tangent.insert(outs[k], Atom::Var(t));
                        all_outs.push(t);
                    }
                    if let Some(last) = out.last_mut() {
                        *last =
                            Stmt::If { cond: cond.clone(), then, els, outs: all_outs, span: *span };
                    }
                }
                Stmt::Assign { target, value, span } => {
                    if let Some(t) = self.tangent_of(target) {
                        let tv = self.simple_tangent(value);
                        let tv = tv.unwrap_or_else(|| match value {
                            // The zero of what is stored: an element or a whole row.
                            Expr::Atom(a) if self.is_tensor(a) => tzero(Expr::ZeroLike(a.clone())),
                            // (The zero of the primal target: a tangent's own zero would
                            // not be one of lanes.)
                            Expr::ZeroLike(_) => tzero(Expr::ZeroLike(target.clone())),
                            _ => tzero(Expr::ZeroOf(target.clone())),
                        });
                        out.push(Stmt::Assign { target: t, value: tv, span: *span });
                    }
                }
                Stmt::Loop { header, carried, body, code, exits, trips, label, span } => {
                    let active: Vec<usize> =
                        (0..carried.len()).filter(|&k| self.act.is_active(carried[k].0)).collect();
                    let mut all = carried.clone();
                    let mut inits = Vec::new();
                    for &k in &active {
                        let (cell, init) = &carried[k];
                        let t = self.tangent_var(*cell);
                        let init_t = match self.tangent_of(init) {
                            Some(a) => a,
                            None => {
                                let z = self.new_var("zero".into(), crate::ir::Shape::Scalar);
                                inits.push(Stmt::Let {
                                    vars: vec![z],
                                    value: tzero(Expr::ZeroOf(init.clone())),
                                    span: *span,
                                });
                                Atom::Var(z)
                            }
                        };
                        self.tangent.insert(*cell, Atom::Var(t));
                        all.push((t, init_t));
                    }
                    let outer = self.tangent.clone();
                    let mut b = self.block(body);
                    // Tangent yields go after the carried ones, before the exit code.
                    for (at, &k) in (carried.len()..).zip(active.iter()) {
                        let y = &body.yields[k];
                        let t = match self.tangent_of(y) {
                            Some(t) => t,
                            None => {
                                let z = self.new_var("zero".into(), crate::ir::Shape::Scalar);
                                b.stmts.push(Stmt::Let {
                                    vars: vec![z],
                                    value: tzero(Expr::ZeroOf(y.clone())),
                                    span: *span,
                                });
                                Atom::Var(z)
                            }
                        };
                        b.yields.insert(at, t);
                    }
                    self.tangent = outer;
                    out.pop();
                    out.extend(inits);
                    out.push(Stmt::Loop {
                        header: header.clone(),
                        carried: all,
                        body: b,
                        code: *code,
                        exits: *exits,
                        trips: *trips,
                        label: label.clone(),
                        span: *span,
                    });
                }
                // Reverse-mode code (`second`): the tangent is accumulated beside the
                // adjoint, and saved beside the value on a tape of its own.
                Stmt::Accumulate { target, value, subtract, span } => {
                    if let (Some(t), Some(tv)) =
                        (self.tangent_of(target), self.simple_tangent(value))
                    {
                        out.push(Stmt::Accumulate {
                            target: t,
                            value: tv,
                            subtract: *subtract,
                            span: *span,
                        });
                    }
                }
                Stmt::Push { tape, value, reserved, span } => {
                    if let (Some(Atom::Var(t)), Some(tv)) =
                        (self.tangent.get(tape).cloned(), self.tangent_of(value))
                    {
                        out.push(Stmt::Push {
                            tape: t,
                            value: tv,
                            reserved: *reserved,
                            span: *span,
                        });
                    }
                }
                Stmt::Reserve { tape, count, span } => {
                    if let Some(Atom::Var(t)) = self.tangent.get(tape).cloned() {
                        out.push(Stmt::Reserve { tape: t, count: count.clone(), span: *span });
                    }
                }
            }
        }
        Block { stmts: out, yields: block.yields.clone() }
    }

    /// The tangent of what an accumulation adds or a store writes (an atom, a copy of
    /// one, or a zero after `anf`); `None` when it is zero.
    fn simple_tangent(&self, value: &Expr) -> Option<Expr> {
        match value {
            Expr::Atom(a) => self.tangent_of(a).map(Expr::Atom),
            Expr::CopyOf(a) => self.tangent_of(a).map(Expr::CopyOf),
            _ => None,
        }
    }

    /// A branch with the tangents of the `active` outs appended to its yields.
    fn branch(&mut self, block: &Block, active: &[usize]) -> Block {
        let outer = self.tangent.clone();
        let mut b = self.block(block);
        for &k in active {
            let y = &block.yields[k];
            let t = match self.tangent_of(y) {
                Some(t) => t,
                None => {
                    let z = self.new_var("zero".into(), crate::ir::Shape::Scalar);
                    let span = proc_macro2::Span::call_site();
                    b.stmts.push(Stmt::Let { vars: vec![z], value: self.zero_tangent(y), span });
                    Atom::Var(z)
                }
            };
            b.yields.push(t);
        }
        self.tangent = outer;
        b
    }

    /// The tangent of the statements only reverse-mode code has (`second`): a partial
    /// from a rule, a value popped from a tape, a new tape, a converted adjoint, a copy of
    /// a tensor that changes afterwards. Returns whether `value` was one of them.
    fn derived_stmt(&mut self, v: Var, value: &Expr, span: Span, out: &mut Vec<Stmt>) -> bool {
        let value = match value {
            // `d = d_op(x, y)`: `d_dot = dd_op(x, y) * x_dot` (`y` is a function of `x`).
            Expr::Rule(p, args) => {
                let Some(Expr::Atom(x)) = args.first() else { return false };
                let tx = self.tangent_of(x);
                let dd = self.new_var(format!("dd{}", self.vars[v.0].name), Shape::Scalar);
                out.push(Stmt::Let { vars: vec![dd], value: Expr::Rule2(*p, args.clone()), span });
                match tx {
                    Some(tx) => Expr::bin(BinOp::Mul, Expr::Atom(tx), Expr::var(dd)),
                    None => tzero(Expr::ZeroOf(Atom::Var(v))),
                }
            }
            Expr::Pop(tape) => match self.tangent.get(tape) {
                Some(Atom::Var(t)) => Expr::Pop(*t),
                _ => return false,
            },
            Expr::NewTape(_) => Expr::NewTape(None),
            // An adjoint starting at zero: its tangent starts at the same zero (built the
            // same way, which a generic float type needs).
            Expr::ZeroLike(a) => tzero(Expr::ZeroLike(a.clone())),
            Expr::CastLike(x, like) => match &**x {
                Expr::Atom(a) => match self.tangent_of(a) {
                    Some(t) => Expr::CastLike(Box::new(Expr::Atom(t)), like.clone()),
                    None => tzero(Expr::ZeroOf(Atom::Var(v))),
                },
                _ => return false,
            },
            Expr::Atom(a @ Atom::Var(_)) if self.is_tensor(a) && self.mutated.is_some() => {
                match self.tangent_of(a) {
                    Some(t) => Expr::CopyOf(t),
                    None => tzero(Expr::ZeroLike(Atom::Var(v))),
                }
            }
            _ => return false,
        };
        let t = self.tangent_var(v);
        out.push(Stmt::Let { vars: vec![t], value, span });
        self.tangent.insert(v, Atom::Var(t));
        true
    }

    /// A `let` of several variables in reverse-mode code (`second`): the partials of a
    /// binary or ternary rule, or the call of a callee's VJP.
    fn tangent_tuple(&mut self, vs: &[Var], value: &Expr, span: Span, out: &mut Vec<Stmt>) {
        match value {
            // `(da, db) = d_op(a, b, y)`: `da_dot = h_aa a_dot + h_ab b_dot`, ...,
            // with `(h_aa, h_ab, h_bb) = dd_op(a, b, y)`.
            Expr::Rule(p, args) => {
                let n = vs.len();
                let operands: Vec<Option<Atom>> = args[..n]
                    .iter()
                    .map(|a| match a {
                        Expr::Atom(a) => self.tangent_of(a),
                        _ => None,
                    })
                    .collect();
                // The upper triangle of the symmetric matrix, row by row, as the rule
                // returns it.
                let mut h = HashMap::new();
                let mut names = Vec::new();
                for i in 0..n {
                    for j in i..n {
                        let hv = self.new_var(format!("h{i}{j}"), Shape::Scalar);
                        h.insert((i, j), hv);
                        h.insert((j, i), hv);
                        names.push(hv);
                    }
                }
                out.push(Stmt::Let { vars: names, value: Expr::Rule2(*p, args.clone()), span });
                for (i, d) in vs.iter().enumerate() {
                    if !self.act.is_active(*d) || self.vars[d.0].name == "_" {
                        continue;
                    }
                    let mut sum: Option<Expr> = None;
                    for (j, t) in operands.iter().enumerate() {
                        let Some(t) = t else { continue };
                        let term =
                            Expr::bin(BinOp::Mul, Expr::Atom(t.clone()), Expr::var(h[&(i, j)]));
                        sum = Some(match sum {
                            None => term,
                            Some(s) => Expr::bin(BinOp::Add, s, term),
                        });
                    }
                    let t = self.tangent_var(*d);
                    let value = sum.unwrap_or_else(|| tzero(Expr::ZeroOf(Atom::Var(*d))));
                    out.push(Stmt::Let { vars: vec![t], value, span });
                    self.tangent.insert(*d, Atom::Var(t));
                }
            }
            // `(_, g) = f_vjp(args.., v_bar)`: through `f_vjp_jvp`,
            // `(r, r_dot) = f_vjp_jvp(args.., v_bar, tangents..); g = r.1; g_dot = r_dot.1`.
            Expr::Call { args, floats, siblings: Some(sib), unwrap, .. } if vs.len() == 2 => {
                // The call replaces the plain `f_vjp` call just copied out.
                out.pop();
                let tangents = self.call_tangents(args, floats, span, out);
                let mut all = args.clone();
                all.extend(tangents);
                let r = self.new_var("vjp".into(), Shape::Other);
                let r_dot = self.new_var("vjp_dot".into(), Shape::Other);
                let call = Expr::Call {
                    func: sib.jvp.clone(),
                    args: all,
                    floats: Vec::new(),
                    siblings: None,
                    unwrap: unwrap.clone(),
                };
                out.push(Stmt::Let { vars: vec![r, r_dot], value: call, span });
                let second = |r: Var| {
                    Expr::Atom(Atom::Place(
                        r,
                        vec![crate::ir::Proj::Field(syn::Member::Unnamed(syn::Index::from(1)))],
                    ))
                };
                let g = vs[1];
                out.push(Stmt::Let { vars: vec![g], value: second(r), span });
                let t = self.tangent_var(g);
                out.push(Stmt::Let { vars: vec![t], value: second(r_dot), span });
                self.tangent.insert(g, Atom::Var(t));
            }
            _ => {}
        }
    }

    /// The tangents passed to a callee's sibling, one per float argument, as the
    /// argument was passed (`&x` gives `&x_dot`); zeros for constant arguments.
    fn call_tangents(
        &mut self,
        args: &[Expr],
        floats: &[bool],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Vec<Expr> {
        let mut all = Vec::new();
        for (arg, _) in args.iter().zip(floats).filter(|(_, f)| **f) {
            let Some((atom, by_ref)) = crate::ir::argument_atom(arg) else { continue };
            let t = match self.tangent_of(atom) {
                Some(t) => t,
                None => {
                    let z = self.new_var("zero".into(), Shape::Scalar);
                    out.push(Stmt::Let { vars: vec![z], value: self.zero_tangent(atom), span });
                    Atom::Var(z)
                }
            };
            let by_ref = by_ref || matches!(atom, Atom::Var(v) if self.ref_arrays.contains(v));
            all.push(if by_ref {
                let t = Expr::Unary(crate::ir::UnOp::Ref, Box::new(Expr::Atom(t)));
                Expr::TangentArg(Box::new(t))
            } else {
                Expr::Atom(t)
            });
        }
        all
    }

    fn tangent_stmt(&mut self, v: Var, value: &Expr, span: proc_macro2::Span, out: &mut Vec<Stmt>) {
        // The identity (`let v = a;`, `*a`) needs no new variable.
        // (Not for an element: the array may be written later, and the tangent must be
        // the element's tangent now.)
        if let Some(a @ Atom::Var(u)) = identity_of(value) {
            let shared = match &self.mutated {
                Some(m) => !m.contains(u) && !m.contains(&v),
                None => true,
            };
            if let (Some(t), true) = (self.tangent_of(a), shared) {
                self.tangent.insert(v, t);
                return;
            }
        }
        if self.derived_stmt(v, value, span, out) {
            return;
        }
        // A call: `let (_, v_dot) = g_jvp(args.., tangents..)`, one tangent per float
        // argument, passed as the argument was (`&x` gives `&x_dot`).
        if let Expr::Call { args, floats, siblings: Some(sib), unwrap, .. } = value {
            let mut all = args.clone();
            let tangents = self.call_tangents(args, floats, span, out);
            all.extend(tangents);
            let skip = self.new_var("_".into(), crate::ir::Shape::Other);
            let t = self.tangent_var(v);
            let call = Expr::Call {
                func: sib.jvp.clone(),
                args: all,
                floats: Vec::new(),
                siblings: None,
                unwrap: unwrap.clone(),
            };
            out.push(Stmt::Let { vars: vec![skip, t], value: call, span });
            self.tangent.insert(v, Atom::Var(t));
            return;
        }
        if let Expr::CopyOf(a) = value {
            let t = self.tangent_var(v);
            let tv = match self.tangent_of(a) {
                Some(ta) => Expr::CopyOf(ta),
                None => tzero(Expr::ZeroLike(Atom::Var(v))),
            };
            out.push(Stmt::Let { vars: vec![t], value: tv, span });
            self.tangent.insert(v, Atom::Var(t));
            return;
        }
        let act = self.act;
        let p = partials(v, value, &mut self.vars, &|a| act.atom(a), span);
        out.extend(p.pre);
        let mut sum: Option<Expr> = None;
        for (a, coef) in &p.coefs {
            let Some(t) = self.tangent_of(a) else {
                continue;
            };
            let term = coef.forward(Expr::Atom(t));
            sum = Some(match (sum, coef.negate) {
                (None, false) => term,
                (None, true) => Expr::neg(term),
                (Some(s), false) => Expr::bin(BinOp::Add, s, term),
                (Some(s), true) => Expr::bin(BinOp::Sub, s, term),
            });
        }
        let value = sum.unwrap_or_else(|| match self.vars[v.0].shape {
            crate::ir::Shape::Tensor { .. } => tzero(Expr::ZeroLike(Atom::Var(v))),
            _ => tzero(Expr::ZeroOf(Atom::Var(v))),
        });
        let t = self.tangent_var(v);
        out.push(Stmt::Let { vars: vec![t], value, span });
        self.tangent.insert(v, Atom::Var(t));
    }
}

/// A zero tangent.
fn tzero(zero: Expr) -> Expr {
    Expr::Tangent(Box::new(zero))
}

/// The operand of `a` or `*a`: statements whose derivative is the operand's.
pub fn identity_of(value: &Expr) -> Option<&Atom> {
    match value {
        Expr::Atom(a) => Some(a),
        Expr::Unary(crate::ir::UnOp::Deref, e) => match &**e {
            Expr::Atom(a) => Some(a),
            _ => None,
        },
        _ => None,
    }
}
