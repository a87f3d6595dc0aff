//! `anf`: puts derivative code back into A-normal form, so that a transform can run over
//! it as it runs over the primal.
//!
//! Reverse mode writes small expression trees (`x_bar += y_bar * d_sin(x, y)`). Forward
//! mode differentiates one operation on atoms at a time, so before it runs over
//! reverse-mode code (for second derivatives), every operand that is not an atom is
//! bound to a `let` of its own, in evaluation order, right before the statement.
//!
//! Guarantees: afterwards every `let` binds one operation whose differentiable operands
//! are atoms, and every accumulation or store adds or writes an atom, a copy of one, or
//! a zero; what the code computes is unchanged.

use crate::forward::Derived;
use crate::ir::{Block, Expr, Shape, Stmt, UnOp, VarInfo};
use proc_macro2::Span;

pub fn normalize(d: &mut Derived) {
    let mut cx = Anf { vars: std::mem::take(&mut d.vars) };
    cx.block(&mut d.body);
    d.vars = cx.vars;
}

struct Anf {
    vars: Vec<VarInfo>,
}

impl Anf {
    fn block(&mut self, b: &mut Block) {
        let mut out = Vec::with_capacity(b.stmts.len());
        for stmt in std::mem::take(&mut b.stmts) {
            match stmt {
                Stmt::Let { vars, value, span } => {
                    let value = self.shallow(value, &mut out, span);
                    out.push(Stmt::Let { vars, value, span });
                }
                Stmt::Accumulate { target, value, subtract, span } => {
                    let value = self.simple(value, &mut out, span);
                    out.push(Stmt::Accumulate { target, value, subtract, span });
                }
                Stmt::Assign { target, value, span } => {
                    let value = self.simple(value, &mut out, span);
                    out.push(Stmt::Assign { target, value, span });
                }
                Stmt::If { cond, mut then, mut els, outs, span } => {
                    self.block(&mut then);
                    self.block(&mut els);
                    out.push(Stmt::If { cond, then, els, outs, span });
                }
                Stmt::Loop { header, carried, mut body, code, exits, trips, label, span } => {
                    self.block(&mut body);
                    out.push(Stmt::Loop { header, carried, body, code, exits, trips, label, span });
                }
                other => out.push(other),
            }
        }
        b.stmts = out;
    }

    /// `e` as one operation whose differentiable operands are atoms.
    fn shallow(&mut self, e: Expr, out: &mut Vec<Stmt>, span: Span) -> Expr {
        let mut atoms = |cx: &mut Self, args: Vec<Expr>| -> Vec<Expr> {
            args.into_iter().map(|a| cx.atomize(a, out, span)).collect()
        };
        match e {
            Expr::Unary(op, x) if op != UnOp::Ref => {
                Expr::Unary(op, Box::new(atoms(self, vec![*x]).remove(0)))
            }
            Expr::Binary(op, a, b) => {
                let mut ab = atoms(self, vec![*a, *b]);
                let b = ab.remove(1);
                Expr::bin(op, ab.remove(0), b)
            }
            Expr::Prim(p, args) => Expr::Prim(p, atoms(self, args)),
            Expr::Rule(p, args) => Expr::Rule(p, atoms(self, args)),
            Expr::Rule2(p, args) => Expr::Rule2(p, atoms(self, args)),
            Expr::StrongMul(args) => Expr::StrongMul(atoms(self, args)),
            Expr::Linalg(op, args) => Expr::Linalg(op, atoms(self, args)),
            Expr::Cast(x, ty) => Expr::Cast(Box::new(atoms(self, vec![*x]).remove(0)), ty),
            Expr::CastLike(x, like) => {
                Expr::CastLike(Box::new(atoms(self, vec![*x]).remove(0)), like)
            }
            other => other,
        }
    }

    /// `e` as an atom: bound to a new `let` first unless it is one.
    fn atomize(&mut self, e: Expr, out: &mut Vec<Stmt>, span: Span) -> Expr {
        if let Expr::Atom(_) = e {
            return e;
        }
        let value = self.shallow(e, out, span);
        // (A product of vectors and matrices may be one itself; every other temporary is
        // a float.)
        let shape = match &value {
            Expr::Linalg(op, _) => op.shape(),
            _ => Shape::Scalar,
        };
        self.vars.push(VarInfo { name: "t".into(), shape, ty: None, derived: None });
        let t = crate::ir::Var(self.vars.len() - 1);
        out.push(Stmt::Let { vars: vec![t], value, span });
        Expr::var(t)
    }

    /// What an accumulation or a store may take: an atom, a copy of one, or a zero.
    fn simple(&mut self, e: Expr, out: &mut Vec<Stmt>, span: Span) -> Expr {
        match e {
            Expr::Atom(_)
            | Expr::CopyOf(_)
            | Expr::ZeroOf(_)
            | Expr::ZeroLike(_)
            | Expr::ZeroOfType(_)
            | Expr::Tangent(_)
            | Expr::One(_) => e,
            other => self.atomize(other, out, span),
        }
    }
}
