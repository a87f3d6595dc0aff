//! `reverse`: reverse mode (the VJP), IR -> IR.
//!
//! Input: `let y2 = y1 + b1; let y3 = y2 * y2;` with `y3` the output. Output:
//! ```text
//! let y2 = y1 + b1; let y3 = y2 * y2;      // forward sweep: the primal
//! let y3_bar = dout;                       // seed
//! let mut y2_bar = y3_bar * y2;            // adjoint sweep, statements in reverse
//! y2_bar += y3_bar * y2;
//! let y1_bar = y2_bar; let b1_bar = y2_bar;
//! ```
//! - An adjoint `v_bar` is declared by its first contribution and accumulated with `+=`
//!   after that; one that a branch or loop adds to is declared as zero before it.
//! - Straight-line code needs no tape: A-normal form keeps every value in its own local,
//!   in scope for the adjoint sweep.
//! - An `if` is reversed as an `if` on the same condition; a loop as a loop over the
//!   reversed range (`.rev()`) when its bounds are fixed and it has no early exit, or
//!   over its recorded trip count otherwise. The carried cells' adjoints flow from one
//!   reversed iteration to the one before.
//! - A reversed branch or loop body needs some of the block's own values. Each one is
//!   either computed again at the start of the reversed block, when it depends only on
//!   values that are still there (parameters, outer locals, the loop index, other values
//!   computed again), or else pushed on a tape of its own at the end of the forward
//!   block and popped at the start of the reversed one: loop-carried values, reads of
//!   arrays the function writes again later (a read after an array's last write is
//!   computed again: the array keeps its final contents), the outs of inner branches
//!   and loops (a branch record), the trip counts of inner loops with early exits.
//!   Nothing else is saved. An integer counter that a loop steps by a fixed amount is
//!   not saved either: the reversed loop carries it back from its final value.
//! - Tapes of active floats (one concrete float type through the function) and of
//!   branch decisions reuse their buffers from call to call (`Tape::pooled`).
//! - Arrays the function writes: `y[i] = v` is reversed as `v_bar += y_bar[i];
//!   y_bar[i] = 0`; a read `t = y[i]` as `y_bar[i] += t_bar`.
//!
//! Guarantees: the result's `ret` is `(output, gradient)` with one gradient entry per
//! active parameter in `active_order` (bare for one, a tuple for several).

use crate::activity::Activity;
use crate::forward::{identity_of, Derived};
use crate::ir::{
    Atom, BinOp, Block, Expr, Func, Header, ParamKind, Proj, Shape, Stmt, Var, VarInfo,
};
use crate::partials::partials;
use proc_macro2::Span;
use std::collections::{HashMap, HashSet};

/// Where the reverse sweep starts.
pub enum Seed {
    /// From a cotangent parameter `dout` (the VJP).
    Param,
    /// From one (the gradient of a scalar function).
    One,
}

struct Rev<'a> {
    vars: Vec<VarInfo>,
    act: &'a Activity,
    adjoint: HashMap<Var, Var>,
    /// The variables that are adjoints (of anything).
    adjoint_vars: HashSet<Var>,
    /// Adjoints declared at this point of the sweep.
    born: HashSet<Var>,
    /// Adjoint variables already taken over by another variable on this path.
    taken: HashSet<Var>,
    /// Arrays the primal writes element by element: reads of them cannot be repeated
    /// while a write may still follow.
    stored: HashSet<Var>,
    /// Program order: of each array, the point after which it is never written again (the
    /// end of the outermost loop around its last write); of each primal `let`, its point.
    /// A read after an array's last write sees the array's final contents, which the
    /// adjoint sweep still has: it can be computed again instead of saved.
    order: Order,
    /// `Vec`s the primal pushes onto: built again from their `let`, they would have the
    /// length they started with, so a reversed block that needs one (to size its
    /// adjoint) has it saved.
    grown: HashSet<Var>,
    /// The tape of each saved variable, in order of creation.
    tapes: Vec<(Var, Var)>,
    /// How many loops the block being reversed is inside.
    loop_depth: usize,
    /// Whether the function has generic float types (no `Default` for tape room).
    generic_floats: bool,
    /// Carried cells whose adjoint was just handed to the iteration before: the first
    /// contribution sets it (`v_bar = ..`) instead of adding to a zero.
    reset: HashSet<Var>,
}

/// Primitives that cost far more than saving and restoring their result.
const EXPENSIVE: &[&str] = &[
    "exp", "exp2", "exp_m1", "ln", "ln_1p", "log", "log2", "log10", "sin", "cos", "tan", "asin",
    "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "powf", "cbrt",
    "hypot",
];

pub fn vjp(func: &Func, act: &Activity, seed: Seed) -> Derived {
    let mut stored = HashSet::new();
    func.body.written(&mut stored);
    let mut grown = HashSet::new();
    pushed(&func.body, &mut grown);
    let mut order = Order::default();
    order.walk(&func.body, &mut 0, None);
    order.top.extend(func.params.iter().map(|p| p.var));
    for stmt in &func.body.stmts {
        if let Stmt::Let { vars, .. } = stmt {
            order.top.extend(vars.iter().copied());
        }
    }
    let mut cx = Rev {
        vars: func.vars.clone(),
        act,
        adjoint: HashMap::new(),
        adjoint_vars: HashSet::new(),
        born: HashSet::new(),
        taken: HashSet::new(),
        stored,
        order,
        grown,
        tapes: Vec::new(),
        loop_depth: 0,
        generic_floats: func.generic_floats,
        reset: HashSet::new(),
    };
    let span = Span::call_site();
    let mut extra_params = Vec::new();
    // The seed of each output component: one (a gradient), `dout`, or `dout.k` of a
    // tuple; an array's or `Vec`'s cotangent is added into an adjoint of its own.
    let dout = match seed {
        Seed::Param => {
            let d = cx.new_var("dout".into(), Shape::Other);
            extra_params.push(d);
            Some(d)
        }
        Seed::One => None,
    };
    let seeds: Vec<Expr> = func
        .outputs
        .iter()
        .enumerate()
        .map(|(k, o)| {
            let Some(d) = dout else { return Expr::One(o.ty.clone()) };
            let part = if func.output_tuple {
                Atom::Place(d, vec![Proj::Field(syn::Member::Unnamed(syn::Index::from(k)))])
            } else {
                Atom::Var(d)
            };
            match o.kind {
                ParamKind::Scalar { .. } => Expr::Atom(part),
                _ => Expr::CopyOf(part),
            }
        })
        .collect();
    let mut adjoint = Vec::new();
    let tensors: Vec<Var> = func
        .active_params()
        .map(|p| p.var)
        .chain(tensor_locals(&func.body, &func.vars))
        .chain(func.out_param)
        .filter(|v| {
            act.is_active(*v)
                || func.out_param == Some(*v)
                || func.params.iter().any(|p| p.var == *v && p.active)
        })
        .filter(|v| matches!(cx.vars[v.0].shape, Shape::Tensor { .. }))
        .collect();
    for v in tensors {
        let bar = cx.adjoint_var(v);
        adjoint.push(Stmt::Let { vars: vec![bar], value: Expr::ZeroLike(Atom::Var(v)), span });
        cx.born.insert(v);
    }
    for (o, seed) in func.outputs.iter().zip(seeds) {
        cx.contribute(&o.atom, seed, false, &mut adjoint, span);
    }
    let forward = cx.reverse_stmts(&func.body.stmts, &mut adjoint);

    // Tapes of active floats, all of the function's one float type, and of branch
    // decisions come from the pool.
    let pool = pooled_float(func);
    let mut decisions = HashSet::new();
    comparisons(&func.body, &mut decisions);
    let mut stmts: Vec<Stmt> = cx
        .tapes
        .iter()
        .map(|(v, tape)| {
            let float = act.is_active(*v) && cx.vars[v.0].shape == Shape::Scalar;
            let ty = match (float, decisions.contains(v)) {
                (true, _) => pool.clone(),
                (false, true) => Some(syn::parse_quote!(bool)),
                (false, false) => None,
            };
            Stmt::Let { vars: vec![*tape], value: Expr::NewTape(ty), span }
        })
        .collect();
    stmts.extend(forward);
    stmts.extend(adjoint);
    let mut grads: Vec<Expr> = Vec::new();
    for p in func.active_params() {
        grads.push(match (cx.born.contains(&p.var), &p.kind) {
            (true, _) => Expr::var(cx.adjoint[&p.var]),
            // A parameter the output does not depend on has a zero adjoint, declared as
            // an adjoint so that the siblings of several cotangents make it one of lanes.
            (false, ParamKind::Scalar { float, .. }) => {
                let bar = cx.adjoint_var(p.var);
                stmts.push(Stmt::Let {
                    vars: vec![bar],
                    value: Expr::ZeroOfType(float.clone()),
                    span,
                });
                Expr::var(bar)
            }
            (false, _) => Expr::ZeroLike(Atom::Var(p.var)),
        });
    }
    let grad = if grads.len() == 1 {
        grads.into_iter().next().unwrap_or(Expr::Tuple(Vec::new()))
    } else {
        Expr::Tuple(grads)
    };
    let mut values: Vec<Expr> = func.outputs.iter().map(|o| Expr::Atom(o.atom.clone())).collect();
    let ret = if func.out_param.is_some() {
        // The output is in the caller's buffer; only the derivatives are returned.
        grad
    } else {
        let value = if func.output_tuple { Expr::Tuple(values) } else { values.remove(0) };
        Expr::Tuple(vec![value, grad])
    };
    Derived { vars: cx.vars, extra_params, body: Block { stmts, yields: Vec::new() }, ret }
}

/// The float type every active value of `func` has, when that is `f32` or `f64` as
/// written: one type through inputs and output, no generic float, and no cast or typed
/// `let` to the other one (an active value is computed from the inputs by operations
/// that keep its type).
fn pooled_float(func: &Func) -> Option<syn::Type> {
    if func.generic_floats || !crate::emit::one_float_type_through(func) {
        return None;
    }
    let leaf = crate::emit::leaf_type(&func.output_ty).clone();
    let name = |t: &syn::Type| match t {
        syn::Type::Path(p) => p.path.get_ident().map(|i| i.to_string()),
        _ => None,
    };
    let float = name(&leaf).filter(|n| n == "f64" || n == "f32")?;
    let other = |t: &syn::Type| name(t).is_some_and(|n| (n == "f64" || n == "f32") && n != float);
    fn casts(b: &Block, other: &dyn Fn(&syn::Type) -> bool) -> bool {
        b.stmts.iter().any(|s| match s {
            // A conversion that does not name its type may be to the other float type.
            Stmt::Let { value: Expr::Cast(_, to), .. } => to.target().is_none_or(other),
            Stmt::If { then, els, .. } => casts(then, other) || casts(els, other),
            Stmt::Loop { body, .. } => casts(body, other),
            _ => false,
        })
    }
    let typed = func.vars.iter().any(|v| v.ty.as_ref().is_some_and(&other));
    (!typed && !casts(&func.body, &other)).then_some(leaf)
}

/// The variables bound to a comparison (a `bool`) anywhere in `block`.
fn comparisons(block: &Block, out: &mut HashSet<Var>) {
    for stmt in &block.stmts {
        match stmt {
            Stmt::Let {
                vars,
                value:
                    Expr::Binary(
                        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne,
                        ..,
                    ),
                ..
            } => out.extend(vars.iter().copied()),
            Stmt::If { then, els, .. } => {
                comparisons(then, out);
                comparisons(els, out);
            }
            Stmt::Loop { body, .. } => comparisons(body, out),
            _ => {}
        }
    }
}

/// What a reversed child block starts from.
struct ChildSeed {
    /// Adjoint statements to run first (a loop's seeding of its carried adjoints).
    pre: Vec<Stmt>,
    /// `(atom, adjoint)`: contributions of the block's yields.
    yields: Vec<(Atom, Expr)>,
    /// Variables defined at the block's start besides its `let`s: a loop body's
    /// carried cells (and its index when the reversed loop cannot give it again).
    defined: Vec<Var>,
    /// Carried cells whose adjoints the block sets rather than adds to (see `reset`).
    reset: Vec<Var>,
    span: Span,
}

impl Rev<'_> {
    fn new_var(&mut self, name: String, shape: Shape) -> Var {
        self.vars.push(VarInfo { name, shape, ty: None, derived: None });
        Var(self.vars.len() - 1)
    }

    fn adjoint_var(&mut self, v: Var) -> Var {
        if let Some(a) = self.adjoint.get(&v) {
            return *a;
        }
        let info = &self.vars[v.0];
        let a = self.new_var(format!("{}_bar", info.name), info.shape);
        self.vars[a.0].derived = Some((v, "_bar"));
        self.adjoint.insert(v, a);
        self.adjoint_vars.insert(a);
        a
    }

    /// `a_bar += value` (or `-=`), declaring `a_bar` if this is its first contribution.
    fn contribute(
        &mut self,
        a: &Atom,
        value: Expr,
        subtract: bool,
        out: &mut Vec<Stmt>,
        span: Span,
    ) {
        if !self.act.atom(a) {
            return;
        }
        let Some(v) = a.var() else { return };
        let born = self.born.contains(&v);
        match a {
            Atom::Var(_) if !born => {
                // A first contribution `a_bar = w_bar` of an adjoint that nothing reads
                // afterwards: `a` takes the adjoint variable over instead of copying it.
                if let (false, Expr::Atom(Atom::Var(w))) = (subtract, &value) {
                    // Taken over once only: a second operand reading the same adjoint
                    // (`v = a + b`) copies it instead.
                    if self.adjoint_vars.contains(w) && self.taken.insert(*w) {
                        self.adjoint.insert(v, *w);
                        self.born.insert(v);
                        return;
                    }
                }
                let bar = self.adjoint_var(v);
                let value = if subtract { Expr::neg(value) } else { value };
                out.push(Stmt::Let { vars: vec![bar], value, span });
                self.born.insert(v);
            }
            Atom::Var(_) if self.reset.remove(&v) => {
                let bar = self.adjoint_var(v);
                let value = if subtract { Expr::neg(value) } else { value };
                out.push(Stmt::Assign { target: Atom::Var(bar), value, span });
            }
            Atom::Var(_) => {
                let bar = self.adjoint_var(v);
                out.push(Stmt::Accumulate { target: Atom::Var(bar), value, subtract, span });
            }
            Atom::Place(_, proj) => {
                let bar = self.adjoint_var(v);
                if !born {
                    out.push(Stmt::Let {
                        vars: vec![bar],
                        value: Expr::ZeroLike(Atom::Var(v)),
                        span,
                    });
                    self.born.insert(v);
                }
                out.push(Stmt::Accumulate {
                    target: Atom::Place(bar, proj.clone()),
                    value,
                    subtract,
                    span,
                });
            }
            Atom::Const(_) => {}
        }
    }

    /// A new tape that saves `v` at one place (each block that saves a variable has a
    /// tape of its own, so that room made for one loop is not used by another).
    fn tape_of(&mut self, v: Var) -> Var {
        let name = format!("{}_tape", self.vars[v.0].name);
        let t = self.new_var(name, Shape::Other);
        self.vars[t.0].derived = Some((v, "_tape"));
        self.tapes.push((v, t));
        t
    }

    /// Adjoints of scalar variables that `stmt` reads from outside and may add to start
    /// as zero here, so that every path through it (and what follows) can accumulate.
    fn declare_outer(&mut self, stmt: &Stmt, adj: &mut Vec<Stmt>, span: Span) {
        let mut outer = Vec::new();
        match stmt {
            Stmt::If { then, els, .. } => {
                free_vars(then, &mut outer);
                free_vars(els, &mut outer);
            }
            Stmt::Loop { carried, body, .. } => {
                free_vars(body, &mut outer);
                for (cell, init) in carried {
                    outer.push(*cell);
                    init.vars(&mut outer);
                }
            }
            _ => {}
        }
        outer.sort();
        outer.dedup();
        for u in &outer {
            if self.reset.remove(u) {
                let bar = self.adjoint[u];
                adj.push(Stmt::Assign {
                    target: Atom::Var(bar),
                    value: Expr::ZeroOf(Atom::Var(bar)),
                    span,
                });
            }
        }
        for u in outer {
            // (An active value that is not an array is a float, whatever its shape was
            // guessed to be from a constant it started at.)
            if self.act.is_active(u)
                && !self.born.contains(&u)
                && !matches!(self.vars[u.0].shape, Shape::Tensor { .. })
            {
                let bar = self.adjoint_var(u);
                adj.push(Stmt::Let { vars: vec![bar], value: Expr::ZeroOf(Atom::Var(u)), span });
                self.born.insert(u);
            }
        }
    }

    /// Reverses `stmts`: their adjoint goes to `adj`; returns their forward version
    /// (the primal with the pushes that reversed inner blocks need).
    fn reverse_stmts(&mut self, stmts: &[Stmt], adj: &mut Vec<Stmt>) -> Vec<Stmt> {
        let mut fwd = Vec::with_capacity(stmts.len());
        for stmt in stmts.iter().rev() {
            match stmt {
                Stmt::Let { vars, value, span } => {
                    fwd.push(stmt.clone());
                    let [v] = vars.as_slice() else { continue };
                    if !self.act.is_active(*v) || !self.born.contains(v) {
                        continue;
                    }
                    let bar = self.adjoint[v];
                    // `let v = a;`: `a` takes `v`'s adjoint over if it has none yet.
                    if let Some(Atom::Var(a)) = identity_of(value) {
                        if self.act.is_active(*a) && !self.born.contains(a) {
                            self.adjoint.insert(*a, bar);
                            self.born.insert(*a);
                            continue;
                        }
                    }
                    // A call: `let (_, dv) = g_vjp(args.., v_bar)`, one entry per float
                    // argument (bare for one), added to each argument's adjoint.
                    if let Expr::Call { args, floats, siblings: Some(sib), unwrap, .. } = value {
                        let skip = self.new_var("_".into(), Shape::Other);
                        let grads = self.new_var(format!("d{}", self.vars[v.0].name), Shape::Other);
                        let mut all = args.clone();
                        // The cotangent as the callee's signature takes it: a float or
                        // an array by value, a `Vec`'s as a slice (the macro cannot see
                        // which the callee returns; rustc picks it).
                        let by_ref = Expr::Unary(crate::ir::UnOp::Ref, Box::new(Expr::var(bar)));
                        all.push(Expr::TangentArg(Box::new(by_ref)));
                        // The call of `g_vjp` is itself differentiated (for Hessians)
                        // through `g_vjp_jvp`, its cotangent a float argument too.
                        let mut all_floats = floats.clone();
                        all_floats.push(true);
                        let call = Expr::Call {
                            func: sib.vjp.clone(),
                            args: all,
                            floats: all_floats,
                            siblings: crate::ir::Siblings::of(&sib.vjp).map(Box::new),
                            unwrap: unwrap.clone(),
                        };
                        adj.push(Stmt::Let { vars: vec![skip, grads], value: call, span: *span });
                        let float_args: Vec<&Expr> =
                            args.iter().zip(floats).filter(|(_, f)| **f).map(|(a, _)| a).collect();
                        let n = float_args.len();
                        for (k, arg) in float_args.into_iter().enumerate() {
                            let Some((atom, _)) = crate::ir::argument_atom(arg) else { continue };
                            let g = if n == 1 {
                                Atom::Var(grads)
                            } else {
                                Atom::Place(
                                    grads,
                                    vec![Proj::Field(syn::Member::Unnamed(syn::Index::from(k)))],
                                )
                            };
                            let atom = atom.clone();
                            self.contribute(&atom, Expr::Atom(g), false, adj, *span);
                        }
                        continue;
                    }
                    let act = self.act;
                    let p = partials(*v, value, &mut self.vars, &|a| act.atom(a), *span);
                    adj.extend(p.pre);
                    for (a, coef) in &p.coefs {
                        let value = coef.reverse(Expr::var(bar), a);
                        self.contribute(a, value, coef.negate, adj, *span);
                    }
                }
                Stmt::Assign { target, value, span } => {
                    fwd.push(stmt.clone());
                    let Atom::Place(y, proj) = target else { continue };
                    if !self.act.is_active(*y) || !self.born.contains(y) {
                        continue;
                    }
                    let proj: Vec<Proj> = proj
                        .iter()
                        .map(|p| match p {
                            Proj::Push(k) => Proj::Index(k.clone()),
                            other => other.clone(),
                        })
                        .collect();
                    let elem = Atom::Place(self.adjoint[y], proj);
                    if let Expr::Atom(a) = value {
                        self.contribute(a, Expr::Atom(elem.clone()), false, adj, *span);
                    }
                    // An array stored (or pushed: the `Vec`'s element type may not be
                    // written anywhere) has an array's zero.
                    let tensor = |s: Shape| matches!(s, Shape::Tensor { .. });
                    let stored = matches!(value, Expr::Atom(a) if tensor(self.shape_of(a)));
                    let zero = if stored || tensor(self.shape_of(&elem)) {
                        Expr::ZeroLike(elem.clone())
                    } else {
                        Expr::ZeroOf(elem.clone())
                    };
                    adj.push(Stmt::Assign { target: elem, value: zero, span: *span });
                }
                Stmt::If { cond, then, els, outs, span } => {
                    if !self.is_active_stmt(stmt) {
                        fwd.push(stmt.clone());
                        continue;
                    }
                    self.declare_outer(stmt, adj, *span);
                    let active: Vec<usize> = (0..outs.len())
                        .filter(|&k| self.act.is_active(outs[k]) && self.born.contains(&outs[k]))
                        .collect();
                    let branch = |cx: &mut Self, b: &Block| {
                        let yields = active
                            .iter()
                            .map(|&k| (b.yields[k].clone(), Expr::var(cx.adjoint[&outs[k]])))
                            .collect();
                        cx.child(
                            b,
                            ChildSeed {
                                pre: Vec::new(),
                                yields,
                                defined: Vec::new(),
                                reset: Vec::new(),
                                span: *span,
                            },
                        )
                    };
                    let (fwd_then, rev_then) = branch(self, then);
                    let (fwd_els, rev_els) = branch(self, els);
                    fwd.push(Stmt::If {
                        cond: cond.clone(),
                        then: fwd_then,
                        els: fwd_els,
                        outs: outs.clone(),
                        span: *span,
                    });
                    adj.push(Stmt::If {
                        cond: cond.clone(),
                        then: rev_then,
                        els: rev_els,
                        outs: Vec::new(),
                        span: *span,
                    });
                }
                Stmt::Loop { header, carried, body, code, exits, label, span, .. } => {
                    if !self.is_active_stmt(stmt) {
                        fwd.push(stmt.clone());
                        continue;
                    }
                    self.declare_outer(stmt, adj, *span);
                    // A loop that may stop early is replayed by its trip count.
                    // `.step_by(k)` cannot always be reversed with `.rev()` (that needs an
                    // exact size, which `a..=b` and 64-bit ranges lack): replayed too.
                    let fixed =
                        matches!(header, Header::Range { iter, .. } if !steps(iter)) && !exits;
                    let trips = (!fixed).then(|| self.new_var("trips".into(), Shape::Other));
                    let mut pre = Vec::new();
                    let mut yields = Vec::new();
                    let mut resets = Vec::new();
                    for (k, (cell, _)) in carried.iter().enumerate() {
                        if !self.act.is_active(*cell) || !self.born.contains(cell) {
                            continue;
                        }
                        let bar = self.adjoint[cell];
                        let seed =
                            self.new_var(format!("{}_next", self.vars[bar.0].name), Shape::Scalar);
                        self.vars[seed.0].derived = Some((bar, "_next"));
                        self.adjoint_vars.insert(seed);
                        pre.push(Stmt::Let {
                            vars: vec![seed],
                            value: Expr::var(bar),
                            span: *span,
                        });
                        resets.push(*cell);
                        yields.push((body.yields[k].clone(), Expr::var(seed)));
                    }
                    // Integer counters stepped by a fixed amount (`idx += 1`) are not saved:
                    // the reversed loop steps them back from their final value.
                    let counters: Vec<(Var, Counter)> = if *exits {
                        Vec::new()
                    } else {
                        carried
                            .iter()
                            .enumerate()
                            .filter_map(|(k, (c, _))| {
                                Some((*c, counter(*c, &body.yields[k], body)?))
                            })
                            .collect()
                    };
                    let mut defined: Vec<Var> = carried
                        .iter()
                        .map(|(c, _)| *c)
                        .filter(|c| !counters.iter().any(|(d, _)| d == c))
                        .collect();
                    let reversed = match (header, fixed) {
                        (Header::Range { index, iter }, true) => Header::Range {
                            index: *index,
                            iter: Expr::Method {
                                recv: Box::new(iter.clone()),
                                method: syn::Ident::new("rev", *span),
                                turbofish: None,
                                args: Vec::new(),
                            },
                        },
                        (h, _) => {
                            if let Header::Range { index, .. } = h {
                                defined.push(*index);
                            }
                            Header::Times { count: Atom::Var(trips.unwrap_or(Var(0))) }
                        }
                    };
                    self.loop_depth += 1;
                    let (mut fwd_body, mut rev_body) = self.child(
                        body,
                        ChildSeed { pre, yields, defined, reset: resets, span: *span },
                    );
                    self.loop_depth -= 1;
                    let mut back_cells = Vec::new();
                    let mut steps_back = Vec::new();
                    let mut needed = Vec::new();
                    rev_body.reads(&mut needed);
                    for (c, step) in counters.iter().filter(|(c, _)| needed.contains(c)) {
                        let back =
                            self.new_var(format!("{}_back", self.vars[c.0].name), Shape::Other);
                        let value =
                            Expr::bin(step.undo, Expr::var(back), Expr::Atom(step.by.clone()));
                        steps_back.push(Stmt::Let { vars: vec![*c], value, span: *span });
                        back_cells.push((back, Atom::Var(*c)));
                        rev_body.yields.push(Atom::Var(*c));
                    }
                    rev_body.stmts.splice(0..0, steps_back);
                    // The pushes made directly in a fixed range's body number its trips:
                    // room for them is made once, before the loop.
                    // (Making room needs a default value, which a generic float lacks.)
                    let mut reserve = Vec::new();
                    if let (true, false, Header::Range { iter, .. }) =
                        (fixed, self.generic_floats, header)
                    {
                        for stmt in &mut fwd_body.stmts {
                            if let Stmt::Push { tape, reserved, .. } = stmt {
                                *reserved = true;
                                let count = Expr::Trips(Box::new(iter.clone()));
                                reserve.push(Stmt::Reserve { tape: *tape, count, span: *span });
                            }
                        }
                    }
                    fwd.push(Stmt::Loop {
                        header: header.clone(),
                        carried: carried.clone(),
                        body: fwd_body,
                        code: *code,
                        exits: *exits,
                        trips,
                        label: label.clone(),
                        span: *span,
                    });
                    fwd.extend(reserve);
                    adj.push(Stmt::Loop {
                        header: reversed,
                        carried: back_cells,
                        body: rev_body,
                        code: None,
                        exits: false,
                        trips: None,
                        label: None,
                        span: *span,
                    });
                    for (cell, init) in carried {
                        if self.act.is_active(*cell) && self.born.contains(cell) {
                            let bar = self.adjoint[cell];
                            self.contribute(init, Expr::var(bar), false, adj, *span);
                        }
                    }
                }
                Stmt::Accumulate { .. } | Stmt::Push { .. } | Stmt::Reserve { .. } => {
                    fwd.push(stmt.clone())
                }
            }
        }
        fwd.reverse();
        fwd
    }

    /// Does `stmt` define or write anything active (so it has an adjoint)?
    fn is_active_stmt(&self, stmt: &Stmt) -> bool {
        match stmt {
            Stmt::Let { vars, .. } => vars.iter().any(|v| self.act.is_active(*v)),
            Stmt::Assign { target, .. } => self.act.atom(target),
            Stmt::If { then, els, outs, .. } => {
                outs.iter().any(|v| self.act.is_active(*v))
                    || then.stmts.iter().chain(&els.stmts).any(|s| self.is_active_stmt(s))
            }
            Stmt::Loop { carried, body, .. } => {
                carried.iter().any(|(c, _)| self.act.is_active(*c))
                    || body.stmts.iter().any(|s| self.is_active_stmt(s))
            }
            Stmt::Accumulate { .. } | Stmt::Push { .. } | Stmt::Reserve { .. } => false,
        }
    }

    /// Reverses a branch or loop body: returns its forward version (with pushes at its
    /// end) and its reversed version (pops, values computed again, then the adjoint).
    fn child(&mut self, block: &Block, seed: ChildSeed) -> (Block, Block) {
        let span = seed.span;
        let born = self.born.clone();
        let taken = self.taken.clone();
        let outer_reset = std::mem::replace(&mut self.reset, seed.reset.into_iter().collect());
        let mut adj = seed.pre;
        let mut tensor_zeros = Vec::new();
        for v in tensor_locals(block, &self.vars) {
            if self.act.is_active(v) {
                let bar = self.adjoint_var(v);
                tensor_zeros.push(Stmt::Let {
                    vars: vec![bar],
                    value: Expr::ZeroLike(Atom::Var(v)),
                    span,
                });
                self.born.insert(v);
            }
        }
        for (a, value) in seed.yields {
            self.contribute(&a, value, false, &mut adj, span);
        }
        let mut fwd = self.reverse_stmts(&block.stmts, &mut adj);
        // A carried adjoint that this iteration did not set starts the one before at zero.
        let mut unset: Vec<Var> = self.reset.drain().collect();
        unset.sort();
        for u in unset {
            let bar = self.adjoint[&u];
            adj.push(Stmt::Assign {
                target: Atom::Var(bar),
                value: Expr::ZeroOf(Atom::Var(bar)),
                span,
            });
        }
        self.reset = outer_reset;
        self.born = born;
        self.taken = taken;

        // Which of the block's own values the reversed block reads, and how it gets them.
        let mut lets: HashMap<Var, &Stmt> = HashMap::new();
        let mut defined: HashSet<Var> = seed.defined.iter().copied().collect();
        for stmt in &block.stmts {
            match stmt {
                Stmt::Let { vars, .. } => vars.iter().for_each(|v| {
                    lets.insert(*v, stmt);
                    defined.insert(*v);
                }),
                Stmt::If { outs, .. } => defined.extend(outs.iter().copied()),
                Stmt::Loop { code, carried, .. } => {
                    defined.extend(code.iter().copied());
                    defined.extend(carried.iter().map(|(c, _)| *c));
                }
                _ => {}
            }
        }
        for stmt in &fwd {
            if let Stmt::Loop { trips: Some(t), .. } = stmt {
                defined.insert(*t);
            }
        }
        let mut work = Vec::new();
        for s in tensor_zeros.iter().chain(&adj) {
            s.reads(&mut work);
        }
        // A value is computed again when that needs nothing saved; otherwise the value
        // itself is saved (a branch decision rather than the values it compares).
        let mut memo: HashMap<Var, bool> = HashMap::new();
        let mut again: HashSet<Var> = HashSet::new();
        let mut saved: Vec<Var> = Vec::new();
        let mut seen: HashSet<Var> = HashSet::new();
        while let Some(v) = work.pop() {
            if !defined.contains(&v) || !seen.insert(v) {
                continue;
            }
            if self.recomputable(v, &lets, &defined, &mut memo) {
                if let Some(Stmt::Let { value, vars, .. }) = lets.get(&v) {
                    again.extend(vars.iter().copied());
                    value.vars(&mut work);
                }
            } else {
                saved.push(v);
            }
        }
        saved.sort();
        let mut rev: Vec<Stmt> = Vec::new();
        for v in &saved {
            let tape = self.tape_of(*v);
            fwd.push(Stmt::Push { tape, value: Atom::Var(*v), reserved: false, span });
            rev.push(Stmt::Let { vars: vec![*v], value: Expr::Pop(tape), span });
        }
        rev.extend(
            block
                .stmts
                .iter()
                .filter(|s| matches!(s, Stmt::Let { vars, .. } if vars.iter().any(|v| again.contains(v))))
                .cloned(),
        );
        rev.extend(tensor_zeros);
        rev.extend(adj);
        (
            Block { stmts: fwd, yields: block.yields.clone() },
            Block { stmts: rev, yields: Vec::new() },
        )
    }

    /// Can `v` (defined in the block being reversed) be computed again from values that
    /// are still there, without saving anything?
    fn recomputable(
        &self,
        v: Var,
        lets: &HashMap<Var, &Stmt>,
        defined: &HashSet<Var>,
        memo: &mut HashMap<Var, bool>,
    ) -> bool {
        if !defined.contains(&v) {
            return true;
        }
        if let Some(&known) = memo.get(&v) {
            return known;
        }
        memo.insert(v, false);
        let ok = match lets.get(&v) {
            // Inside loops, where a tape exists anyway, a transcendental result is saved
            // rather than computed a second time.
            Some(Stmt::Let { value: Expr::Prim(p, _), .. })
                if self.loop_depth > 0 && EXPENSIVE.contains(&p.name) =>
            {
                false
            }
            Some(Stmt::Let { vars, .. }) if vars.iter().any(|v| self.grown.contains(v)) => false,
            // A copy of another value of the block is made again from it, whether that one
            // is computed again or saved (`hoist` turns a repeated read into such a copy).
            Some(Stmt::Let { value: Expr::Atom(Atom::Var(_)), .. }) => true,
            Some(Stmt::Let { value, .. }) if !self.reads_stored(v, value) => {
                let mut deps = Vec::new();
                value.vars(&mut deps);
                deps.into_iter().all(|d| self.recomputable(d, lets, defined, memo))
            }
            _ => false,
        };
        memo.insert(v, ok);
        ok
    }

    fn shape_of(&self, a: &Atom) -> Shape {
        match a {
            Atom::Var(v) => self.vars[v.0].shape,
            Atom::Place(v, proj) => proj.iter().fold(self.vars[v.0].shape, |s, p| match p {
                Proj::Field(_) => Shape::Other,
                _ => s.indexed(),
            }),
            Atom::Const(_) => Shape::Other,
        }
    }

    /// Does `value`, bound to `v`, read an array the primal writes again after it? Only
    /// arrays of the function's top level (and parameters) keep their final contents
    /// for the adjoint sweep; one defined inside a branch or loop is built anew from its
    /// `let` by the reversed block, without the writes, so every read of it is saved.
    fn reads_stored(&self, v: Var, value: &Expr) -> bool {
        let at = self.order.lets.get(&v).copied();
        place_of_stored(value, &|w| {
            self.stored.contains(&w)
                && match (at, self.order.last_write.get(&w)) {
                    (Some(at), Some(&last)) => at <= last || !self.order.top.contains(&w),
                    _ => true,
                }
        })
    }
}

/// How the reversed loop recovers an integer counter from its value after the iteration.
struct Counter {
    /// `Sub` for a counter stepped up, `Add` for one stepped down.
    undo: BinOp,
    /// The step: an integer literal or a value fixed before the loop.
    by: Atom,
}

/// A carried cell `c` that the body steps by a fixed integer amount: it yields a `let y
/// = c + k` (or `k + c`, `c - k`) of its top level, `k` an integer literal or a variable
/// from outside the loop. The cell is an integer: the literal is one, or `c` indexes an
/// array. Such a cell is not saved; the reversed iteration computes `c = y - k` (exact in
/// integers) from the value the iteration after it started with.
fn counter(c: Var, yielded: &Atom, body: &Block) -> Option<Counter> {
    let Atom::Var(y) = yielded else { return None };
    let mut defined = HashSet::new();
    let mut read = Vec::new();
    body.walk(&mut defined, &mut read);
    let step = body.stmts.iter().find_map(|s| match s {
        Stmt::Let { vars, value: Expr::Binary(op, a, b), .. } if vars.as_slice() == [*y] => {
            Some((*op, &**a, &**b))
        }
        _ => None,
    })?;
    let cell = |e: &Expr| matches!(e, Expr::Atom(Atom::Var(v)) if *v == c);
    let (undo, by) = match step {
        (BinOp::Add, a, Expr::Atom(k)) if cell(a) => (BinOp::Sub, k),
        (BinOp::Add, Expr::Atom(k), b) if cell(b) => (BinOp::Sub, k),
        (BinOp::Sub, a, Expr::Atom(k)) if cell(a) => (BinOp::Add, k),
        _ => return None,
    };
    let literal = matches!(by, Atom::Const(syn::Expr::Lit(l)) if matches!(l.lit, syn::Lit::Int(_)));
    let fixed = match by {
        Atom::Var(k) => *k != c && !defined.contains(k),
        _ => literal,
    };
    (fixed && (literal || indexes(body, c))).then(|| Counter { undo, by: by.clone() })
}

/// Whether `c` is an index into an array somewhere in `block`.
fn indexes(block: &Block, c: Var) -> bool {
    let atom = |a: &Atom| matches!(a, Atom::Place(_, proj) if proj.iter().any(|p| matches!(p, Proj::Index(Atom::Var(v)) if *v == c)));
    let expr_reads = |e: &Expr| {
        let mut found = false;
        e.atoms(&mut |a| found |= atom(a));
        found
    };
    block.stmts.iter().any(|s| match s {
        Stmt::Let { value, .. } => expr_reads(value),
        Stmt::Assign { target, value, .. } | Stmt::Accumulate { target, value, .. } => {
            atom(target) || expr_reads(value)
        }
        Stmt::If { then, els, .. } => indexes(then, c) || indexes(els, c),
        Stmt::Loop { body, .. } => indexes(body, c),
        _ => false,
    })
}

/// Whether a loop's range expression has a `.step_by(..)`.
fn steps(iter: &Expr) -> bool {
    match iter {
        Expr::Method { recv, method, .. } => method == "step_by" || steps(recv),
        _ => false,
    }
}

/// Whether an expression reads a place inside a stored array, or asks a stored array
/// something (its length, which `push` changes).
fn place_of_stored(e: &Expr, stored: &dyn Fn(Var) -> bool) -> bool {
    match e {
        Expr::Atom(Atom::Place(v, _)) => stored(*v),
        // A copy of a written array (`let mut w = [a, 1.0];` copies the literal's array,
        // `snapshot` the argument of a call) is its contents at that point.
        Expr::CopyOf(Atom::Var(v) | Atom::Place(v, _)) => stored(*v),
        Expr::Method { recv, .. } if matches!(&**recv, Expr::Atom(Atom::Var(v)) if stored(*v)) => {
            true
        }
        Expr::Unary(_, x) | Expr::Cast(x, _) => place_of_stored(x, stored),
        Expr::Binary(_, a, b) => place_of_stored(a, stored) || place_of_stored(b, stored),
        Expr::Prim(_, args) | Expr::Call { args, .. } | Expr::Tuple(args) => {
            args.iter().any(|a| place_of_stored(a, stored))
        }
        Expr::Method { recv, args, .. } => {
            place_of_stored(recv, stored) || args.iter().any(|a| place_of_stored(a, stored))
        }
        _ => false,
    }
}

/// Points in program order (see `Rev::order`).
#[derive(Default)]
struct Order {
    /// The point after which each written array is never written again.
    last_write: HashMap<Var, usize>,
    /// The point of each `let` of the primal.
    lets: HashMap<Var, usize>,
    /// The parameters and the variables of the body's top level, which the adjoint
    /// sweep sees as the forward sweep left them.
    top: HashSet<Var>,
}

impl Order {
    /// Numbers the statements of `block` from `*at` on. Inside a loop (`in_loop` holds
    /// the arrays written so far inside the outermost one), a write counts at the end of
    /// the outermost loop: a later iteration may write again after any read in it.
    fn walk(&mut self, block: &Block, at: &mut usize, mut in_loop: Option<&mut Vec<Var>>) {
        for stmt in &block.stmts {
            *at += 1;
            match stmt {
                Stmt::Let { vars, .. } => {
                    for v in vars {
                        self.lets.insert(*v, *at);
                    }
                }
                Stmt::Assign { target, .. } => {
                    if let Some(w) = target.var() {
                        match in_loop.as_deref_mut() {
                            Some(pending) => pending.push(w),
                            None => self.write(w, *at),
                        }
                    }
                }
                Stmt::If { then, els, .. } => {
                    self.walk(then, at, in_loop.as_deref_mut());
                    self.walk(els, at, in_loop.as_deref_mut());
                }
                Stmt::Loop { body, .. } => match in_loop.as_deref_mut() {
                    Some(pending) => self.walk(body, at, Some(pending)),
                    None => {
                        let mut pending = Vec::new();
                        self.walk(body, at, Some(&mut pending));
                        *at += 1;
                        for w in pending {
                            self.write(w, *at);
                        }
                    }
                },
                _ => {}
            }
        }
    }

    fn write(&mut self, w: Var, at: usize) {
        let last = self.last_write.entry(w).or_insert(0);
        *last = (*last).max(at);
    }
}

/// `Vec`s pushed onto anywhere in `block`.
fn pushed(block: &Block, out: &mut HashSet<Var>) {
    for stmt in &block.stmts {
        match stmt {
            Stmt::Assign { target: Atom::Place(v, proj), .. }
                if proj.iter().any(|p| matches!(p, Proj::Push(_))) =>
            {
                out.insert(*v);
            }
            Stmt::If { then, els, .. } => {
                pushed(then, out);
                pushed(els, out);
            }
            Stmt::Loop { body, .. } => pushed(body, out),
            _ => {}
        }
    }
}

/// Tensor-shaped locals defined by the `let`s of `block` itself (local arrays, copies,
/// rows read out of a nested array): their adjoints start as zeros of their shape when
/// the block's reversal starts, since elements are added to them one by one.
fn tensor_locals(block: &Block, vars: &[VarInfo]) -> Vec<Var> {
    block
        .stmts
        .iter()
        .flat_map(|s| match s {
            Stmt::Let { vars: vs, .. } => vs.first().copied().into_iter().collect(),
            // An array an `if` chooses (`let w = if c { a } else { b };`): its adjoint is
            // read wherever `w` is, in later branches and loops too.
            Stmt::If { outs, .. } => outs.clone(),
            _ => Vec::new(),
        })
        .filter(|v| matches!(vars[v.0].shape, Shape::Tensor { .. }))
        .collect()
}

/// Variables a block reads but does not define.
fn free_vars(block: &Block, out: &mut Vec<Var>) {
    let mut defined = HashSet::new();
    let mut read = Vec::new();
    block.walk(&mut defined, &mut read);
    out.extend(read.into_iter().filter(|v| !defined.contains(v)));
}
