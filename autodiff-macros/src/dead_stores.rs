//! `dead_stores`: stores into array elements that nothing reads again are dropped.
//!
//! `w[0] = 1.0 / d;` followed only by reads of other elements (`w[2]`) computes a value
//! that never reaches the output. The primal's optimiser drops it; the siblings must
//! too, or reverse mode carries the element's adjoint, a zero, through the store's
//! partials, and a partial that is infinite there (`1 / d` at `d = 0`) makes the whole
//! gradient NaN for a function that is smooth. Dead scalar locals never get that far:
//! activity finds them useless. This pass gives stores the same treatment, on the
//! lowered body, before activity.
//!
//! Guarantees: only a store `w[c] = ..` with a constant index into a one-dimensional
//! array, outside every loop, is dropped, and only when every later read of `w` (up to the
//! end of the function, the outputs included) is a `let` of one element `w[c2]` at a
//! constant index `c2 != c`. Anything else that mentions `w` (another store, a copy, a
//! call, an index computed at run time, a loop) keeps the store.

use crate::ir::{Atom, Block, Expr, Func, Proj, Stmt, Var};

pub fn drop_dead_stores(func: &mut Func) {
    let mut later = Later::default();
    for o in &func.outputs {
        o.atom.vars(&mut later.mentions);
    }
    if let Some(out) = func.out_param {
        later.mentions.push(out);
    }
    let mut body = std::mem::take(&mut func.body);
    block(&mut body, later);
    func.body = body;
}

/// What the code after a point does with arrays.
#[derive(Clone, Default)]
struct Later {
    /// Every variable it mentions, once per mention.
    mentions: Vec<Var>,
    /// Its reads `let t = w[c];` of one element at a constant index.
    element_reads: Vec<(Var, u64)>,
}

impl Later {
    fn add(&mut self, stmt: &Stmt) {
        stmt.reads(&mut self.mentions);
        if let Stmt::Let { value: Expr::Atom(Atom::Place(w, proj)), .. } = stmt {
            if let [Proj::Index(i)] = proj.as_slice() {
                if let Some(c) = constant_index(i) {
                    self.element_reads.push((*w, c));
                }
            }
        }
    }

    /// Whether nothing after reads element `c` of `w`: every mention is an element read
    /// at another constant index.
    fn never_reads(&self, w: Var, c: u64) -> bool {
        let mentions = self.mentions.iter().filter(|v| **v == w).count();
        let elements: Vec<u64> =
            self.element_reads.iter().filter(|(v, _)| *v == w).map(|(_, k)| *k).collect();
        mentions == elements.len() && !elements.contains(&c)
    }
}

fn block(b: &mut Block, mut later: Later) {
    for y in &b.yields {
        y.vars(&mut later.mentions);
    }
    let stmts = std::mem::take(&mut b.stmts);
    let mut kept: Vec<Stmt> = Vec::with_capacity(stmts.len());
    for mut stmt in stmts.into_iter().rev() {
        match &mut stmt {
            Stmt::Assign { target: Atom::Place(w, proj), .. } => {
                if let [Proj::Index(i)] = proj.as_slice() {
                    if constant_index(i).is_some_and(|c| later.never_reads(*w, c)) {
                        continue;
                    }
                }
            }
            Stmt::If { then, els, .. } => {
                block(then, later.clone());
                block(els, later.clone());
            }
            _ => {}
        }
        later.add(&stmt);
        kept.push(stmt);
    }
    kept.reverse();
    b.stmts = kept;
}

fn constant_index(a: &Atom) -> Option<u64> {
    match a {
        Atom::Const(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. })) => {
            i.base10_parse().ok()
        }
        _ => None,
    }
}
