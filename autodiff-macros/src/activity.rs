//! `activity`: which variables carry a derivative.
//!
//! A variable is *varied* when it is computed by differentiable operations from an
//! active parameter, and *useful* when the output is computed from it by differentiable
//! operations. Only variables that are both are *active*: only they get tangents and
//! adjoints. Comparisons, casts to integers, piecewise-constant methods (`floor`, ...),
//! and queries such as `len` end activity.
//!
//! Both are computed by passes in program order (forward for varied, backward for
//! useful), repeated until nothing changes, since loops feed values back.
//!
//! Guarantees: an opaque call or method whose argument is varied and whose result is
//! useful would need a derivative the macro does not have; it is reported at its span.

use crate::diagnostics::{self as diag, Errors};
use crate::ir::{Atom, Block, Expr, Func, PrimKind, Shape, Stmt, UnOp, Var};
use quote::ToTokens;

/// Methods whose result has no derivative by nature (integers, booleans, bits).
const QUERIES: &[&str] = &[
    "len",
    "is_empty",
    "is_nan",
    "is_infinite",
    "is_finite",
    "is_normal",
    "is_subnormal",
    "is_sign_positive",
    "is_sign_negative",
    "classify",
    "to_bits",
    "total_cmp",
    "partial_cmp",
    // The sizes of a matrix library's vectors and matrices.
    "nrows",
    "ncols",
    "shape",
    "dim",
    "raw_dim",
    "ndim",
];

/// The facts about one function.
pub struct Activity {
    active: Vec<bool>,
}

impl Activity {
    /// The facts of a body analysed elsewhere (`second`): one flag per variable.
    pub fn from_flags(active: Vec<bool>) -> Activity {
        Activity { active }
    }

    pub fn is_active(&self, v: Var) -> bool {
        self.active.get(v.0).copied().unwrap_or(false)
    }

    /// Whether the atom reads an active variable.
    pub fn atom(&self, a: &Atom) -> bool {
        match a {
            Atom::Var(v) | Atom::Place(v, _) => self.is_active(*v),
            Atom::Const(_) => false,
        }
    }
}

pub fn analyse(func: &Func, errors: &mut Errors) -> Activity {
    let n = func.vars.len();
    let mut varied = vec![false; n];
    for p in func.active_params() {
        varied[p.var.0] = true;
    }
    // Loops feed values back, so both passes run to a fixpoint (facts only grow).
    while forward(&func.body, func, &mut varied) {}
    let mut useful = vec![false; n];
    for v in func.outputs.iter().filter_map(|o| o.atom.var()) {
        useful[v.0] = true;
    }
    while backward(&func.body, &mut useful) {}
    check_opaque_calls(&func.body, func, &varied, &useful, errors);
    Activity { active: varied.iter().zip(&useful).map(|(a, b)| *a && *b).collect() }
}

fn mark(facts: &mut [bool], v: Var) -> bool {
    let changed = !facts[v.0];
    facts[v.0] = true;
    changed
}

/// The operands of `expr` through which a derivative flows.
pub fn differentiable_operands(expr: &Expr) -> Vec<&Atom> {
    fn atoms(args: &[Expr]) -> Vec<&Atom> {
        args.iter()
            .filter_map(|e| match e {
                Expr::Atom(a) => Some(a),
                _ => None,
            })
            .collect()
    }
    match expr {
        Expr::Atom(a) | Expr::CopyOf(a) => vec![a],
        Expr::Unary(UnOp::Neg | UnOp::Deref, e) | Expr::Cast(e, _) => match &**e {
            Expr::Atom(a) | Expr::CopyOf(a) => vec![a],
            _ => Vec::new(),
        },
        Expr::Binary(op, a, b) if op.is_differentiable() => {
            let mut out = atoms(std::slice::from_ref(a));
            out.extend(atoms(std::slice::from_ref(b)));
            out
        }
        // A call passes derivatives through its float arguments (to its siblings).
        Expr::Call { args, floats, siblings: Some(_), .. } => args
            .iter()
            .zip(floats)
            .filter(|(_, f)| **f)
            .filter_map(|(a, _)| crate::ir::argument_atom(a).map(|(atom, _)| atom))
            .collect(),
        Expr::Prim(p, args) if p.kind != PrimKind::Constant => {
            let mut out = atoms(args);
            out.truncate(p.float_args());
            out
        }
        Expr::Linalg(_, args) => atoms(args),
        _ => Vec::new(),
    }
}

fn atom_varied(a: &Atom, varied: &[bool]) -> bool {
    a.var().is_some_and(|v| varied[v.0])
}

/// One pass of "varied"; whether anything changed.
fn forward(block: &Block, func: &Func, varied: &mut Vec<bool>) -> bool {
    let mut changed = false;
    for stmt in &block.stmts {
        match stmt {
            Stmt::Let { vars, value, .. } => {
                let mut is_varied =
                    differentiable_operands(value).iter().any(|a| atom_varied(a, varied));
                if let Expr::Cast(..) = value {
                    // A cast to an integer ends activity.
                    is_varied &= vars.iter().all(|v| func.info(*v).shape == Shape::Scalar);
                }
                if is_varied {
                    for v in vars {
                        changed |= mark(varied, *v);
                    }
                }
            }
            Stmt::If { then, els, outs, .. } => {
                changed |= forward(then, func, varied);
                changed |= forward(els, func, varied);
                for (k, out) in outs.iter().enumerate() {
                    let t = then.yields.get(k).is_some_and(|a| atom_varied(a, varied));
                    let e = els.yields.get(k).is_some_and(|a| atom_varied(a, varied));
                    if t || e {
                        changed |= mark(varied, *out);
                    }
                }
            }
            Stmt::Assign { target, value, .. } => {
                let from = differentiable_operands(value).iter().any(|a| atom_varied(a, varied));
                if let (true, Some(v)) = (from, target.var()) {
                    changed |= mark(varied, v);
                }
            }
            Stmt::Loop { carried, body, .. } => {
                for (k, (cell, init)) in carried.iter().enumerate() {
                    if atom_varied(init, varied)
                        || body.yields.get(k).is_some_and(|a| atom_varied(a, varied))
                    {
                        changed |= mark(varied, *cell);
                    }
                }
                changed |= forward(body, func, varied);
            }
            Stmt::Accumulate { .. } | Stmt::Push { .. } | Stmt::Reserve { .. } => {}
        }
    }
    changed
}

fn mark_atom(useful: &mut [bool], a: &Atom) -> bool {
    a.var().is_some_and(|v| mark(useful, v))
}

/// One pass of "useful"; whether anything changed.
fn backward(block: &Block, useful: &mut Vec<bool>) -> bool {
    let mut changed = false;
    for stmt in block.stmts.iter().rev() {
        match stmt {
            Stmt::Let { vars, value, .. } => {
                if vars.iter().any(|v| useful[v.0]) {
                    for a in differentiable_operands(value) {
                        changed |= mark_atom(useful, a);
                    }
                    // What an opaque call reads matters too: if it is varied, the call
                    // needs a derivative (`check_opaque` reports it), never a zero.
                    if opaque(value) {
                        let mut read = Vec::new();
                        value.vars(&mut read);
                        for v in read {
                            changed |= mark(useful, v);
                        }
                    }
                }
            }
            Stmt::If { then, els, outs, .. } => {
                for (k, out) in outs.iter().enumerate() {
                    if useful[out.0] {
                        for a in [then.yields.get(k), els.yields.get(k)].into_iter().flatten() {
                            changed |= mark_atom(useful, a);
                        }
                    }
                }
                changed |= backward(then, useful);
                changed |= backward(els, useful);
            }
            Stmt::Assign { target, value, .. } => {
                if target.var().is_some_and(|v| useful[v.0]) {
                    for a in differentiable_operands(value) {
                        changed |= mark_atom(useful, a);
                    }
                }
            }
            Stmt::Loop { carried, body, .. } => {
                for (k, (cell, init)) in carried.iter().enumerate() {
                    if useful[cell.0] {
                        changed |= mark_atom(useful, init);
                        if let Some(y) = body.yields.get(k) {
                            changed |= mark_atom(useful, y);
                        }
                    }
                }
                changed |= backward(body, useful);
            }
            Stmt::Accumulate { .. } | Stmt::Push { .. } | Stmt::Reserve { .. } => {}
        }
    }
    changed
}

/// Whether `expr` is a call or method with no derivative rule and no siblings: its
/// result does not follow its operands by any rule the macro knows. Queries (`len`,
/// `is_nan`, ...) are not opaque: their results have no derivative by nature.
fn opaque(expr: &Expr) -> bool {
    match expr {
        Expr::Call { siblings: Some(_), .. } => false,
        Expr::Call { func: syn::Expr::Path(p), .. } => {
            p.path.segments.last().is_none_or(|s| s.ident != "stop_gradient")
        }
        Expr::Call { .. } => true,
        Expr::Method { method, .. } => QUERIES.iter().all(|q| method != q),
        // `format!`: a string has no derivative, so one read back into a float must not
        // carry an active value.
        Expr::Macro(_) => true,
        _ => false,
    }
}

/// Reports each opaque call or method that is given a varied value and whose result
/// matters: it would need a derivative.
fn check_opaque_calls(
    block: &Block,
    func: &Func,
    varied: &[bool],
    useful: &[bool],
    errors: &mut Errors,
) {
    for stmt in &block.stmts {
        match stmt {
            Stmt::Let { vars, value, span } if vars.iter().any(|v| useful[v.0]) => {
                check_opaque(value, func, varied, *span, errors);
            }
            Stmt::If { then, els, .. } => {
                check_opaque_calls(then, func, varied, useful, errors);
                check_opaque_calls(els, func, varied, useful, errors);
            }
            Stmt::Loop { body, .. } => check_opaque_calls(body, func, varied, useful, errors),
            _ => {}
        }
    }
}

/// Reports an opaque call or method that is given a varied value and whose result
/// matters: it would need a derivative.
fn check_opaque(
    value: &Expr,
    func: &Func,
    varied: &[bool],
    span: proc_macro2::Span,
    errors: &mut Errors,
) {
    let reads_varied = |args: &[Expr]| {
        let mut vars = Vec::new();
        args.iter().for_each(|e| e.vars(&mut vars));
        vars.iter().any(|v| varied[v.0])
    };
    if !opaque(value) {
        return;
    }
    match value {
        Expr::Call { func, args, .. } if reads_varied(args) => {
            let name = func.to_token_stream().to_string().replace(' ', "");
            errors.at_span(span, diag::call_without_derivative(&name));
        }
        Expr::Method { recv, method, args, .. }
            if reads_varied(std::slice::from_ref(&**recv)) | reads_varied(args) =>
        {
            let whole = matches!(&**recv, Expr::Atom(Atom::Var(v)) if matches!(func.info(*v).shape, Shape::Tensor { .. }));
            if whole {
                errors.at(method, diag::method_on_tensor(method));
            } else {
                errors.at(method, diag::method_without_derivative(method));
            }
        }
        Expr::Macro(m) if reads_varied(std::slice::from_ref(value)) => {
            errors.at_span(span, diag::macro_without_derivative(&m.path));
        }
        _ => {}
    }
}
