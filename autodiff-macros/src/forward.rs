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
use crate::ir::{Atom, BinOp, Block, Expr, Func, Stmt, Var, VarInfo};
use crate::partials::partials;
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

struct Fwd<'a> {
    vars: Vec<VarInfo>,
    act: &'a Activity,
    tangent: HashMap<Var, Atom>,
}

pub fn jvp(func: &Func, act: &Activity) -> Derived {
    let mut cx = Fwd { vars: func.vars.clone(), act, tangent: HashMap::new() };
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
        pre.push(Stmt::Let { vars: vec![t], value: Expr::ZeroLike(Atom::Var(r)), span });
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
            (None, false) => Expr::ZeroOfType(o.ty.clone()),
            (None, true) => Expr::ZeroLike(o.atom.clone()),
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

impl Fwd<'_> {
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
            Atom::Const(_) => crate::ir::Shape::Other,
        };
        matches!(shape, crate::ir::Shape::Tensor { .. })
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
                Stmt::Let { vars, value, span } => {
                    if let [v] = vars.as_slice() {
                        if self.act.is_active(*v) {
                            self.tangent_stmt(*v, value, *span, &mut out);
                        }
                    }
                }
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
                        let tv = match value {
                            Expr::Atom(a) => self.tangent_of(a).map(Expr::Atom),
                            _ => None,
                        };
                        let tv = tv.unwrap_or_else(|| match value {
                            // The zero of what is stored: an element or a whole row.
                            Expr::Atom(a) if self.is_tensor(a) => Expr::ZeroLike(a.clone()),
                            _ => Expr::ZeroOf(t.clone()),
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
                                    value: Expr::ZeroOf(init.clone()),
                                    span: *span,
                                });
                                Atom::Var(z)
                            }
                        };
                        self.tangent.insert(*cell, Atom::Var(t));
                        all.push((t, init_t));
                    }
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
                                    value: Expr::ZeroOf(y.clone()),
                                    span: *span,
                                });
                                Atom::Var(z)
                            }
                        };
                        b.yields.insert(at, t);
                    }
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
                Stmt::Accumulate { .. } | Stmt::Push { .. } | Stmt::Reserve { .. } => {}
            }
        }
        Block { stmts: out, yields: block.yields.clone() }
    }

    /// A branch with the tangents of the `active` outs appended to its yields.
    fn branch(&mut self, block: &Block, active: &[usize]) -> Block {
        let mut b = self.block(block);
        for &k in active {
            let y = &block.yields[k];
            let t = match self.tangent_of(y) {
                Some(t) => t,
                None => {
                    let z = self.new_var("zero".into(), crate::ir::Shape::Scalar);
                    let span = proc_macro2::Span::call_site();
                    b.stmts.push(Stmt::Let { vars: vec![z], value: Expr::ZeroOf(y.clone()), span });
                    Atom::Var(z)
                }
            };
            b.yields.push(t);
        }
        b
    }

    fn tangent_stmt(&mut self, v: Var, value: &Expr, span: proc_macro2::Span, out: &mut Vec<Stmt>) {
        // The identity (`let v = a;`, `*a`) needs no new variable.
        // (Not for an element: the array may be written later, and the tangent must be
        // the element's tangent now.)
        if let Some(a @ Atom::Var(_)) = identity_of(value) {
            if let Some(t) = self.tangent_of(a) {
                self.tangent.insert(v, t);
                return;
            }
        }
        // A call: `let (_, v_dot) = g_jvp(args.., tangents..)`, one tangent per float
        // argument, passed as the argument was (`&x` gives `&x_dot`).
        if let Expr::Call { args, floats, siblings: Some(sib), .. } = value {
            let mut all = args.clone();
            for (arg, _) in args.iter().zip(floats).filter(|(_, f)| **f) {
                let Some((atom, by_ref)) = crate::ir::argument_atom(arg) else { continue };
                let t = match self.tangent_of(atom) {
                    Some(t) => t,
                    None => {
                        let z = self.new_var("zero".into(), crate::ir::Shape::Scalar);
                        let zero = if self.is_tensor(atom) {
                            Expr::ZeroLike(atom.clone())
                        } else {
                            Expr::ZeroOf(atom.clone())
                        };
                        out.push(Stmt::Let { vars: vec![z], value: zero, span });
                        Atom::Var(z)
                    }
                };
                all.push(if by_ref {
                    Expr::Unary(crate::ir::UnOp::Ref, Box::new(Expr::Atom(t)))
                } else {
                    Expr::Atom(t)
                });
            }
            let skip = self.new_var("_".into(), crate::ir::Shape::Other);
            let t = self.tangent_var(v);
            let call =
                Expr::Call { func: sib.jvp.clone(), args: all, floats: Vec::new(), siblings: None };
            out.push(Stmt::Let { vars: vec![skip, t], value: call, span });
            self.tangent.insert(v, Atom::Var(t));
            return;
        }
        if let Expr::CopyOf(a) = value {
            let t = self.tangent_var(v);
            let tv = match self.tangent_of(a) {
                Some(ta) => Expr::CopyOf(ta),
                None => Expr::ZeroLike(Atom::Var(v)),
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
            crate::ir::Shape::Tensor { .. } => Expr::ZeroLike(Atom::Var(v)),
            _ => Expr::ZeroOf(Atom::Var(v)),
        });
        let t = self.tangent_var(v);
        out.push(Stmt::Let { vars: vec![t], value, span });
        self.tangent.insert(v, Atom::Var(t));
    }
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
