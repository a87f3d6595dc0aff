//! Macros that compute no derivative, in differentiated bodies as real code writes
//! them: assertions (kept in every sibling, evaluated on primal values), printing and
//! `format!` (once per call, in the primal part), and the ways of building a `Vec` or an
//! array: `vec![a, b]`, `Vec::from([..])`, `Vec::with_capacity` with `push` and
//! `extend`, fills `[x; n]` and `vec![x; n]` of computed values, and `vec![vec![0.0; m];
//! n]`. Each derivative is checked in every sibling against a hand-derived formula,
//! num-dual and central differences.
#![allow(clippy::let_and_return, clippy::needless_range_loop, clippy::useless_vec)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, assert_fd, dual_gradient, Case, EXACT, FD};
use num_dual::{Dual64, DualNum};
use num_traits::{Float, FromPrimitive};

/// Every assertion macro, with shadowed locals (so that generated code renames them)
/// and a message with arguments. `f = (2x)^2 y + sin(2x)`.
#[differentiate(order = 2)]
fn asserted(x: f64, y: f64) -> f64 {
    assert!(x.is_finite() && y.is_finite());
    let x = 2.0 * x;
    assert!(x * x >= 0.0, "x = {}, y = {y}", x);
    let z = x * x;
    assert_eq!(z, x * x);
    assert_ne!(z, -1.0, "z = {z:?}");
    debug_assert!(y <= y.abs());
    debug_assert_eq!(x, 2.0 * (x / 2.0), "x = {}", x);
    debug_assert_ne!(x.abs(), -1.0);
    z * y + x.sin()
}

fn asserted_dual(v: &[Dual64]) -> Dual64 {
    let x = v[0] * 2.0;
    x * x * v[1] + x.sin()
}

#[test]
fn assertions_are_kept_and_have_no_derivative() {
    let case = Case {
        name: "asserted",
        primal: &|v| asserted(v[0], v[1]),
        grad: &|v| {
            let (y, (a, b)) = asserted_grad(v[0], v[1]);
            (y, vec![a, b])
        },
        vjp: &|v, d| {
            let (y, (a, b)) = asserted_vjp(v[0], v[1], d);
            (y, vec![a, b])
        },
        jvp: &|v, t| asserted_jvp(v[0], v[1], t[0], t[1]),
        dual: &asserted_dual,
    };
    for (x, y) in [(0.5, 1.5), (-1.25, 0.75)] {
        let g = case.verify(&[x, y], FD);
        // d/dx = 8 x y + 2 cos(2x), d/dy = 4 x^2.
        assert_close(g[0], 8.0 * x * y + 2.0 * (2.0 * x).cos(), EXACT, "d/dx");
        assert_close(g[1], 4.0 * x * x, EXACT, "d/dy");
        let (_, _, h) = asserted_hessian(x, y);
        let want = [[8.0 * y - 4.0 * (2.0 * x).sin(), 8.0 * x], [8.0 * x, 0.0]];
        for i in 0..2 {
            assert_all_close(&h[i], &want[i], EXACT, "asserted hessian");
        }
    }
}

/// An assertion with a message naming its value, inside a loop.
#[differentiate(order = 2)]
fn checked(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        assert!(x[i] > 0.0, "x[{i}] = {} must be positive", x[i]);
        s += x[i].ln();
    }
    s
}

#[test]
fn a_passing_assertion_in_a_loop() {
    let x = [0.5, 2.0, 3.0];
    let (s, g) = checked_grad(&x);
    assert_eq!(s, checked(&x));
    assert_all_close(&g, &[2.0, 0.5, 1.0 / 3.0], EXACT, "checked");
}

#[test]
#[should_panic(expected = "x[1] = -2 must be positive")]
fn a_failing_assertion_panics_in_grad() {
    checked_grad(&[0.5, -2.0]);
}

#[test]
#[should_panic(expected = "x[1] = -2 must be positive")]
fn a_failing_assertion_panics_in_jvp() {
    checked_jvp(&[0.5, -2.0], &[1.0, 1.0]);
}

#[test]
#[should_panic(expected = "x[1] = -2 must be positive")]
fn a_failing_assertion_panics_in_vjp() {
    checked_vjp(&[0.5, -2.0], 1.0);
}

#[test]
#[should_panic(expected = "x[0] = -1 must be positive")]
fn a_failing_assertion_panics_in_hessian() {
    checked_hessian(&[-1.0, 2.0]);
}

/// Without a message, the panic names the condition as written.
#[differentiate]
fn positive(x: f64) -> f64 {
    assert!(x > 0.0);
    x.sqrt()
}

#[test]
#[should_panic(expected = "assertion failed: x > 0.0")]
fn a_failing_assertion_without_a_message_names_its_condition() {
    assert_eq!(positive_grad(4.0), (positive(4.0), 0.25));
    positive_grad(-1.0);
}

#[test]
#[should_panic(expected = "assertion `left == right` failed")]
fn a_failing_assert_eq_panics_in_vjp() {
    assert_eq!(lengths_vjp(&[1.0], &[3.0], 1.0), (lengths(&[1.0], &[3.0]), (vec![3.0], vec![1.0])));
    lengths_vjp(&[1.0, 2.0], &[1.0], 1.0);
}

#[differentiate]
fn lengths(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len());
    a[0] * b[0]
}

/// Printing and `format!`, positional, named and captured, in a loop and a branch on an
/// active value. `f = Σ x_i^2` plus `x_0` where it is positive.
#[differentiate(order = 2)]
fn printed(x: &[f64], w: usize) -> f64 {
    let mut s = 0.0;
    for (i, &v) in x.iter().enumerate() {
        let v = v * v;
        println!("{} {:.3}", i, v);
        print!("{v:>w$.2} ");
        s += v;
    }
    eprintln!();
    let label = format!("s = {s:e}, first = {first}", first = x[0]);
    if x[0] > s / 10.0 {
        eprint!("{label} ");
        let shown = format!("{:?}", x);
        eprintln!("{}", shown);
        s += x[0];
    }
    s
}

#[test]
fn printing_reads_values_and_changes_no_derivative() {
    for x in [[0.5, -1.5, 2.0], [-0.5, 1.0, 0.25]] {
        let (s, g) = printed_grad(&x, 8);
        assert_eq!(s, printed(&x, 8));
        let bonus = if x[0] > s / 10.0 { 1.0 } else { 0.0 };
        let want: Vec<f64> =
            (0..3).map(|i| 2.0 * x[i] + if i == 0 { bonus } else { 0.0 }).collect();
        assert_all_close(&g, &want, EXACT, "printed grad");
        let (_, dv) = printed_vjp(&x, 8, 2.0);
        assert_all_close(&dv, &want.iter().map(|w| 2.0 * w).collect::<Vec<_>>(), EXACT, "vjp");
        let (_, d) = printed_jvp(&x, 8, &[1.0, 0.0, -1.0]);
        assert_close(d, want[0] - want[2], EXACT, "printed jvp");
        let (_, _, h) = printed_hessian(&x, 8);
        for i in 0..3 {
            for j in 0..3 {
                assert_close(h[i][j], if i == j { 2.0 } else { 0.0 }, EXACT, "printed hessian");
            }
        }
        assert_fd(|v| printed(v, 8), &x, &g, FD, "printed");
    }
}

/// `vec![a, b, c]` of computed values, active ones included. `f = x y sin x + 2 y`.
#[differentiate(order = 2)]
fn listed(x: f64, y: f64) -> f64 {
    let v = vec![x * y, x.sin(), 2.0];
    v[0] * v[1] + v[2] * y
}

fn listed_dual(v: &[Dual64]) -> Dual64 {
    v[0] * v[1] * v[0].sin() + v[1] * 2.0
}

#[test]
fn vec_of_computed_elements() {
    let case = Case {
        name: "listed",
        primal: &|v| listed(v[0], v[1]),
        grad: &|v| {
            let (y, (a, b)) = listed_grad(v[0], v[1]);
            (y, vec![a, b])
        },
        vjp: &|v, d| {
            let (y, (a, b)) = listed_vjp(v[0], v[1], d);
            (y, vec![a, b])
        },
        jvp: &|v, t| listed_jvp(v[0], v[1], t[0], t[1]),
        dual: &listed_dual,
    };
    for (x, y) in [(0.5, 1.5), (-2.0, 0.25)] {
        let g = case.verify(&[x, y], FD);
        assert_close(g[0], y * x.sin() + x * y * x.cos(), EXACT, "d/dx");
        assert_close(g[1], x * x.sin() + 2.0, EXACT, "d/dy");
        let (_, _, h) = listed_hessian(x, y);
        let hxx = 2.0 * y * x.cos() - x * y * x.sin();
        let hxy = x.sin() + x * x.cos();
        assert_all_close(&h[0], &[hxx, hxy], EXACT, "listed hessian");
        assert_all_close(&h[1], &[hxy, 0.0], EXACT, "listed hessian");
    }
}

/// `Vec::from([..])`, then `Vec::with_capacity` grown by `push`, `extend` of a literal
/// and `extend_from_slice` and `extend` of a slice. `f = Σ_k v_k^2` over
/// `v = [x0 x1, x2, e^x0, x0, x1, x2, x0, x1, x2]`.
#[differentiate]
fn grown(x: &[f64]) -> f64 {
    let a = Vec::from([x[0] * x[1], x[2]]);
    let mut v = Vec::with_capacity(3 * x.len());
    v.push(a[0]);
    v.extend([a[1], x[0].exp()]);
    v.extend_from_slice(x);
    v.extend(x.iter());
    let mut s = 0.0;
    for k in 0..v.len() {
        s += v[k] * v[k];
    }
    s
}

fn grown_dual(x: &[Dual64]) -> Dual64 {
    let mut v = vec![x[0] * x[1], x[2], x[0].exp()];
    v.extend_from_slice(x);
    v.extend_from_slice(x);
    v.iter().map(|e| *e * *e).fold(Dual64::from(0.0), |a, b| a + b)
}

#[test]
fn vec_from_with_capacity_push_and_extend() {
    for x in [[0.5, -1.5, 2.0], [1.25, 0.75, -0.5]] {
        let (s, g) = grown_grad(&x);
        assert_eq!(s, grown(&x));
        let (x0, x1, x2) = (x[0], x[1], x[2]);
        let want = [
            2.0 * x0 * x1 * x1 + 2.0 * (2.0 * x0).exp() + 4.0 * x0,
            2.0 * x0 * x0 * x1 + 4.0 * x1,
            6.0 * x2,
        ];
        assert_all_close(&g, &want, EXACT, "grown grad");
        let (dy, dg) = dual_gradient(grown_dual, &x);
        assert_close(dy, s, EXACT, "grown dual value");
        assert_all_close(&g, &dg, EXACT, "grown vs num-dual");
        let (_, dv) = grown_vjp(&x, -0.5);
        assert_all_close(&dv, &want.map(|w| -0.5 * w), EXACT, "grown vjp");
        let (_, d) = grown_jvp(&x, &[1.0, 2.0, -1.0]);
        assert_close(d, want[0] + 2.0 * want[1] - want[2], EXACT, "grown jvp");
        assert_fd(grown, &x, &g, FD, "grown");
    }
}

/// Fills with computed values: `[2x; 3]` and `vec![sin x; n]`, and a fill with a row
/// `[r; 2]`. `f = a0 a2 + Σ v + m[1][0] m[0][1] = 4x^2 + n sin x + x y`.
#[differentiate(order = 2)]
fn filled(x: f64, y: f64, n: usize) -> f64 {
    let a = [x * 2.0; 3];
    let v = vec![x.sin(); n];
    let r = [x, y];
    let m = [r; 2];
    let mut s = a[0] * a[2] + m[1][0] * m[0][1];
    for k in 0..n {
        s += v[k];
    }
    s
}

fn filled_dual(v: &[Dual64]) -> Dual64 {
    v[0] * v[0] * 4.0 + v[0].sin() * 3.0 + v[0] * v[1]
}

#[test]
fn fills_of_computed_values_sum_their_adjoints() {
    let case = Case {
        name: "filled",
        primal: &|v| filled(v[0], v[1], 3),
        grad: &|v| {
            let (y, (a, b)) = filled_grad(v[0], v[1], 3);
            (y, vec![a, b])
        },
        vjp: &|v, d| {
            let (y, (a, b)) = filled_vjp(v[0], v[1], 3, d);
            (y, vec![a, b])
        },
        jvp: &|v, t| filled_jvp(v[0], v[1], 3, t[0], t[1]),
        dual: &filled_dual,
    };
    for (x, y) in [(0.5, 1.5), (-2.0, 0.25)] {
        let g = case.verify(&[x, y], FD);
        assert_close(g[0], 8.0 * x + 3.0 * x.cos() + y, EXACT, "d/dx");
        assert_close(g[1], x, EXACT, "d/dy");
        let (_, _, h) = filled_hessian(x, y, 3);
        assert_all_close(&h[0], &[8.0 - 3.0 * x.sin(), 1.0], EXACT, "filled hessian");
        assert_all_close(&h[1], &[1.0, 0.0], EXACT, "filled hessian");
    }
}

/// The real-code idiom: an output filled with a zero computed from constants.
#[differentiate]
fn squares<T: Float + FromPrimitive, const N: usize>(x: &[T; N]) -> [T; N] {
    let n0 = T::from_f64(0.0).unwrap();
    let mut out = [n0; N];
    for i in 0..N {
        out[i] = x[i] * x[i];
    }
    out
}

#[test]
fn an_array_filled_with_a_constant_local() {
    let x = [0.5, -1.5, 2.0];
    let (y, j) = squares_jacobian(&x);
    assert_eq!(y, squares(&x));
    for i in 0..3 {
        for k in 0..3 {
            assert_close(j[i][k], if i == k { 2.0 * x[i] } else { 0.0 }, EXACT, "squares");
        }
    }
    let (_, t) = squares_jvp(&x, [1.0, 1.0, 1.0]);
    assert_all_close(&t, &[1.0, -3.0, 4.0], EXACT, "squares jvp");
    let (_, d) = squares_vjp(&x, [1.0, 0.0, 2.0]);
    assert_all_close(&d, &[1.0, 0.0, 8.0], EXACT, "squares vjp");
}

/// A `Vec` of rows of zeros, `vec![[0.0; 3]; n]`, written element by element.
/// `f = Σ_ij (x_i (j + 1))^2`.
#[differentiate]
fn table(x: &[f64]) -> f64 {
    let n = x.len();
    let mut g = vec![[0.0; 3]; n];
    for i in 0..n {
        for j in 0..3 {
            g[i][j] = x[i] * (j as f64 + 1.0);
        }
    }
    let mut s = 0.0;
    for i in 0..n {
        for j in 0..3 {
            s += g[i][j] * g[i][j];
        }
    }
    s
}

#[test]
fn vec_of_rows_of_zeros() {
    let x = [0.5, -1.5];
    let (s, g) = table_grad(&x);
    assert_eq!(s, table(&x));
    // Σ_j (j + 1)^2 = 14.
    assert_all_close(&g, &[28.0 * x[0], 28.0 * x[1]], EXACT, "table grad");
    let (_, dv) = table_vjp(&x, 0.5);
    assert_all_close(&dv, &[14.0 * x[0], 14.0 * x[1]], EXACT, "table vjp");
    let (_, d) = table_jvp(&x, &[1.0, 1.0]);
    assert_close(d, 28.0 * (x[0] + x[1]), EXACT, "table jvp");
    assert_fd(table, &x, &g, FD, "table");
}
