//! `snapshot`: a call that reads a whole array the function writes gets a copy of it.
//!
//! Reverse mode calls a callee's `_vjp` with the callee's arguments, in the adjoint sweep,
//! long after the call. An array the function writes element by element (`w[i] = ..`,
//! `w.push(..)`) may have changed by then: written after the call, or, inside a loop,
//! built again from its initial value by the reversed body. So every whole read of such an
//! array by a call (`g(&w)`, `g(w)`, `g(&m[i])` of a row) is given a copy of the array made
//! just before the call (`let w_1 = w.to_owned(); g(&w_1)`): a value of its own, in SSA
//! form, that reverse mode keeps in scope or saves on a tape like any other read of a
//! written array.
//!
//! Guarantees: only calls to differentiated functions (with siblings) reading arrays that
//! are written somewhere in the body are changed; what the primal computes is unchanged.

use crate::ir::{Atom, Block, Expr, Func, Shape, Stmt, UnOp, Var};
use std::collections::HashSet;

pub fn snapshot(func: &mut Func) {
    let mut written = HashSet::new();
    func.body.written(&mut written);
    if written.is_empty() {
        return;
    }
    let mut body = std::mem::take(&mut func.body);
    block(&mut body, func, &written);
    func.body = body;
}

fn block(b: &mut Block, func: &mut Func, written: &HashSet<Var>) {
    let stmts = std::mem::take(&mut b.stmts);
    for mut stmt in stmts {
        match &mut stmt {
            Stmt::Let { value: Expr::Call { args, siblings: Some(_), .. }, span, .. } => {
                for arg in args.iter_mut() {
                    let (atom, by_ref) = match arg {
                        Expr::Atom(a) => (a, false),
                        Expr::Unary(UnOp::Ref, inner) => match &mut **inner {
                            Expr::Atom(a) => (a, true),
                            _ => continue,
                        },
                        _ => continue,
                    };
                    let (Atom::Var(v) | Atom::Place(v, _)) = *atom else { continue };
                    let shape = shape_of(func, atom);
                    if !written.contains(&v) || !matches!(shape, Shape::Tensor { .. }) {
                        continue;
                    }
                    let name = format!("{}_at_call", func.info(v).name);
                    let copy = func.new_var(name, shape);
                    b.stmts.push(Stmt::Let {
                        vars: vec![copy],
                        value: Expr::CopyOf(atom.clone()),
                        span: *span,
                    });
                    let read = Expr::Atom(Atom::Var(copy));
                    *arg = if by_ref { Expr::Unary(UnOp::Ref, Box::new(read)) } else { read };
                }
            }
            Stmt::If { then, els, .. } => {
                block(then, func, written);
                block(els, func, written);
            }
            Stmt::Loop { body, .. } => block(body, func, written),
            _ => {}
        }
        b.stmts.push(stmt);
    }
}

fn shape_of(func: &Func, a: &Atom) -> Shape {
    match a {
        Atom::Var(v) => func.info(*v).shape,
        Atom::Place(v, proj) => proj.iter().fold(func.info(*v).shape, |s, _| s.indexed()),
        Atom::Const(_) => Shape::Other,
    }
}
