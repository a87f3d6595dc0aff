//! `partials`: the local derivative of one primal statement, shared by both modes.
//!
//! For `let v = op(a, b, ..)` it gives, for each operand, the coefficient by which a
//! change of the operand changes `v`. Forward mode sums `coef * a_dot` into `v_dot`;
//! reverse mode adds `coef * v_bar` to `a_bar`. One table, two modes: a rule is written
//! once. Arithmetic is written inline (`a_bar += v_bar * b`); every other primitive calls
//! its rule in `autodiff_core::rules`, which returns the partials.

use crate::ir::{Atom, BinOp, Expr, LinOp, Prim, PrimKind, Shape, Stmt, UnOp, Var, VarInfo};
use proc_macro2::Span;

/// How a derivative flowing through one operand is scaled.
#[derive(Clone)]
pub enum Factor {
    /// Passes unchanged.
    One,
    /// Multiplied by the expression.
    Mul(Expr),
    /// Divided by the expression.
    Div(Expr),
    /// Multiplied by the expression, a partial that may be infinite where the primal is
    /// finite (`sqrt`, `cbrt` at 0; `asin`, `acos` at ±1): a zero derivative stays zero
    /// (`StrongMul`), so that a value the output does not depend on at this point (a
    /// `sqrt` read only in the branch not taken) carries no NaN.
    Strong(Expr),
    /// Through an `as` cast between float types: converted to the type of the cast's
    /// result (forward) or of its operand (reverse), named by this variable.
    Cast(Var),
    /// Through one operand of a bilinear product of vectors and matrices (`op(a, b)`,
    /// the operand on the `left` or not), the other operand being `other`: forward, the
    /// product of the tangent with `other`; reverse, the operand's adjoint rule.
    Bilinear { op: LinOp, other: Atom, left: bool },
}

/// The coefficient of one operand: a factor, negated or not.
#[derive(Clone)]
pub struct Coef {
    pub factor: Factor,
    pub negate: bool,
}

impl Coef {
    fn plus(factor: Factor) -> Coef {
        Coef { factor, negate: false }
    }
    fn minus(factor: Factor) -> Coef {
        Coef { factor, negate: true }
    }

    /// `derivative` carried forward through this operand (the sign is the caller's).
    pub fn forward(&self, derivative: Expr) -> Expr {
        match &self.factor {
            Factor::One => derivative,
            Factor::Mul(e) => Expr::bin(BinOp::Mul, derivative, e.clone()),
            Factor::Strong(e) => Expr::StrongMul(vec![derivative, e.clone()]),
            Factor::Div(e) => Expr::bin(BinOp::Div, derivative, e.clone()),
            Factor::Cast(result) => Expr::CastLike(Box::new(derivative), Atom::Var(*result)),
            Factor::Bilinear { op, other, left } => {
                let other = Expr::Atom(other.clone());
                let args = if *left { vec![derivative, other] } else { vec![other, derivative] };
                Expr::Linalg(*op, args)
            }
        }
    }

    /// `adjoint` carried back to `operand` (the sign is the caller's).
    pub fn reverse(&self, adjoint: Expr, operand: &Atom) -> Expr {
        match &self.factor {
            Factor::Cast(_) => Expr::CastLike(Box::new(adjoint), operand.clone()),
            Factor::Bilinear { op, other, left } => {
                let other = Expr::Atom(other.clone());
                // The adjoint of each operand of `r = op(a, b)`, given `r̄`:
                let (rule, args) = match (op, left) {
                    // s = a·b: ā += s̄ b, b̄ += s̄ a
                    (LinOp::Dot, _) => (LinOp::Scale, vec![adjoint, other]),
                    // y = M v: M̄ += ȳ vᵀ, v̄ += Mᵀ ȳ
                    (LinOp::MatVec, true) => (LinOp::Outer, vec![adjoint, other]),
                    (LinOp::MatVec, false) => (LinOp::MatTVec, vec![other, adjoint]),
                    // z = Mᵀ y: M̄ += y z̄ᵀ, ȳ += M z̄
                    (LinOp::MatTVec, true) => (LinOp::Outer, vec![other, adjoint]),
                    (LinOp::MatTVec, false) => (LinOp::MatVec, vec![other, adjoint]),
                    // Y = y vᵀ: ȳ += Ȳ v, v̄ += Ȳᵀ y
                    (LinOp::Outer, true) => (LinOp::MatVec, vec![adjoint, other]),
                    (LinOp::Outer, false) => (LinOp::MatTVec, vec![adjoint, other]),
                    // x' = s x: s̄ += x̄'·x, x̄ += s x̄'
                    (LinOp::Scale, true) => (LinOp::Dot, vec![adjoint, other]),
                    (LinOp::Scale, false) => (LinOp::Scale, vec![other, adjoint]),
                };
                Expr::Linalg(rule, args)
            }
            _ => self.forward(adjoint),
        }
    }
}

/// Statements to run first (rule calls returning several partials) and, for each
/// operand, its coefficient.
pub struct Partials {
    pub pre: Vec<Stmt>,
    pub coefs: Vec<(Atom, Coef)>,
}

/// The partials of `let v = value`; `vars` is the arena new temporaries go to. `active`
/// tells which operands need one (the others get `_` in a tuple of partials).
pub fn partials(
    v: Var,
    value: &Expr,
    vars: &mut Vec<VarInfo>,
    active: &dyn Fn(&Atom) -> bool,
    span: Span,
) -> Partials {
    let atom = |e: &Expr| match e {
        Expr::Atom(a) => Some(a.clone()),
        _ => None,
    };
    let val = Expr::var(v);
    let mut pre = Vec::new();
    let coefs = match value {
        Expr::Atom(a) | Expr::CopyOf(a) => vec![(a.clone(), Coef::plus(Factor::One))],
        Expr::Unary(UnOp::Neg, e) => {
            atom(e).map(|a| (a, Coef::minus(Factor::One))).into_iter().collect()
        }
        Expr::Unary(UnOp::Deref, e) => {
            atom(e).map(|a| (a, Coef::plus(Factor::One))).into_iter().collect()
        }
        Expr::Cast(e, _) => atom(e).map(|a| (a, Coef::plus(Factor::Cast(v)))).into_iter().collect(),
        Expr::Binary(op, l, r) => {
            let (Some(a), Some(b)) = (atom(l), atom(r)) else {
                return Partials { pre, coefs: Vec::new() };
            };
            match op {
                BinOp::Add => vec![(a, Coef::plus(Factor::One)), (b, Coef::plus(Factor::One))],
                BinOp::Sub => vec![(a, Coef::plus(Factor::One)), (b, Coef::minus(Factor::One))],
                // A square `a * a`: one coefficient `a + a`, one term to carry.
                BinOp::Mul if a.same(&b) => {
                    let twice = Expr::bin(BinOp::Add, Expr::Atom(a.clone()), Expr::Atom(a.clone()));
                    vec![(a, Coef::plus(Factor::Mul(twice)))]
                }
                BinOp::Mul => {
                    vec![
                        (a.clone(), Coef::plus(Factor::Mul(Expr::Atom(b.clone())))),
                        (b, Coef::plus(Factor::Mul(Expr::Atom(a)))),
                    ]
                }
                BinOp::Div => {
                    let quotient = Expr::bin(BinOp::Div, val, Expr::Atom(b.clone()));
                    vec![
                        (a, Coef::plus(Factor::Div(Expr::Atom(b.clone())))),
                        (b, Coef::minus(Factor::Mul(quotient))),
                    ]
                }
                BinOp::Rem => {
                    let rem = Prim { name: "rem", kind: PrimKind::Binary };
                    rule_partials(rem, v, &[a, b], &[], vars, active, &mut pre, span)
                }
                _ => Vec::new(),
            }
        }
        // Bilinear: each operand's coefficient is the product with the other one.
        Expr::Linalg(op, args) => match (args.first().and_then(atom), args.get(1).and_then(atom)) {
            (Some(a), Some(b)) => vec![
                (a.clone(), Coef::plus(Factor::Bilinear { op: *op, other: b.clone(), left: true })),
                (b, Coef::plus(Factor::Bilinear { op: *op, other: a, left: false })),
            ],
            _ => Vec::new(),
        },
        Expr::Prim(p, args) => {
            let atoms: Vec<Atom> = args.iter().filter_map(atom).collect();
            if atoms.len() != args.len() {
                return Partials { pre, coefs: Vec::new() };
            }
            match p.kind {
                PrimKind::Constant => Vec::new(),
                PrimKind::Unary => {
                    let rule = Expr::Rule(*p, vec![Expr::Atom(atoms[0].clone()), val]);
                    let factor = if SINGULAR.contains(&p.name) {
                        Factor::Strong(rule)
                    } else {
                        Factor::Mul(rule)
                    };
                    vec![(atoms[0].clone(), Coef::plus(factor))]
                }
                PrimKind::Powi => {
                    let rule = Expr::Rule(
                        *p,
                        vec![Expr::Atom(atoms[0].clone()), Expr::Atom(atoms[1].clone()), val],
                    );
                    vec![(atoms[0].clone(), Coef::plus(Factor::Mul(rule)))]
                }
                PrimKind::Binary | PrimKind::Ternary => {
                    rule_partials(*p, v, &atoms, &[], vars, active, &mut pre, span)
                }
            }
        }
        // (Only in code that differentiates derivative code: `f_vjp_jvp`.) Strong in both
        // operands: `d(a b) = a' b + a b'`, each term zero where its zero factor is.
        Expr::StrongMul(args) => match (args.first().and_then(atom), args.get(1).and_then(atom)) {
            (Some(a), Some(b)) => vec![
                (a.clone(), Coef::plus(Factor::Strong(Expr::Atom(b.clone())))),
                (b, Coef::plus(Factor::Strong(Expr::Atom(a)))),
            ],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    Partials { pre, coefs }
}

/// The unary primitives whose derivative is infinite at points where they are finite
/// (and `powf` in its base, above).
const SINGULAR: &[&str] = &["sqrt", "cbrt", "asin", "acos", "acosh"];

/// `let (dv_da, dv_db, ..) = d_op(a, b, .., v);` and the coefficients it names.
#[allow(clippy::too_many_arguments)]
fn rule_partials(
    prim: Prim,
    v: Var,
    operands: &[Atom],
    extra: &[Atom],
    vars: &mut Vec<VarInfo>,
    active: &dyn Fn(&Atom) -> bool,
    pre: &mut Vec<Stmt>,
    span: Span,
) -> Vec<(Atom, Coef)> {
    let vname = vars[v.0].name.clone();
    let mut names = Vec::new();
    let mut coefs = Vec::new();
    for (k, a) in operands.iter().enumerate() {
        let name = if active(a) {
            let of = match a.var() {
                Some(x) if matches!(a, Atom::Var(_)) => vars[x.0].name.clone(),
                _ => ["a", "b", "c"][k.min(2)].to_string(),
            };
            format!("d{vname}_d{of}")
        } else {
            "_".to_string()
        };
        vars.push(VarInfo { name: name.clone(), shape: Shape::Scalar, ty: None, derived: None });
        let d = Var(vars.len() - 1);
        names.push(d);
        if name != "_" {
            // `a.powf(b)` at `a = 0` with `b < 1`: an infinite slope in `a`.
            let d = Expr::var(d);
            let factor =
                if prim.name == "powf" && k == 0 { Factor::Strong(d) } else { Factor::Mul(d) };
            coefs.push((a.clone(), Coef::plus(factor)));
        }
    }
    let mut args: Vec<Expr> = operands.iter().chain(extra).cloned().map(Expr::Atom).collect();
    args.push(Expr::var(v));
    pre.push(Stmt::Let { vars: names, value: Expr::Rule(prim, args), span });
    coefs
}
