//! `second`: second derivatives, as forward mode applied to the reverse-mode IR.
//!
//! The gradient code that `reverse` writes is itself a function of the inputs; running
//! `forward` over it (after `anf` has put it back into A-normal form) carries a tangent
//! `v` through the primal, the tape and the adjoints alike, and the tangent of the
//! gradient is `H v`, the Hessian-vector product:
//!
//! - `f_hvp(args.., v..) -> (y, g, H v)`: one forward-over-reverse sweep, a small
//!   constant times the cost of the gradient;
//! - `f_vjp_jvp(args.., dout, args_dot.., dout_dot)`: the same transform of `f_vjp`, with
//!   the cotangent varying too. A caller's second-order code calls it where its reverse
//!   sweep calls `f_vjp`, so second derivatives flow through calls.
//!
//! What forward mode meets only in reverse-mode code: accumulations (`x_bar += e` gets
//! `x_bar_dot += e_dot`), resets, tapes (the tangent of a saved value is saved on a tape
//! of its own and popped beside it), partials from rules (`d_sin(x, y)` changes by
//! `dd_sin(x, y) * x_dot`, from the second-order rules of `autodiff_core::rules`) and
//! calls of a callee's VJP (through its `_vjp_jvp`).
//!
//! Which variables get a tangent is decided here, on the reverse-mode code: a variable of
//! the primal keeps its activity; a variable of the adjoint sweep has a tangent when any
//! value written to it (by its `let`, an accumulation, a store or a push) depends on one
//! that has.
//!
//! Guarantees: the result is a [`Derived`] whose `ret` is `(y, g, H v)` (`Hvp`) or
//! `((y, g), (y_dot, g_dot))` (`VjpJvp`), its extra parameters the tangents of the active
//! parameters in `active_order` (after the cotangent and before its tangent, for
//! `VjpJvp`).

use crate::activity::Activity;
use crate::forward::{Derived, Fwd};
use crate::ir::{Atom, BinOp, Block, Expr, Func, PrimKind, Stmt, Var};
use crate::reverse::{self, Seed};

/// Which second-order sibling.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `f_hvp`: forward over the gradient.
    Hvp,
    /// `f_vjp_jvp`: forward over the VJP, cotangent included.
    VjpJvp,
}

pub fn second(func: &Func, act: &Activity, kind: Kind) -> Derived {
    let seed = match kind {
        Kind::Hvp => Seed::One,
        Kind::VjpJvp => Seed::Param,
    };
    let mut rev = reverse::vjp(func, act, seed);
    crate::anf::normalize(&mut rev);
    let mut inputs: Vec<Var> = func.active_params().map(|p| p.var).collect();
    inputs.extend(rev.extra_params.iter().copied());
    let facts = varied(&rev, act, func.vars.len(), &inputs);
    let mut fwd = Fwd::over(rev.vars, &facts, &rev.body, crate::forward::ref_arrays(func));
    let tangents: Vec<Var> = inputs.iter().map(|v| fwd.seed(*v)).collect();
    let mut body = fwd.run(&rev.body);
    let ret = match (kind, &rev.ret) {
        (Kind::Hvp, Expr::Tuple(parts)) if parts.len() == 2 => {
            let hv = fwd.ret_tangent(&parts[1], &tangents, &mut body);
            Expr::Tuple(vec![parts[0].clone(), parts[1].clone(), hv])
        }
        _ => {
            let dot = fwd.ret_tangent(&rev.ret, &tangents, &mut body);
            Expr::Tuple(vec![rev.ret.clone(), dot])
        }
    };
    let mut extra_params = rev.extra_params.clone();
    extra_params.extend(tangents);
    Derived { vars: fwd.into_vars(), extra_params, body, ret }
}

/// The variables of reverse-mode code `d` that carry a tangent: the primal's active ones
/// (the first `primal` variables), the `inputs`, and whatever is computed from them.
fn varied(d: &Derived, act: &Activity, primal: usize, inputs: &[Var]) -> Activity {
    let mut flags: Vec<bool> = (0..d.vars.len()).map(|i| act.is_active(Var(i))).collect();
    for v in inputs {
        flags[v.0] = true;
    }
    let mut cx = Varied { flags, primal };
    // Loops feed adjoints back to earlier statements: repeat until nothing changes.
    while cx.block(&d.body) {}
    Activity::from_flags(cx.flags)
}

struct Varied {
    flags: Vec<bool>,
    /// Variables below this index are the primal's, whose facts are fixed.
    primal: usize,
}

impl Varied {
    fn mark(&mut self, v: Var) -> bool {
        if v.0 < self.primal || self.flags[v.0] {
            return false;
        }
        self.flags[v.0] = true;
        true
    }

    fn atom(&self, a: &Atom) -> bool {
        a.var().is_some_and(|v| self.flags[v.0])
    }

    /// Whether a change of a varied variable changes `e`.
    fn expr(&self, e: &Expr) -> bool {
        match e {
            Expr::Atom(a) | Expr::CopyOf(a) => self.atom(a),
            Expr::Unary(_, x) | Expr::Cast(x, _) | Expr::CastLike(x, _) => self.expr(x),
            Expr::Binary(op, a, b) => {
                matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem)
                    && (self.expr(a) || self.expr(b))
            }
            Expr::Prim(p, _) if p.kind == PrimKind::Constant => false,
            Expr::Prim(_, args)
            | Expr::Rule(_, args)
            | Expr::Rule2(_, args)
            | Expr::StrongMul(args)
            | Expr::Linalg(_, args)
            | Expr::Tuple(args) => args.iter().any(|a| self.expr(a)),
            Expr::Call { args, siblings: Some(_), .. } => args.iter().any(|a| self.expr(a)),
            Expr::Pop(t) => self.flags[t.0],
            _ => false,
        }
    }

    /// One pass over `b`; whether anything changed.
    fn block(&mut self, b: &Block) -> bool {
        let mut changed = false;
        for stmt in &b.stmts {
            match stmt {
                Stmt::Let { vars, value, .. } => {
                    if self.expr(value) {
                        for v in vars {
                            changed |= self.mark(*v);
                        }
                    }
                }
                Stmt::Accumulate { target, value, .. } | Stmt::Assign { target, value, .. } => {
                    if let (true, Some(v)) = (self.expr(value), target.var()) {
                        changed |= self.mark(v);
                    }
                }
                Stmt::Push { tape, value, .. } => {
                    if self.atom(value) {
                        changed |= self.mark(*tape);
                    }
                }
                Stmt::If { then, els, outs, .. } => {
                    changed |= self.block(then);
                    changed |= self.block(els);
                    for (k, out) in outs.iter().enumerate() {
                        let yields = [then.yields.get(k), els.yields.get(k)];
                        if yields.into_iter().flatten().any(|y| self.atom(y)) {
                            changed |= self.mark(*out);
                        }
                    }
                }
                Stmt::Loop { carried, body, .. } => {
                    changed |= self.block(body);
                    for (k, (cell, init)) in carried.iter().enumerate() {
                        if self.atom(init) || body.yields.get(k).is_some_and(|y| self.atom(y)) {
                            changed |= self.mark(*cell);
                        }
                    }
                }
                Stmt::Reserve { .. } => {}
            }
        }
        changed
    }
}
