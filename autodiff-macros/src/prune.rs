//! `prune`: removes `let`s whose variables are dead (never read afterwards).
//!
//! Reverse mode runs a branch's primal statements again inside the reversed branch; the
//! adjoint sweep needs only some of them. A backward liveness walk over the structured
//! body removes the rest, which keeps the printed code short and free of unused-variable
//! warnings. Opaque calls are kept: they may have effects.

use crate::forward::Derived;
use crate::ir::{Block, Expr, Header, Stmt, Var};
use std::collections::HashSet;

pub fn prune(d: &mut Derived) {
    let mut live = Vec::new();
    d.ret.vars(&mut live);
    let mut live: HashSet<Var> = live.into_iter().collect();
    prune_block(&mut d.body, &mut live);
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
                let effects = matches!(value, Expr::Call { .. } | Expr::Method { .. });
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
            Stmt::Loop { header, carried, body, .. } => {
                // What one iteration reads is live throughout the loop (the next
                // iteration reads it again): a conservative fixpoint in one step.
                let mut all = Vec::new();
                body.reads(&mut all);
                if let Header::Range { iter, .. } = header {
                    iter.vars(&mut all);
                }
                if let Header::Times { count } = header {
                    count.vars(&mut all);
                }
                for (cell, init) in carried.iter() {
                    all.push(*cell);
                    init.vars(&mut all);
                }
                let mut body_live = live.clone();
                body_live.extend(all.iter().copied());
                prune_block(body, &mut body_live);
                reads.extend(all);
            }
        }
        live.extend(reads);
        kept.push(stmt);
    }
    kept.reverse();
    block.stmts = kept;
}
