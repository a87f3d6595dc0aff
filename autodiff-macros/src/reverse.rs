//! `reverse`: reverse mode (the VJP), IR -> IR.
//!
//! Input: `let y2 = y1 + b1; let y3 = y2 * y2;` with `y3` the output. Output:
//! ```text
//! let y2 = y1 + b1; let y3 = y2 * y2;      // forward sweep: the primal, unchanged
//! let y3_bar = dout;                       // seed
//! let mut y2_bar = y3_bar * y2;            // adjoint sweep, statements in reverse
//! y2_bar += y3_bar * y2;
//! let y1_bar = y2_bar; let b1_bar = y2_bar;
//! ```
//! - An adjoint `v_bar` is declared by its first contribution and accumulated with `+=`
//!   after that; one that a branch contributes to is declared as zero before the branch.
//! - Straight-line code needs no tape: A-normal form keeps every value in its own local.
//! - An `if` is reversed as an `if` on the same condition (the condition is an SSA
//!   local, still in scope). The branch's own statements are run again at the start of
//!   the reversed branch, since the forward sweep's branch locals are out of scope.
//! - Adjoints of tensor parameters start as zero of their shape and are accumulated
//!   element by element (`x_bar[i] += ..`).
//!
//! Guarantees: the result's `ret` is `(output, gradient)` with one gradient entry per
//! active parameter in `active_order` (bare for one, a tuple for several).

use crate::activity::Activity;
use crate::forward::{identity_of, Derived};
use crate::ir::{Atom, Block, Expr, Func, ParamKind, Shape, Stmt, Var, VarInfo};
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
}

pub fn vjp(func: &Func, act: &Activity, seed: Seed) -> Derived {
    let mut cx = Rev {
        vars: func.vars.clone(),
        act,
        adjoint: HashMap::new(),
        adjoint_vars: HashSet::new(),
        born: HashSet::new(),
    };
    let span = Span::call_site();
    let mut stmts = func.body.stmts.clone();
    let mut extra_params = Vec::new();
    let seed = match seed {
        Seed::Param => {
            let d = cx.new_var("dout".into(), Shape::Scalar);
            extra_params.push(d);
            Expr::var(d)
        }
        Seed::One => Expr::One(func.output_ty.clone()),
    };
    for p in func.active_params() {
        if let Shape::Tensor { .. } = func.info(p.var).shape {
            let bar = cx.adjoint_var(p.var);
            stmts.push(Stmt::Let {
                vars: vec![bar],
                value: Expr::ZeroLike(Atom::Var(p.var)),
                span,
            });
            cx.born.insert(p.var);
        }
    }
    cx.contribute(&func.output, seed, false, &mut stmts, span);
    cx.reverse_block(&func.body.stmts, &mut stmts);

    let grads: Vec<Expr> = func
        .active_params()
        .map(|p| match (cx.born.contains(&p.var), &p.kind) {
            (true, _) => Expr::var(cx.adjoint[&p.var]),
            (false, ParamKind::Scalar { float, .. }) => Expr::ZeroOfType(float.clone()),
            (false, _) => Expr::ZeroLike(Atom::Var(p.var)),
        })
        .collect();
    let grad = if grads.len() == 1 {
        grads.into_iter().next().unwrap_or(Expr::Tuple(Vec::new()))
    } else {
        Expr::Tuple(grads)
    };
    let ret = Expr::Tuple(vec![Expr::Atom(func.output.clone()), grad]);
    Derived {
        vars: cx.vars,
        extra_params,
        body: Block {
            stmts,
            yields: Vec::new(),
        },
        ret,
    }
}

impl Rev<'_> {
    fn new_var(&mut self, name: String, shape: Shape) -> Var {
        self.vars.push(VarInfo {
            name,
            shape,
            ty: None,
            derived: None,
        });
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
                    if self.adjoint_vars.contains(w) {
                        self.adjoint.insert(v, *w);
                        self.born.insert(v);
                        return;
                    }
                }
                let bar = self.adjoint_var(v);
                let value = if subtract { Expr::neg(value) } else { value };
                out.push(Stmt::Let {
                    vars: vec![bar],
                    value,
                    span,
                });
                self.born.insert(v);
            }
            Atom::Var(_) => {
                let bar = self.adjoint_var(v);
                out.push(Stmt::Accumulate {
                    target: Atom::Var(bar),
                    value,
                    subtract,
                    span,
                });
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

    fn reverse_block(&mut self, stmts: &[Stmt], out: &mut Vec<Stmt>) {
        for stmt in stmts.iter().rev() {
            match stmt {
                Stmt::Let { vars, value, span } => {
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
                    let act = self.act;
                    let p = partials(*v, value, &mut self.vars, &|a| act.atom(a), *span);
                    out.extend(p.pre);
                    for (a, coef) in &p.coefs {
                        let value = coef.reverse(Expr::var(bar), a);
                        self.contribute(a, value, coef.negate, out, *span);
                    }
                }
                Stmt::If {
                    cond,
                    then,
                    els,
                    outs,
                    span,
                } => {
                    let active: Vec<usize> = (0..outs.len())
                        .filter(|&k| self.act.is_active(outs[k]) && self.born.contains(&outs[k]))
                        .collect();
                    if active.is_empty() {
                        continue;
                    }
                    // Adjoints of outer variables that the branches add to start as zero
                    // here, so that both branches (and what follows) can accumulate.
                    let mut outer = Vec::new();
                    free_vars(then, &mut outer);
                    free_vars(els, &mut outer);
                    outer.sort();
                    outer.dedup();
                    for u in outer {
                        if self.act.is_active(u)
                            && !self.born.contains(&u)
                            && self.vars[u.0].shape == Shape::Scalar
                        {
                            let bar = self.adjoint_var(u);
                            out.push(Stmt::Let {
                                vars: vec![bar],
                                value: Expr::ZeroOf(Atom::Var(u)),
                                span: *span,
                            });
                            self.born.insert(u);
                        }
                    }
                    let then = self.reverse_branch(then, outs, &active, *span);
                    let els = self.reverse_branch(els, outs, &active, *span);
                    out.push(Stmt::If {
                        cond: cond.clone(),
                        then,
                        els,
                        outs: Vec::new(),
                        span: *span,
                    });
                }
                Stmt::Accumulate { .. } => {}
            }
        }
    }

    /// The reversed branch: its primal statements again, the outs' adjoints passed to
    /// what the branch yielded, then its adjoint sweep.
    fn reverse_branch(
        &mut self,
        block: &Block,
        outs: &[Var],
        active: &[usize],
        span: Span,
    ) -> Block {
        let born = self.born.clone();
        let mut stmts = block.stmts.clone();
        for &k in active {
            let bar = self.adjoint[&outs[k]];
            self.contribute(&block.yields[k], Expr::var(bar), false, &mut stmts, span);
        }
        self.reverse_block(&block.stmts, &mut stmts);
        self.born = born;
        Block {
            stmts,
            yields: Vec::new(),
        }
    }
}

/// Variables a block reads but does not define.
fn free_vars(block: &Block, out: &mut Vec<Var>) {
    let mut defined = HashSet::new();
    let mut read = Vec::new();
    walk(block, &mut defined, &mut read);
    out.extend(read.into_iter().filter(|v| !defined.contains(v)));
}

fn walk(block: &Block, defined: &mut HashSet<Var>, read: &mut Vec<Var>) {
    for stmt in &block.stmts {
        match stmt {
            Stmt::Let { vars, value, .. } => {
                value.vars(read);
                defined.extend(vars.iter().copied());
            }
            Stmt::If {
                cond,
                then,
                els,
                outs,
                ..
            } => {
                cond.vars(read);
                walk(then, defined, read);
                walk(els, defined, read);
                defined.extend(outs.iter().copied());
            }
            Stmt::Accumulate { target, value, .. } => {
                target.vars(read);
                value.vars(read);
            }
        }
    }
    for y in &block.yields {
        y.vars(read);
    }
}
