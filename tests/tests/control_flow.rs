//! `if`/`else` as expression and as statement, on active and constant conditions,
//! nested, in `else if` chains, with `&&` and `||`, and early `return`. Every function
//! is checked on each side of each branch, away from the switching surfaces (where the
//! function jumps or kinks and central differences mean nothing).
// Plain reassignment and explicit `return`s are features under test.
#![allow(clippy::let_and_return, clippy::needless_return, clippy::assign_op_pattern)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, assert_fd, scalar_case, EXACT, FD};
use num_dual::{DualNum, DualStruct};

/// An `if` expression on an active condition.
#[differentiate]
fn if_expression(x: f64, y: f64) -> f64 {
    let z = if x > y { x * x * y } else { y.sin() - x };
    z * 2.0
}

fn if_expression_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let z = if x.re() > y.re() { x * x * y } else { y.sin() - x };
    z * 2.0
}

#[test]
fn if_as_expression_on_an_active_condition() {
    let case = scalar_case!(if_expression, if_expression_grad, if_expression_jvp,
        if_expression_vjp, if_expression_dual; (x, x_t), (y, y_t));
    for [x, y] in [[2.0, 1.5], [0.5, -1.0], [-1.0, 0.5], [1.0, 3.0]] {
        let g = case.verify(&[x, y], FD);
        let want = if x > y { [4.0 * x * y, 2.0 * x * x] } else { [-2.0, 2.0 * y.cos()] };
        assert_all_close(&g, &want, EXACT, "if expression");
    }
}

/// `if` as a statement without `else`, mutating an outer local on one side only.
#[differentiate]
fn if_statement(x: f64, y: f64) -> f64 {
    let mut s = x * y;
    if s > 1.0 {
        s *= x;
        s += y.exp();
    }
    s - y
}

fn if_statement_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let mut s = x * y;
    if s.re() > 1.0 {
        s *= x;
        s += y.exp();
    }
    s - y
}

#[test]
fn if_as_statement_without_else() {
    let case = scalar_case!(if_statement, if_statement_grad, if_statement_jvp,
        if_statement_vjp, if_statement_dual; (x, x_t), (y, y_t));
    for [x, y] in [[2.0, 1.5], [0.5, 1.0], [-1.0, -3.0], [0.25, -2.0]] {
        let g = case.verify(&[x, y], FD);
        let want = if x * y > 1.0 { [2.0 * x * y, x * x + y.exp() - 1.0] } else { [y, x - 1.0] };
        assert_all_close(&g, &want, EXACT, "if statement");
    }
}

/// A constant condition: a `bool` and a `usize` parameter choose the formula.
#[differentiate]
fn constant_condition(x: f64, flag: bool, n: usize) -> f64 {
    let a = if flag { x.exp() } else { -x };
    let b = if n > 2 { a * x } else { a + x };
    b
}

#[test]
fn if_on_a_constant_condition() {
    for flag in [true, false] {
        for n in [0usize, 5] {
            for x in [-0.5, 1.25] {
                let (y, d): (f64, f64) = constant_condition_grad(x, flag, n);
                assert_eq!(y, constant_condition(x, flag, n));
                let (a, da) = if flag { (x.exp(), x.exp()) } else { (-x, -1.0) };
                let want = if n > 2 { da * x + a } else { da + 1.0 };
                assert_close(d, want, EXACT, "constant condition");
                assert_eq!(constant_condition_vjp(x, flag, n, 1.0), (y, d));
                let (jy, jd) = constant_condition_jvp(x, flag, n, -2.0);
                assert_eq!(jy, y);
                assert_close(jd, -2.0 * d, EXACT, "constant condition jvp");
                assert_close(constant_condition_vjp(x, flag, n, 3.0).1, 3.0 * d, EXACT, "vjp");
                assert_fd(
                    |v| constant_condition(v[0], flag, n),
                    &[x],
                    &[d],
                    FD,
                    "constant condition",
                );
            }
        }
    }
}

/// Nested `if`s, on active values computed inside the outer branch.
#[differentiate]
fn nested(x: f64, y: f64) -> f64 {
    let r = if x > 0.0 {
        let u = x * y;
        if u > 1.0 {
            u.ln()
        } else {
            let v = u * u;
            if y > 0.0 {
                v + y
            } else {
                v - x
            }
        }
    } else {
        y.cos() * x
    };
    r + x
}

fn nested_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let r = if x.re() > 0.0 {
        let u = x * y;
        if u.re() > 1.0 {
            u.ln()
        } else if y.re() > 0.0 {
            u * u + y
        } else {
            u * u - x
        }
    } else {
        y.cos() * x
    };
    r + x
}

#[test]
fn nested_ifs() {
    let case = scalar_case!(nested, nested_grad, nested_jvp, nested_vjp, nested_dual;
        (x, x_t), (y, y_t));
    for [x, y] in [[2.0, 1.5], [0.5, 1.0], [0.5, -1.0], [-1.0, 0.7]] {
        let g = case.verify(&[x, y], FD);
        let u = x * y;
        let want = if x > 0.0 {
            if u > 1.0 {
                [1.0 / x + 1.0, 1.0 / y]
            } else if y > 0.0 {
                [2.0 * u * y + 1.0, 2.0 * u * x + 1.0]
            } else {
                [2.0 * u * y - 1.0 + 1.0, 2.0 * u * x]
            }
        } else {
            [y.cos() + 1.0, -y.sin() * x]
        };
        assert_all_close(&g, &want, EXACT, "nested");
    }
}

/// An `else if` chain: a piecewise function with four pieces.
#[differentiate]
fn chain(x: f64) -> f64 {
    if x < -1.0 {
        -x * x
    } else if x < 0.0 {
        x.sin()
    } else if x < 1.0 {
        x.exp() - 1.0
    } else {
        x.sqrt() * 3.0
    }
}

fn chain_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    if x.re() < -1.0 {
        -x * x
    } else if x.re() < 0.0 {
        x.sin()
    } else if x.re() < 1.0 {
        x.exp() - 1.0
    } else {
        x.sqrt() * 3.0
    }
}

#[test]
fn else_if_chain() {
    let case = scalar_case!(chain, chain_grad, chain_jvp, chain_vjp, chain_dual; (x, x_t));
    for x in [-2.5, -0.5, 0.5, 4.0] {
        let g = case.verify(&[x], FD);
        let want = if x < -1.0 {
            -2.0 * x
        } else if x < 0.0 {
            x.cos()
        } else if x < 1.0 {
            x.exp()
        } else {
            1.5 / x.sqrt()
        };
        assert_close(g[0], want, EXACT, "else-if chain");
    }
}

/// `&&` and `||` on active comparisons, and a boolean local.
#[differentiate]
fn logic(x: f64, y: f64) -> f64 {
    let both = x > 0.0 && y > 0.0;
    let either = x * y > 2.0 || y.sin() > 0.9;
    let a = if both { x * y } else { x + y };
    let b = if either && !both { a * a } else { a * 3.0 };
    b
}

fn logic_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let both = x.re() > 0.0 && y.re() > 0.0;
    let either = x.re() * y.re() > 2.0 || y.re().sin() > 0.9;
    let a = if both { x * y } else { x + y };
    if either && !both {
        a * a
    } else {
        a * 3.0
    }
}

#[test]
fn and_or_conditions() {
    let case = scalar_case!(logic, logic_grad, logic_jvp, logic_vjp, logic_dual;
        (x, x_t), (y, y_t));
    // both; neither with x y > 2; neither with sin y > 0.9; neither at all.
    for [x, y] in [[1.5, 2.0], [-2.0, -1.5], [-0.5, 1.5], [-1.0, 0.5]] {
        let g = case.verify(&[x, y], FD);
        let both = x > 0.0 && y > 0.0;
        let either = x * y > 2.0 || y.sin() > 0.9;
        let (a, da) = if both { (x * y, [y, x]) } else { (x + y, [1.0, 1.0]) };
        let k = if either && !both { 2.0 * a } else { 3.0 };
        assert_all_close(&g, &[k * da[0], k * da[1]], EXACT, "logic");
    }
}

/// Early returns: from an `if` without `else`, from nested branches, and a tail
/// `return`.
#[differentiate]
fn early_return(x: f64, y: f64) -> f64 {
    if x < 0.0 {
        return -x * y;
    }
    let s = x.sqrt();
    if y > 1.0 {
        if s > 2.0 {
            return s * y;
        }
        let t = s + y;
        return t * t;
    }
    let w = s.exp() * y;
    return w + x;
}

fn early_return_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    if x.re() < 0.0 {
        return -x * y;
    }
    let s = x.sqrt();
    if y.re() > 1.0 {
        if s.re() > 2.0 {
            return s * y;
        }
        let t = s + y;
        return t * t;
    }
    s.exp() * y + x
}

#[test]
fn early_returns() {
    let case = scalar_case!(early_return, early_return_grad, early_return_jvp,
        early_return_vjp, early_return_dual; (x, x_t), (y, y_t));
    for [x, y] in [[-1.0, 2.0], [9.0, 1.5], [1.0, 1.5], [2.0, 0.5]] {
        let g = case.verify(&[x, y], FD);
        let s = x.sqrt();
        let want = if x < 0.0 {
            [-y, -x]
        } else if y > 1.0 && s > 2.0 {
            [y / (2.0 * s), s]
        } else if y > 1.0 {
            let t = s + y;
            [t / s, 2.0 * t]
        } else {
            [s.exp() * y / (2.0 * s) + 1.0, s.exp()]
        };
        assert_all_close(&g, &want, EXACT, "early return");
    }
}

/// An early return from an `if` with an `else` that falls through, and a value that
/// the later code reassigns.
#[differentiate]
fn return_in_then(x: f64) -> f64 {
    let mut acc = x * 2.0;
    if x > 3.0 {
        return acc.ln();
    } else {
        acc += x * x;
    }
    acc *= x;
    acc
}

fn return_in_then_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    let acc = x * 2.0;
    if x.re() > 3.0 {
        return acc.ln();
    }
    (acc + x * x) * x
}

#[test]
fn return_from_the_then_branch() {
    let case = scalar_case!(return_in_then, return_in_then_grad, return_in_then_jvp,
        return_in_then_vjp, return_in_then_dual; (x, x_t));
    for x in [-1.0, 0.5, 2.0, 5.0] {
        let g = case.verify(&[x], FD);
        let want = if x > 3.0 { 1.0 / x } else { 4.0 * x + 3.0 * x * x };
        assert_close(g[0], want, EXACT, "return in then");
    }
}

/// A condition on a value produced by an earlier `if`, and an `if` whose branches
/// yield several reassigned locals.
#[differentiate]
fn phis(x: f64, y: f64) -> f64 {
    let mut a = x;
    let mut b = y;
    if x > y {
        a = x * y;
        b = y - x;
    } else {
        b = b * 2.0;
    }
    let c = if a + b > 0.0 { a - b } else { a * b };
    c + a
}

fn phis_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let (a, b) = if x.re() > y.re() { (x * y, y - x) } else { (x, y * 2.0) };
    let c = if (a + b).re() > 0.0 { a - b } else { a * b };
    c + a
}

#[test]
fn values_merged_after_branches() {
    let case = scalar_case!(phis, phis_grad, phis_jvp, phis_vjp, phis_dual;
        (x, x_t), (y, y_t));
    // Each of the four combinations of the two conditions.
    for [x, y] in [[2.0, 1.5], [2.0, -1.5], [0.5, 1.0], [-1.0, -0.25]] {
        let g = case.verify(&[x, y], FD);
        let (a, da, b, db) = if x > y {
            (x * y, [y, x], y - x, [-1.0, 1.0])
        } else {
            (x, [1.0, 0.0], 2.0 * y, [0.0, 2.0])
        };
        let d = |i: usize| {
            let dc = if a + b > 0.0 { da[i] - db[i] } else { da[i] * b + a * db[i] };
            dc + da[i]
        };
        assert_all_close(&g, &[d(0), d(1)], EXACT, "phis");
    }
}

/// A branch on a value whose derivative is needed in one branch only, where the other
/// branch yields a constant: the derivative is exactly zero there.
#[differentiate]
fn relu(x: f64) -> f64 {
    if x > 0.0 {
        x
    } else {
        0.0
    }
}

fn relu_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    if x.re() > 0.0 {
        x
    } else {
        D::from(0.0)
    }
}

#[test]
fn branch_yielding_a_parameter_or_a_constant() {
    let case = scalar_case!(relu, relu_grad, relu_jvp, relu_vjp, relu_dual; (x, x_t));
    for x in [-2.0, 0.5, 3.0] {
        let g = case.verify(&[x], FD);
        assert_eq!(g[0], if x > 0.0 { 1.0 } else { 0.0 });
    }
    // At the kink the `else` branch runs: derivative 0.
    assert_eq!(relu_grad(0.0), (0.0, 0.0));
}

/// Both branches return the parameter itself or its negation (no arithmetic of their
/// own in one branch).
#[differentiate]
fn abs_by_hand(x: f64) -> f64 {
    if x < 0.0 {
        -x
    } else {
        x
    }
}

#[test]
fn branches_yielding_parameters() {
    for x in [-2.0, 0.5] {
        let (y, d) = abs_by_hand_grad(x);
        assert_eq!(y, abs_by_hand(x));
        assert_eq!(d, x.signum());
        assert_eq!(abs_by_hand_jvp(x, 3.0), (y, 3.0 * x.signum()));
        assert_eq!(abs_by_hand_vjp(x, -2.0), (y, -2.0 * x.signum()));
        // DualStruct::re is only used here to keep the twin honest about branches.
        let dual = num_dual::Dual64::new(x, 1.0);
        let twin = if dual.re() < 0.0 { -dual } else { dual };
        assert_eq!(twin.eps, d);
    }
}

/// `stop_gradient` makes a value a constant for derivatives, wherever it is used.
#[differentiate]
fn stopped(x: f64, y: f64) -> f64 {
    let c = autodiff_core::stop_gradient(x * y);
    let mut s = 0.0;
    for _ in 0..3 {
        s += c * x + y;
    }
    s
}

#[test]
fn stop_gradient_blocks_the_derivative_only() {
    let (x, y) = (1.5, -0.5);
    let (v, (dx, dy)) = stopped_grad(x, y);
    assert_eq!(v, stopped(x, y));
    assert_eq!((dx, dy), (3.0 * x * y, 3.0));
    let (_, d) = stopped_jvp(x, y, 1.0, 0.0);
    assert_eq!(d, dx);
}
