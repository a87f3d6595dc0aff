//! Straight-line arithmetic: the operators, unary minus and parentheses, `let mut` with
//! reassignment and compound assignment, shadowing, block expressions and tuple
//! patterns, and parameters the output does not depend on.
// Plain reassignment (`s = s + ..`) is one of the features under test.
#![allow(clippy::let_and_return, clippy::assign_op_pattern)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, scalar_case, EXACT, FD};
use num_dual::DualNum;

// ---- operators ----------------------------------------------------------------------

/// `(a + b)(a - b) / (b² + 1) - (-a)`.
#[differentiate]
fn operators(a: f64, b: f64) -> f64 {
    (a + b) * (a - b) / (b * b + 1.0) - -a
}

fn operators_dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
    (a + b) * (a - b) / (b * b + 1.0) - -a
}

#[test]
fn the_four_operators_and_unary_minus() {
    let case = scalar_case!(operators, operators_grad, operators_jvp, operators_vjp,
        operators_dual; (a, a_t), (b, b_t));
    for [a, b] in [[1.0, 2.0], [-0.5, 0.3], [3.0, -1.5], [0.0, 0.0]] {
        let g = case.verify(&[a, b], FD);
        // f = (a² - b²) / (b² + 1) + a
        let q = b * b + 1.0;
        let da = 2.0 * a / q + 1.0;
        let db = (-2.0 * b * q - (a * a - b * b) * 2.0 * b) / (q * q);
        assert_all_close(&g, &[da, db], EXACT, "operators");
    }
}

/// Literals on either side of every operator, and a negated parameter.
#[differentiate]
fn literals_both_sides(x: f64) -> f64 {
    2.0 * x + x * 3.0 - (1.0 - x) + 4.0 / x + x / 8.0 - (-x) * 0.5
}

fn literals_both_sides_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    x * 2.0 + x * 3.0 - (-x + 1.0) + x.recip() * 4.0 + x / 8.0 - (-x) * 0.5
}

#[test]
fn literals_on_either_side() {
    let case = scalar_case!(literals_both_sides, literals_both_sides_grad,
        literals_both_sides_jvp, literals_both_sides_vjp, literals_both_sides_dual; (x, x_t));
    for x in [-3.0, 0.5, 2.0] {
        let g = case.verify(&[x], FD);
        assert_close(g[0], 2.0 + 3.0 + 1.0 - 4.0 / (x * x) + 0.125 + 0.5, EXACT, "literals");
    }
}

/// The float remainder `a % b`: `(1, -trunc(a / b))` away from the jumps.
#[differentiate]
fn remainder(a: f64, b: f64) -> f64 {
    a % b
}

fn remainder_dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
    common::rem(a, b)
}

#[test]
fn remainder_operator() {
    let case = scalar_case!(remainder, remainder_grad, remainder_jvp, remainder_vjp,
        remainder_dual; (a, a_t), (b, b_t));
    for [a, b] in [[7.5, 2.0], [-7.5, 2.0], [5.3, -1.5], [0.7, 3.0]] {
        let g = case.verify(&[a, b], FD);
        assert_all_close(&g, &[1.0, -(a / b).trunc()], EXACT, "a % b");
    }
}

// ---- let mut and compound assignment ------------------------------------------------

/// Every compound assignment, each reading the running value.
#[differentiate]
fn compound(a: f64, b: f64) -> f64 {
    let mut s = a;
    s += b * b;
    s -= 0.5 * a;
    s *= b;
    s /= a + 2.0;
    s %= 3.0;
    s += a % 1.75;
    s
}

fn compound_dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
    let mut s = a;
    s += b * b;
    s -= a * 0.5;
    s *= b;
    s /= a + 2.0;
    s = common::rem(s, common::c(3.0));
    s += common::rem(a, common::c(1.75));
    s
}

#[test]
fn compound_assignment() {
    let case = scalar_case!(compound, compound_grad, compound_jvp, compound_vjp,
        compound_dual; (a, a_t), (b, b_t));
    // Points where s stays clear of the jumps of `s %= 3.0` (s = 3 at a = 1, b = 2).
    for [a, b] in [[1.0, 1.5], [0.3, -0.7], [2.5, 1.25]] {
        let g = case.verify(&[a, b], FD);
        // s = (a/2 + b²) b / (a + 2), then s % 3 (derivative 1) + a % 1.75 (derivative 1).
        let (num, den) = ((0.5 * a + b * b) * b, a + 2.0);
        let da = 0.5 * b / den - num / (den * den) + 1.0;
        let db = (0.5 * a + 3.0 * b * b) / den;
        assert_all_close(&g, &[da, db], EXACT, "compound");
    }
}

/// Plain reassignment, including from an expression of the old value and to a constant.
#[differentiate]
fn reassign(x: f64, y: f64) -> f64 {
    let mut s = x * y;
    let first = s;
    s = s.sin() + y;
    let mut k = 2.0;
    k = k * s;
    s = 1.0;
    s = s + k * first;
    s
}

fn reassign_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let first = x * y;
    let s = first.sin() + y;
    s * 2.0 * first + 1.0
}

#[test]
fn reassignment() {
    let case = scalar_case!(reassign, reassign_grad, reassign_jvp, reassign_vjp,
        reassign_dual; (x, x_t), (y, y_t));
    for [x, y] in [[0.5, 1.5], [-1.0, 2.0], [3.0, -0.25]] {
        let g = case.verify(&[x, y], FD);
        // f = 2 (sin(xy) + y) xy + 1
        let p = x * y;
        let dp = 2.0 * (p.cos() * p + p.sin() + y);
        assert_all_close(&g, &[dp * y, dp * x + 2.0 * p], EXACT, "reassign");
    }
}

/// A `mut` parameter reassigned in the body.
#[differentiate]
fn mut_param(mut x: f64, y: f64) -> f64 {
    x *= y;
    x += 1.0;
    x * x
}

fn mut_param_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let u = x * y + 1.0;
    u * u
}

#[test]
fn mut_parameter() {
    let case = scalar_case!(mut_param, mut_param_grad, mut_param_jvp, mut_param_vjp,
        mut_param_dual; (x, x_t), (y, y_t));
    for [x, y] in [[0.5, 1.5], [-1.0, 2.0]] {
        let g = case.verify(&[x, y], FD);
        let u = x * y + 1.0;
        assert_all_close(&g, &[2.0 * u * y, 2.0 * u * x], EXACT, "mut parameter");
    }
}

// ---- shadowing and blocks -----------------------------------------------------------

#[differentiate]
fn shadowing(x: f64, y: f64) -> f64 {
    let x = x * 2.0;
    let y = x + y;
    let x = x.sin() + y;
    let y = y * x;
    y
}

fn shadowing_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let x2 = x * 2.0;
    let s = x2 + y;
    s * (x2.sin() + s)
}

#[test]
fn shadowed_lets() {
    let case = scalar_case!(shadowing, shadowing_grad, shadowing_jvp, shadowing_vjp,
        shadowing_dual; (x, x_t), (y, y_t));
    for [x, y] in [[0.25, 1.0], [-1.0, 0.5], [2.0, -3.0]] {
        let g = case.verify(&[x, y], FD);
        // f = s (sin 2x + s), s = 2x + y
        let s = 2.0 * x + y;
        let w = (2.0 * x).sin() + s;
        let dx = 2.0 * w + s * (2.0 * (2.0 * x).cos() + 2.0);
        let dy = w + s;
        assert_all_close(&g, &[dx, dy], EXACT, "shadowing");
    }
}

/// Block expressions as values, a shadowing inside a block that ends with it, and a
/// block statement.
#[differentiate]
fn blocks(x: f64, y: f64) -> f64 {
    let a = {
        let x = x * x;
        x + y
    };
    let b = { y.exp() } * { x - 1.0 };
    {
        let a = a * 100.0;
        let _ = a;
    }
    a + b + x
}

fn blocks_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    x * x + y + y.exp() * (x - 1.0) + x
}

#[test]
fn block_expressions() {
    let case = scalar_case!(blocks, blocks_grad, blocks_jvp, blocks_vjp, blocks_dual;
        (x, x_t), (y, y_t));
    for [x, y] in [[0.5, 1.5], [-1.0, 0.0], [2.0, -1.0]] {
        let g = case.verify(&[x, y], FD);
        let dx = 2.0 * x + y.exp() + 1.0;
        let dy = 1.0 + y.exp() * (x - 1.0);
        assert_all_close(&g, &[dx, dy], EXACT, "blocks");
    }
}

/// The body's value is a block nested in a block.
#[differentiate]
fn nested_tail_blocks(x: f64) -> f64 {
    let k = 3.0;
    {
        let u = x * k;
        {
            let v = u * u;
            v - x
        }
    }
}

fn nested_tail_blocks_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    let u = x * 3.0;
    u * u - x
}

#[test]
fn nested_tail_block() {
    let case = scalar_case!(nested_tail_blocks, nested_tail_blocks_grad,
        nested_tail_blocks_jvp, nested_tail_blocks_vjp, nested_tail_blocks_dual; (x, x_t));
    for x in [-1.0, 0.5, 4.0] {
        let g = case.verify(&[x], FD);
        assert_close(g[0], 18.0 * x - 1.0, EXACT, "nested tail");
    }
}

// ---- tuple patterns -----------------------------------------------------------------

/// Destructuring, swapping through a tuple, nesting, `_`, and type annotations.
#[differentiate]
fn tuples(x: f64, y: f64) -> f64 {
    let (a, b) = (x * y, x + y);
    let (a, b) = (b, a);
    let ((p, q), _) = ((a.sin(), b), x.exp());
    let (r, s): (f64, f64) = (p * q, 2.0);
    r * s + a
}

fn tuples_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let (a, b) = (x + y, x * y);
    a.sin() * b * 2.0 + a
}

#[test]
fn tuple_patterns() {
    let case = scalar_case!(tuples, tuples_grad, tuples_jvp, tuples_vjp, tuples_dual;
        (x, x_t), (y, y_t));
    for [x, y] in [[0.5, 1.5], [-1.0, 2.0], [1.25, -0.75]] {
        let g = case.verify(&[x, y], FD);
        // f = 2 sin(x + y) xy + x + y
        let (s, c) = (x + y).sin_cos();
        let dx = 2.0 * (c * x * y + s * y) + 1.0;
        let dy = 2.0 * (c * x * y + s * x) + 1.0;
        assert_all_close(&g, &[dx, dy], EXACT, "tuples");
    }
}

/// A field of a tuple expression bound by `let`.
#[differentiate]
fn tuple_field(x: f64, y: f64) -> f64 {
    let pair = (x * x, y * 3.0);
    pair.0 + pair.1
}

fn tuple_field_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    x * x + y * 3.0
}

#[test]
fn tuple_fields() {
    let case = scalar_case!(tuple_field, tuple_field_grad, tuple_field_jvp, tuple_field_vjp,
        tuple_field_dual; (x, x_t), (y, y_t));
    let g = case.verify(&[1.5, -2.0], FD);
    assert_all_close(&g, &[3.0, 3.0], EXACT, "tuple field");
}

// ---- parameters the output does not depend on ---------------------------------------

/// `_b` is never read; `c` only through a piecewise-constant function and a comparison.
#[differentiate]
fn partly_constant(a: f64, _b: f64, c: f64) -> f64 {
    let k = if c > 0.0 { 2.0 } else { 3.0 };
    a * a * k + c.floor()
}

fn partly_constant_dual<D: DualNum<Primitive = f64> + Copy>(a: D, _b: D, c: D) -> D {
    let k = if c.re() > 0.0 { 2.0 } else { 3.0 };
    a * a * k + common::flat(c, f64::floor)
}

#[test]
fn unused_parameters_get_zero() {
    let case = scalar_case!(partly_constant, partly_constant_grad, partly_constant_jvp,
        partly_constant_vjp, partly_constant_dual; (a, a_t), (b, b_t), (c, c_t));
    for [a, b, c] in [[1.5, 7.0, 0.5], [-2.0, 0.0, -1.5]] {
        let g = case.verify(&[a, b, c], FD);
        let k = if c > 0.0 { 2.0 } else { 3.0 };
        assert_eq!(g[1], 0.0, "_b is never read");
        assert_eq!(g[2], 0.0, "c reaches the output only through floor and a comparison");
        assert_close(g[0], 2.0 * a * k, EXACT, "a");
    }
    // The tangent of an unused parameter does not move the output.
    assert_eq!(partly_constant_jvp(1.5, 7.0, 0.5, 0.0, 1e6, -1e6).1, 0.0);
}

/// The output depends on the parameters only through a comparison: every derivative is
/// zero.
#[differentiate]
fn constant_output(x: f64, y: f64) -> f64 {
    let k = x * y;
    if k > 1.0 {
        std::f64::consts::PI
    } else {
        2.0
    }
}

#[test]
fn constant_output_has_zero_gradient() {
    use std::f64::consts::PI;
    for ([x, y], v) in [([1.0, 2.0], PI), ([1.0, -2.0], 2.0)] {
        assert_eq!(constant_output(x, y), v);
        let (value, (dx, dy)): (f64, (f64, f64)) = constant_output_grad(x, y);
        assert_eq!((value, dx, dy), (v, 0.0, 0.0));
        assert_eq!(constant_output_jvp(x, y, 3.0, 4.0), (v, 0.0));
        assert_eq!(constant_output_vjp(x, y, 5.0), (v, (0.0, 0.0)));
    }
}
