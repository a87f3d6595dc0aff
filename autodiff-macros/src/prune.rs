//! `prune`: removes `let`s whose variables are dead (never read afterwards).
//!
//! Reverse mode runs a branch's primal statements again inside the reversed branch; the
//! adjoint sweep needs only some of them. A backward liveness walk over the structured
//! body removes the rest, which keeps the printed code short and free of unused-variable
//! warnings. Opaque calls and statements that bind nothing (`assert!`, `println!`) are
//! kept: they may have effects.

use crate::forward::Derived;
use crate::ir::{Block, Expr, Header, Stmt, Var};
use std::collections::HashSet;

pub fn prune(d: &mut Derived) {
    let mut live = Vec::new();
    d.ret.vars(&mut live);
    let mut live: HashSet<Var> = live.into_iter().collect();
    prune_block(&mut d.body, &mut live);
}

/// Removes the carried cells of a loop that nothing needs: neither the code after the
/// loop nor, through the values the body computes from them, another cell that is
/// needed (a tangent carried beside a value whose own tangent nobody reads).
fn drop_dead_cells(
    carried: &mut Vec<(Var, crate::ir::Atom)>,
    body: &mut Block,
    live: &HashSet<Var>,
) {
    let n = carried.len();
    let mut needed: Vec<bool> = carried.iter().map(|(c, _)| live.contains(c)).collect();
    loop {
        // The body's start given the yields of the needed cells (and the exit code, and
        // whatever the code after the loop reads).
        let mut at_end = live.clone();
        let mut trial = body.clone();
        trial.yields = body
            .yields
            .iter()
            .enumerate()
            .filter(|(k, _)| *k >= n || needed[*k])
            .map(|(_, y)| y.clone())
            .collect();
        let mut changed = false;
        loop {
            let mut t = trial.clone();
            let mut start = at_end.clone();
            prune_block(&mut t, &mut start);
            if start.is_subset(&at_end) {
                break;
            }
            at_end.extend(start);
        }
        for (k, (cell, _)) in carried.iter().enumerate() {
            if !needed[k] && at_end.contains(cell) {
                needed[k] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
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

/// Prunes `block` given the variables live after it; leaves those live before it.
fn prune_block(block: &mut Block, live: &mut HashSet<Var>) {
    let mut reads = Vec::new();
    block.yields.iter().for_each(|y| y.vars(&mut reads));
    live.extend(reads);
    let mut kept = Vec::with_capacity(block.stmts.len());
    for mut stmt in std::mem::take(&mut block.stmts).into_iter().rev() {
        let mut reads = Vec::new();
        match &mut stmt {
            Stmt::Let { vars, value, .. } => {
                // A `let` that binds nothing (`assert!`, `println!`) is there for its effect.
                let effects =
                    vars.is_empty() || matches!(value, Expr::Call { .. } | Expr::Method { .. });
                if !effects && !vars.iter().any(|v| live.contains(v)) {
                    continue;
                }
                vars.iter().for_each(|v| {
                    live.remove(v);
                });
                value.vars(&mut reads);
            }
            Stmt::If { cond, then, els, outs, .. } => {
                outs.iter().for_each(|v| {
                    live.remove(v);
                });
                // The yields of an out nobody reads are still printed, so stay live.
                let mut then_live = live.clone();
                prune_block(then, &mut then_live);
                let mut else_live = live.clone();
                prune_block(els, &mut else_live);
                live.extend(then_live);
                live.extend(else_live);
                cond.vars(&mut reads);
            }
            Stmt::Accumulate { target, value, .. } | Stmt::Assign { target, value, .. } => {
                target.vars(&mut reads);
                value.vars(&mut reads);
            }
            Stmt::Push { tape, value, .. } => {
                reads.push(*tape);
                value.vars(&mut reads);
            }
            Stmt::Reserve { tape, count, .. } => {
                reads.push(*tape);
                count.vars(&mut reads);
            }
            Stmt::Loop { header, carried, body, code, .. } => {
                drop_dead_cells(carried, body, live);
                // What the body needs at its start is live at its end too (the next
                // iteration starts there): iterate to a fixpoint.
                let mut at_end = live.clone();
                let body_live = loop {
                    let mut trial = body.clone();
                    let mut start = at_end.clone();
                    prune_block(&mut trial, &mut start);
                    if start.is_subset(&at_end) {
                        break at_end;
                    }
                    at_end.extend(start);
                };
                let mut start = body_live;
                prune_block(body, &mut start);
                code.iter().for_each(|c| {
                    live.remove(c);
                });
                reads.extend(start);
                if let Header::Range { iter, .. } = header {
                    iter.vars(&mut reads);
                }
                if let Header::Times { count } = header {
                    count.vars(&mut reads);
                }
                for (_, init) in carried.iter() {
                    init.vars(&mut reads);
                }
            }
        }
        live.extend(reads);
        kept.push(stmt);
    }
    kept.reverse();
    block.stmts = kept;
}
