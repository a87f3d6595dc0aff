//! `prune`: removes `let`s whose variables are dead (never read afterwards).
//!
//! Reverse mode runs a branch's primal statements again inside the reversed branch; the
//! adjoint sweep needs only some of them. A backward liveness walk over the structured
//! body removes the rest, which keeps the printed code short and free of unused-variable
//! warnings. Opaque calls and statements that bind nothing (`assert!`, `println!`) are
//! kept: they may have effects.
//!
//! A loop's liveness is a fixpoint (what the body needs at its start is live at its end),
//! and so is the set of its carried cells anything needs. Those fixpoints are computed by
//! [`live_in`], which reads the body without changing it and gives the live set exactly
//! as pruning would leave it; only the final walk prunes. (Pruning trial copies of each
//! body instead cost time exponential in the depth of the loop nest: two thirds of the
//! macro's time on GMM's triple loop.)

use crate::forward::Derived;
use crate::ir::{Block, Expr, Header, Stmt, Var};

/// A set of variables as a bitset over their indices (dense, from 0): liveness is
/// computed many times over a body with loops, and cloning, joining and comparing these
/// sets is most of the work.
#[derive(Clone, Default)]
struct Live(Vec<u64>);

impl Live {
    fn contains(&self, v: &Var) -> bool {
        self.0.get(v.0 / 64).is_some_and(|w| w >> (v.0 % 64) & 1 == 1)
    }
    fn insert(&mut self, v: Var) {
        let (i, b) = (v.0 / 64, v.0 % 64);
        if self.0.len() <= i {
            self.0.resize(i + 1, 0);
        }
        self.0[i] |= 1 << b;
    }
    fn remove(&mut self, v: &Var) {
        if let Some(w) = self.0.get_mut(v.0 / 64) {
            *w &= !(1 << (v.0 % 64));
        }
    }
    fn union(&mut self, other: &Live) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (w, o) in self.0.iter_mut().zip(&other.0) {
            *w |= o;
        }
    }
    fn is_subset(&self, other: &Live) -> bool {
        self.0.iter().enumerate().all(|(i, w)| w & !other.0.get(i).copied().unwrap_or(0) == 0)
    }
}

impl Extend<Var> for Live {
    fn extend<I: IntoIterator<Item = Var>>(&mut self, vars: I) {
        vars.into_iter().for_each(|v| self.insert(v));
    }
}

pub fn prune(d: &mut Derived) {
    let mut live_vars = Vec::new();
    d.ret.vars(&mut live_vars);
    let mut live = Live::default();
    live.extend(live_vars);
    prune_block(&mut d.body, &mut live);
}

/// Removes the carried cells of a loop that nothing needs: neither the code after the
/// loop nor, through the values the body computes from them, another cell that is
/// needed (a tangent carried beside a value whose own tangent nobody reads).
fn drop_dead_cells(carried: &mut Vec<(Var, crate::ir::Atom)>, body: &mut Block, live: &Live) {
    let n = carried.len();
    let needed = needed_cells(carried, body, live);
    if needed.iter().all(|n| *n) {
        return;
    }
    let mut k = 0;
    body.yields.retain(|_| {
        let keep = k >= n || needed[k];
        k += 1;
        keep
    });
    let mut k = 0;
    carried.retain(|_| {
        let keep = needed[k];
        k += 1;
        keep
    });
}

/// Which carried cells of a loop are needed (see [`drop_dead_cells`]), given what is live
/// after the loop.
fn needed_cells(carried: &[(Var, crate::ir::Atom)], body: &Block, live: &Live) -> Vec<bool> {
    let n = carried.len();
    let mut needed: Vec<bool> = carried.iter().map(|(c, _)| live.contains(c)).collect();
    loop {
        // The body's start given the yields of the needed cells (and the exit code, and
        // whatever the code after the loop reads).
        let at_end = loop_live(body, &needed, n, live);
        let mut changed = false;
        for (k, (cell, _)) in carried.iter().enumerate() {
            if !needed[k] && at_end.contains(cell) {
                needed[k] = true;
                changed = true;
            }
        }
        if !changed {
            return needed;
        }
    }
}

/// What is live at the end of a loop body (and so at its start: the next iteration
/// starts there), a fixpoint from `live` after the loop, the body yielding the needed
/// cells (those at `k >= n` are the exit code's, always needed).
fn loop_live(body: &Block, needed: &[bool], n: usize, live: &Live) -> Live {
    let mut at_end = live.clone();
    loop {
        let mut start = at_end.clone();
        live_in(body, &|k| k >= n || needed[k], &mut start);
        if start.is_subset(&at_end) {
            return at_end;
        }
        at_end.union(&start);
    }
}

/// The variables live before `block` given `live` after it, as [`prune_block`] leaves
/// them, without changing the block: `yields(k)` tells which yields are read.
fn live_in(block: &Block, yields: &dyn Fn(usize) -> bool, live: &mut Live) {
    block_yields(block, yields, live);
    for stmt in block.stmts.iter().rev() {
        let mut reads = Vec::new();
        match stmt {
            Stmt::If { cond, then, els, outs, .. } => {
                let (mut then_live, mut else_live) = if_start(outs, live);
                live_in(then, &|_| true, &mut then_live);
                live_in(els, &|_| true, &mut else_live);
                if_end(cond, then_live, else_live, live, &mut reads);
            }
            Stmt::Loop { header, carried, body, code, .. } => {
                let n = carried.len();
                let needed = needed_cells(carried, body, live);
                let mut start = loop_live(body, &needed, n, live);
                live_in(body, &|k| k >= n || needed[k], &mut start);
                let inits = carried.iter().zip(&needed).filter(|(_, k)| **k).map(|(c, _)| c);
                loop_end(header, code, inits, start, live, &mut reads);
            }
            other => {
                if !straight(other, live, &mut reads) {
                    continue;
                }
            }
        }
        live.extend(reads);
    }
}

/// Prunes `block` given the variables live after it; leaves those live before it.
fn prune_block(block: &mut Block, live: &mut Live) {
    block_yields(block, &|_| true, live);
    let mut kept = Vec::with_capacity(block.stmts.len());
    for mut stmt in std::mem::take(&mut block.stmts).into_iter().rev() {
        let mut reads = Vec::new();
        match &mut stmt {
            Stmt::If { cond, then, els, outs, .. } => {
                // The yields of an out nobody reads are still printed, so stay live.
                let (mut then_live, mut else_live) = if_start(outs, live);
                prune_block(then, &mut then_live);
                prune_block(els, &mut else_live);
                if_end(cond, then_live, else_live, live, &mut reads);
            }
            Stmt::Loop { header, carried, body, code, .. } => {
                drop_dead_cells(carried, body, live);
                // What the body needs at its start is live at its end too (the next
                // iteration starts there): iterate to a fixpoint.
                let n = carried.len();
                let mut start = loop_live(body, &vec![true; n], n, live);
                prune_block(body, &mut start);
                loop_end(header, code, carried.iter(), start, live, &mut reads);
            }
            other => {
                if !straight(other, live, &mut reads) {
                    continue;
                }
            }
        }
        live.extend(reads);
        kept.push(stmt);
    }
    kept.reverse();
    block.stmts = kept;
}

/// The yields of `block` that are read (`yields(k)`) are live at its end.
fn block_yields(block: &Block, yields: &dyn Fn(usize) -> bool, live: &mut Live) {
    let mut reads = Vec::new();
    for (k, y) in block.yields.iter().enumerate() {
        if yields(k) {
            y.vars(&mut reads);
        }
    }
    live.extend(reads);
}

/// A statement without blocks: its reads (pushed to `reads`) and the variables it defines
/// (no longer live before it). `false` for a dead `let`, which pruning drops. A `let`
/// that binds nothing (`assert!`, `println!`) or calls something is kept for its effects.
fn straight(stmt: &Stmt, live: &mut Live, reads: &mut Vec<Var>) -> bool {
    match stmt {
        Stmt::Let { vars, value, .. } => {
            let effects =
                vars.is_empty() || matches!(value, Expr::Call { .. } | Expr::Method { .. });
            if !effects && !vars.iter().any(|v| live.contains(v)) {
                return false;
            }
            vars.iter().for_each(|v| live.remove(v));
            value.vars(reads);
        }
        Stmt::Accumulate { target, value, .. } | Stmt::Assign { target, value, .. } => {
            target.vars(reads);
            value.vars(reads);
        }
        Stmt::Push { tape, value, .. } => {
            reads.push(*tape);
            value.vars(reads);
        }
        Stmt::Reserve { tape, count, .. } => {
            reads.push(*tape);
            count.vars(reads);
        }
        Stmt::If { .. } | Stmt::Loop { .. } => {}
    }
    true
}

/// The live sets at the end of an `if`'s branches: what is live after it, but its outs.
fn if_start(outs: &[Var], live: &mut Live) -> (Live, Live) {
    outs.iter().for_each(|v| live.remove(v));
    (live.clone(), live.clone())
}

/// What is live before an `if`: what its branches need, and its condition.
fn if_end(cond: &crate::ir::Atom, then: Live, els: Live, live: &mut Live, reads: &mut Vec<Var>) {
    live.union(&then);
    live.union(&els);
    cond.vars(reads);
}

/// What is live before a loop: what its body needs at its start (`start`), but its exit
/// code, and what its header and the initial values of its (needed) cells read.
fn loop_end<'a>(
    header: &Header,
    code: &Option<Var>,
    inits: impl Iterator<Item = &'a (Var, crate::ir::Atom)>,
    start: Live,
    live: &mut Live,
    reads: &mut Vec<Var>,
) {
    code.iter().for_each(|c| live.remove(c));
    live.union(&start);
    if let Header::Range { iter, .. } = header {
        iter.vars(reads);
    }
    if let Header::Times { count } = header {
        count.vars(reads);
    }
    for (_, init) in inits {
        init.vars(reads);
    }
}
