//! `hoist`: reads that a loop repeats unchanged are made once, before the loop.
//!
//! Reverse mode saves, at every iteration, each read of an array the function writes
//! (the reversed loop cannot read it again: the array may have changed since). A read
//! whose place does not change across a loop (`for j in i + 1..d { .. xc[i] .. }`: `xc`
//! not written in the loop, `i` fixed before it) is then saved once per iteration for
//! one value. This pass moves such a read before the loop, guarded by the loop's range
//! being non-empty, so that an empty loop reads nothing (no out-of-bounds panic that the
//! function would not have):
//!
//! ```text
//! let c = i + 1 < d;
//! let t = if c { xc[i] } else { 0.0 };
//! for j in i + 1..d { .. t .. }
//! ```
//!
//! Within one block, a read of the same place as an earlier read of that block, with no
//! write to the array between them (`qxc[j] * qxc[j]`), takes the earlier read's value:
//! one value to save instead of two.
//!
//! Guarantees: only float reads at a loop body's top level are moved, from `for` loops
//! over ranges without an early exit, of arrays the function writes elsewhere but not in
//! that loop (nor passes to any call or method in it), at indices fixed before the loop;
//! the value is the one every iteration read, so what the function computes is
//! unchanged. Functions generic over their float type are left as they are (the `0.0`
//! of the empty case needs a concrete float type).

use crate::ir::{Atom, BinOp, Block, Expr, Func, Header, Proj, Shape, Stmt, Var};
use std::collections::HashSet;

pub fn hoist(func: &mut Func) {
    let mut written = HashSet::new();
    func.body.written(&mut written);
    if written.is_empty() || func.generic_floats {
        return;
    }
    let mut body = std::mem::take(&mut func.body);
    block(&mut body, func, &written);
    once(&mut body, &written);
    func.body = body;
}

/// Repeated reads of a place in one block take the first read's value.
fn once(b: &mut Block, written: &HashSet<Var>) {
    let mut seen: Vec<(Atom, Var)> = Vec::new();
    for stmt in &mut b.stmts {
        let mut changed = HashSet::new();
        match stmt {
            Stmt::Let { vars, value, .. } => {
                if let (Expr::Atom(a @ Atom::Place(v, _)), [t]) = (&*value, vars.as_slice()) {
                    if written.contains(v) {
                        match seen.iter().find(|(r, _)| r.same(a)) {
                            Some((_, first)) => *value = Expr::Atom(Atom::Var(*first)),
                            None => seen.push((a.clone(), *t)),
                        }
                    }
                }
                passed_by(value, &mut changed);
            }
            Stmt::Assign { target, value, .. } | Stmt::Accumulate { target, value, .. } => {
                changed.extend(target.var());
                passed_by(value, &mut changed);
            }
            Stmt::If { then, els, .. } => {
                for branch in [then, els] {
                    once(branch, written);
                    branch.written(&mut changed);
                    passed(branch, &mut changed);
                }
            }
            Stmt::Loop { body, .. } => {
                once(body, written);
                body.written(&mut changed);
                passed(body, &mut changed);
            }
            Stmt::Push { .. } | Stmt::Reserve { .. } => {}
        }
        seen.retain(|(a, _)| !a.var().is_some_and(|v| changed.contains(&v)));
    }
}

fn block(b: &mut Block, func: &mut Func, written: &HashSet<Var>) {
    let stmts = std::mem::take(&mut b.stmts);
    for mut stmt in stmts {
        match &mut stmt {
            Stmt::If { then, els, .. } => {
                block(then, func, written);
                block(els, func, written);
            }
            Stmt::Loop { header, carried, body, span, exits, .. } => {
                block(body, func, written);
                // (A loop that may end early might end before its first read.)
                if let (Header::Range { index, iter }, false) = (header, *exits) {
                    if let Some((start, end, inclusive)) = bounds(iter) {
                        let mut inside: HashSet<Var> = carried.iter().map(|(c, _)| *c).collect();
                        inside.insert(*index);
                        body.walk(&mut inside, &mut Vec::new());
                        let mut changed = HashSet::new();
                        body.written(&mut changed);
                        passed(body, &mut changed);
                        let fixed = |a: &Atom| fixed_read(a, written, &changed, &inside);
                        let (moved, kept): (Vec<Stmt>, Vec<Stmt>) =
                            std::mem::take(&mut body.stmts).into_iter().partition(|s| {
                                matches!(s, Stmt::Let { vars, value: Expr::Atom(a), .. }
                                    if vars.len() == 1
                                        && func.info(vars[0]).shape == Shape::Scalar
                                        && fixed(a))
                            });
                        body.stmts = kept;
                        if !moved.is_empty() {
                            let span = *span;
                            let op = if inclusive { BinOp::Le } else { BinOp::Lt };
                            let c = func.new_var("nonempty", Shape::Other);
                            b.stmts.push(Stmt::Let {
                                vars: vec![c],
                                value: Expr::bin(op, start.clone(), end.clone()),
                                span,
                            });
                            let mut outs = Vec::new();
                            let mut reads = Vec::new();
                            for s in moved {
                                if let Stmt::Let { vars, value: Expr::Atom(a), .. } = s {
                                    outs.extend(vars);
                                    reads.push(a);
                                }
                            }
                            let zero: syn::Expr = syn::parse_quote!(0.0);
                            let zeros = vec![Atom::Const(zero); reads.len()];
                            b.stmts.push(Stmt::If {
                                cond: Atom::Var(c),
                                then: Block { stmts: Vec::new(), yields: reads },
                                els: Block { stmts: Vec::new(), yields: zeros },
                                outs,
                                span,
                            });
                        }
                    }
                }
            }
            _ => {}
        }
        b.stmts.push(stmt);
    }
}

/// A read `a[..]` of an array written somewhere in the function but not in the loop, at
/// indices none of which the loop defines.
fn fixed_read(
    a: &Atom,
    written: &HashSet<Var>,
    changed: &HashSet<Var>,
    inside: &HashSet<Var>,
) -> bool {
    let Atom::Place(v, proj) = a else { return false };
    let mut read = Vec::new();
    a.vars(&mut read);
    written.contains(v)
        && !changed.contains(v)
        && proj.iter().all(|p| matches!(p, Proj::Index(_)))
        && read.iter().all(|r| !inside.contains(r))
}

/// The start and end of a loop's range (`a..b`, `a..=b`, with `.rev()` or `.step_by(k)`:
/// empty exactly when the range is).
fn bounds(iter: &Expr) -> Option<(Expr, Expr, bool)> {
    match iter {
        Expr::Range { start, end, inclusive } => {
            Some(((**start).clone(), (**end).clone(), *inclusive))
        }
        Expr::Method { recv, method, .. } if method == "rev" || method == "step_by" => bounds(recv),
        _ => None,
    }
}

/// Arrays handed to a call or a method by `e` (which might change them).
fn passed_by(e: &Expr, out: &mut HashSet<Var>) {
    match e {
        Expr::Call { args, .. } => args.iter().for_each(|a| a.atoms(&mut |x| out.extend(x.var()))),
        Expr::Method { recv, args, .. } => {
            recv.atoms(&mut |x| out.extend(x.var()));
            args.iter().for_each(|a| a.atoms(&mut |x| out.extend(x.var())));
        }
        _ => {}
    }
}

/// Arrays handed to a call or a method anywhere in `block`.
fn passed(block: &Block, out: &mut HashSet<Var>) {
    for stmt in &block.stmts {
        match stmt {
            Stmt::Let { value, .. }
            | Stmt::Assign { value, .. }
            | Stmt::Accumulate { value, .. } => passed_by(value, out),
            Stmt::If { then, els, .. } => {
                passed(then, out);
                passed(els, out);
            }
            Stmt::Loop { body, .. } => passed(body, out),
            _ => {}
        }
    }
}
