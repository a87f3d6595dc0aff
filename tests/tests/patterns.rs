//! Patterns as real code writes them: array patterns on array parameters and locals (by
//! value, by reference, dereferenced, nested, with `_` and `..`), in generic functions
//! (argmin's `let [x1, x2] = *param;`), on parameters and in closures of iterator
//! chains; tuple patterns on tuple values. A destructured element is exactly the indexed
//! element, so each function is checked in every first-order sibling (and second order
//! for some) against a hand-derived formula, num-dual and central differences; the
//! generic ones at f32 too.
#![allow(clippy::let_and_return)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, assert_fd, dual_gradient, Case, EXACT, FD};
use num_dual::{Dual64, DualNum};
use num_traits::{Float, FromPrimitive};

/// Tangent directions for the jvp checks beyond `Case::verify`.
const T3: [f64; 3] = [0.5, -1.25, 2.0];

// ---- argmin's test functions: `let [x1, x2] = *param;` of a generic `&[T; 2]` --------

/// argmin's Booth function, exactly as written there.
#[differentiate(order = 2)]
pub fn booth<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let n2 = T::from_f64(2.0).unwrap();
    let n5 = T::from_f64(5.0).unwrap();
    let n7 = T::from_f64(7.0).unwrap();

    let [x1, x2] = *param;
    (x1 + n2 * x2 - n7).powi(2) + (n2 * x1 + x2 - n5).powi(2)
}

fn booth_dual(p: &[Dual64]) -> Dual64 {
    let [x1, x2] = [p[0], p[1]];
    (x1 + x2 * 2.0 - 7.0).powi(2) + (x1 * 2.0 + x2 - 5.0).powi(2)
}

/// argmin's own `booth_derivative`.
fn booth_formula(x1: f64, x2: f64) -> [f64; 2] {
    [10.0 * x1 + 8.0 * x2 - 34.0, 8.0 * x1 + 10.0 * x2 - 38.0]
}

fn booth_case() -> Case<'static> {
    Case {
        name: "booth",
        primal: &|p| booth(&[p[0], p[1]]),
        grad: &|p| {
            let (y, g) = booth_grad(&[p[0], p[1]]);
            (y, g.to_vec())
        },
        vjp: &|p, d| {
            let (y, g) = booth_vjp(&[p[0], p[1]], d);
            (y, g.to_vec())
        },
        jvp: &|p, t| booth_jvp(&[p[0], p[1]], [t[0], t[1]]),
        dual: &booth_dual,
    }
}

#[test]
fn deref_array_pattern_of_a_generic_reference_at_f64() {
    let case = booth_case();
    for p in [[1.0, 2.0], [-0.5, 3.25], [4.0, -1.5]] {
        let g = case.verify(&p, FD);
        assert_all_close(&g, &booth_formula(p[0], p[1]), EXACT, "booth gradient");
        // The Hessian is constant: argmin's `booth_hessian`.
        let (y, g2, h) = booth_hessian(&p);
        assert_eq!((y, g2.to_vec()), (booth(&p), g.clone()));
        assert_eq!(h, [[10.0, 8.0], [8.0, 10.0]]);
        let (_, _, hv) = booth_hvp(&p, [1.0, -2.0]);
        assert_eq!(hv, [10.0 - 16.0, 8.0 - 20.0]);
    }
}

#[test]
fn deref_array_pattern_of_a_generic_reference_at_f32() {
    for p in [[1.0_f32, 2.0], [-0.5, 3.25]] {
        let (y, g) = booth_grad(&p);
        assert_eq!(y, booth(&p));
        let want = booth_formula(f64::from(p[0]), f64::from(p[1]));
        assert_all_close(&g.map(f64::from), &want, 1e-5, "booth f32 gradient");
        assert_eq!(booth_vjp(&p, 1.0), (y, g));
        let (_, d) = booth_jvp(&p, [1.0, 0.0]);
        assert_close(f64::from(d), want[0], 1e-5, "booth f32 jvp");
        let (_, _, h) = booth_hessian(&p);
        assert_eq!(h, [[10.0, 8.0], [8.0, 10.0]]);
    }
}

/// argmin's Himmelblau function, with the second name unused in one pattern (`_`).
/// `f = (x1² + x2 - 11)² + (x1 + x2² - 7)²`.
#[differentiate(order = 2)]
pub fn himmelblau<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let n7 = T::from_f64(7.0).unwrap();
    let n11 = T::from_f64(11.0).unwrap();
    let [x1, _] = *param;
    let [_, x2] = *param;
    (x1.powi(2) + x2 - n11).powi(2) + (x1 + x2.powi(2) - n7).powi(2)
}

fn himmelblau_formula(x1: f64, x2: f64) -> [f64; 2] {
    let a = x1 * x1 + x2 - 11.0;
    let b = x1 + x2 * x2 - 7.0;
    [4.0 * x1 * a + 2.0 * b, 2.0 * a + 4.0 * x2 * b]
}

fn himmelblau_hessian_formula(x1: f64, x2: f64) -> [[f64; 2]; 2] {
    let a = x1 * x1 + x2 - 11.0;
    let b = x1 + x2 * x2 - 7.0;
    let off = 4.0 * x1 + 4.0 * x2;
    [[4.0 * a + 8.0 * x1 * x1 + 2.0, off], [off, 2.0 + 4.0 * b + 8.0 * x2 * x2]]
}

#[test]
fn wildcard_elements_at_f64_and_f32() {
    let case = Case {
        name: "himmelblau",
        primal: &|p| himmelblau(&[p[0], p[1]]),
        grad: &|p| {
            let (y, g) = himmelblau_grad(&[p[0], p[1]]);
            (y, g.to_vec())
        },
        vjp: &|p, d| {
            let (y, g) = himmelblau_vjp(&[p[0], p[1]], d);
            (y, g.to_vec())
        },
        jvp: &|p, t| himmelblau_jvp(&[p[0], p[1]], [t[0], t[1]]),
        dual: &|p| {
            let (x1, x2) = (p[0], p[1]);
            (x1.powi(2) + x2 - 11.0).powi(2) + (x1 + x2.powi(2) - 7.0).powi(2)
        },
    };
    for p in [[1.0, 2.0], [-0.5, 3.25], [3.0, -1.5]] {
        let g = case.verify(&p, FD);
        assert_all_close(&g, &himmelblau_formula(p[0], p[1]), EXACT, "himmelblau gradient");
        let (_, _, h) = himmelblau_hessian(&p);
        let want = himmelblau_hessian_formula(p[0], p[1]);
        assert_all_close(h.as_flattened(), want.as_flattened(), EXACT, "himmelblau Hessian");
        let (_, g32) = himmelblau_grad(&[p[0] as f32, p[1] as f32]);
        // f32 through squares of sums near 10: 1e-4 relative.
        let want = himmelblau_formula(p[0], p[1]);
        assert_all_close(&g32.map(f64::from), &want, 1e-4, "himmelblau f32");
    }
}

/// argmin's `booth_derivative`: an array output, so `_jacobian`, generic.
#[differentiate]
pub fn booth_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let n8 = T::from_f64(8.0).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let n34 = T::from_f64(34.0).unwrap();
    let n38 = T::from_f64(38.0).unwrap();

    let [x1, x2] = *param;

    [n10 * x1 + n8 * x2 - n34, n8 * x1 + n10 * x2 - n38]
}

#[test]
fn array_pattern_in_a_function_with_an_array_output() {
    let p = [1.5, -2.0];
    let (y, j) = booth_derivative_jacobian(&p);
    assert_eq!(y, booth_formula(1.5, -2.0));
    assert_eq!(j, [[10.0, 8.0], [8.0, 10.0]]);
    let (_, d) = booth_derivative_jvp(&p, [1.0, -1.0]);
    assert_eq!(d, [2.0, -2.0]);
    let (_, g) = booth_derivative_vjp(&p, [1.0, 2.0]);
    assert_eq!(g, [26.0, 28.0]);
    let (y32, j32) = booth_derivative_jacobian(&[1.5_f32, -2.0]);
    assert_eq!((y32, j32), ([-35.0, -46.0], [[10.0, 8.0], [8.0, 10.0]]));
}

// ---- array patterns on array parameters and locals ------------------------------------

/// By value, with `..` at either end: `f = first · last + second + mid²` of `[a, b, c, d]`,
/// with `mid` the third element (`[.., mid, _]`).
#[differentiate]
fn ends(arr: [f64; 4]) -> f64 {
    let [first, .., last] = arr;
    let [_, second, ..] = arr;
    let [.., mid, _] = arr;
    first * last + second + mid * mid
}

fn ends_formula(x: &[f64]) -> Vec<f64> {
    vec![x[3], 1.0, 2.0 * x[2], x[0]]
}

#[test]
fn rest_patterns_bind_the_elements_at_both_ends() {
    let case = Case {
        name: "ends",
        primal: &|p| ends([p[0], p[1], p[2], p[3]]),
        grad: &|p| {
            let (y, g) = ends_grad([p[0], p[1], p[2], p[3]]);
            (y, g.to_vec())
        },
        vjp: &|p, d| {
            let (y, g) = ends_vjp([p[0], p[1], p[2], p[3]], d);
            (y, g.to_vec())
        },
        jvp: &|p, t| ends_jvp([p[0], p[1], p[2], p[3]], [t[0], t[1], t[2], t[3]]),
        dual: &|p| p[0] * p[3] + p[1] + p[2] * p[2],
    };
    for p in [[1.0, 2.0, 3.0, 4.0], [-0.5, 0.25, -2.0, 1.5]] {
        let g = case.verify(&p, FD);
        assert_all_close(&g, &ends_formula(&p), EXACT, "ends gradient");
    }
}

/// By reference (`&arr` gives references), `let &[..] = param;` on a `&[f64; 3]`, and
/// a type annotation: `f = a·b·c + w0·a`.
#[differentiate(order = 2)]
fn by_reference(arr: [f64; 3], param: &[f64; 3]) -> f64 {
    let [a, b, c] = &arr;
    let &[w0, _, _] = param;
    let [x, ..]: [f64; 3] = arr;
    a * b * *c + w0 * x
}

#[test]
fn array_patterns_by_reference() {
    let case = Case {
        name: "by_reference",
        primal: &|p| by_reference([p[0], p[1], p[2]], &[p[3], p[4], p[5]]),
        grad: &|p| {
            let (y, (ga, gp)) = by_reference_grad([p[0], p[1], p[2]], &[p[3], p[4], p[5]]);
            (y, [ga, gp].concat())
        },
        vjp: &|p, d| {
            let (y, (ga, gp)) = by_reference_vjp([p[0], p[1], p[2]], &[p[3], p[4], p[5]], d);
            (y, [ga, gp].concat())
        },
        jvp: &|p, t| {
            by_reference_jvp(
                [p[0], p[1], p[2]],
                &[p[3], p[4], p[5]],
                [t[0], t[1], t[2]],
                [t[3], t[4], t[5]],
            )
        },
        dual: &|p| p[0] * p[1] * p[2] + p[3] * p[0],
    };
    for p in [[1.0, 2.0, 3.0, 0.5, 7.0, -7.0], [-1.5, 0.5, 2.0, -2.0, 1.0, 1.0]] {
        let g = case.verify(&p, FD);
        let want = [p[1] * p[2] + p[3], p[0] * p[2], p[0] * p[1], p[0], 0.0, 0.0];
        assert_all_close(&g, &want, EXACT, "by_reference gradient");
        // ∂²f/∂a∂w0 = 1, ∂²f/∂a∂b = c.
        let (_, _, hv) = by_reference_hvp(
            p[..3].try_into().unwrap(),
            &[p[3], p[4], p[5]],
            [0.0, 1.0, 0.0],
            [1.0, 0.0, 0.0],
        );
        assert_all_close(&[hv.0[0], hv.0[2]], &[p[2] + 1.0, p[0]], EXACT, "by_reference hvp");
    }
}

/// Nested: the determinant of a 2x2 matrix, `let [[a, b], [c, d]] = m;`.
#[differentiate(order = 2)]
fn det(m: [[f64; 2]; 2]) -> f64 {
    let [[a, b], [c, d]] = m;
    a * d - b * c
}

/// Nested through a row and a reference: `let [row0, _] = m;`, then `let [x, y] = row0;`.
#[differentiate]
fn rows(m: &[[f64; 2]; 2]) -> f64 {
    let [row0, row1] = m;
    let [x, y] = row0;
    let [_, z] = *row1;
    x * x * y + z.sin()
}

#[test]
fn nested_array_patterns() {
    let m = [[1.5, -2.0], [0.5, 3.0]];
    let (y, g) = det_grad(m);
    assert_eq!(y, det(m));
    assert_eq!(y, 1.5 * 3.0 - -2.0 * 0.5);
    assert_eq!(g, [[3.0, -0.5], [2.0, 1.5]]);
    assert_eq!(det_vjp(m, 2.0), (y, [[6.0, -1.0], [4.0, 3.0]]));
    let (_, d) = det_jvp(m, [[1.0, 0.0], [0.0, 1.0]]);
    assert_eq!(d, 3.0 + 1.5);
    // ∂²det/∂a∂d = 1, ∂²det/∂b∂c = -1, zero elsewhere.
    let (_, _, h) = det_hessian(m);
    let mut want = [[0.0; 4]; 4];
    (want[0][3], want[3][0], want[1][2], want[2][1]) = (1.0, 1.0, -1.0, -1.0);
    assert_eq!(h, want);

    let flat = |p: &[f64]| [[p[0], p[1]], [p[2], p[3]]];
    let case = Case {
        name: "rows",
        primal: &|p| rows(&flat(p)),
        grad: &|p| {
            let (y, g) = rows_grad(&flat(p));
            (y, g.as_flattened().to_vec())
        },
        vjp: &|p, d| {
            let (y, g) = rows_vjp(&flat(p), d);
            (y, g.as_flattened().to_vec())
        },
        jvp: &|p, t| rows_jvp(&flat(p), flat(t)),
        dual: &|p| p[0] * p[0] * p[1] + p[3].sin(),
    };
    for p in [[1.5, -2.0, 0.5, 3.0], [-0.25, 1.0, 4.0, -1.0]] {
        let g = case.verify(&p, FD);
        let want = [2.0 * p[0] * p[1], p[0] * p[0], 0.0, p[3].cos()];
        assert_all_close(&g, &want, EXACT, "rows gradient");
    }
}

/// A local array the function writes: the pattern reads the elements where it stands,
/// before the store (`e` is 5, `a` is `x`). `f = x · 2y · xy + 5x`.
#[differentiate]
fn local_array(x: f64, y: f64) -> f64 {
    let mut arr = [x, y * 2.0, x * y];
    let [a, b, c] = arr;
    arr[0] = 5.0;
    let [e, ..] = arr;
    a * b * c + e * x
}

/// A local array of computed values, a constant array and an array returned by a
/// differentiated callee. `f = (x + 1) · x² · 2 + 3x + x²`.
#[differentiate]
fn two(x: f64) -> [f64; 2] {
    [x * x, 3.0 * x]
}

#[differentiate]
fn local_and_returned(x: f64) -> f64 {
    let [p, q] = [x + 1.0, x * x];
    let [_, k] = [1.0, 2.0];
    let [s, t] = two(x);
    p * q * k + t + s
}

#[test]
fn array_patterns_on_locals() {
    for (x, y) in [(2.0, 3.0), (-0.5, 1.25)] {
        let f = |x: f64, y: f64| 2.0 * x * x * y * y + 5.0 * x;
        let want = [4.0 * x * y * y + 5.0, 4.0 * x * x * y];
        let (v, (dx, dy)) = local_array_grad(x, y);
        assert_eq!(v, local_array(x, y));
        assert_close(v, f(x, y), EXACT, "local_array value");
        assert_all_close(&[dx, dy], &want, EXACT, "local_array gradient");
        assert_eq!(local_array_vjp(x, y, 1.0), (v, (dx, dy)));
        let (_, d) = local_array_jvp(x, y, T3[0], T3[1]);
        assert_close(d, want[0] * T3[0] + want[1] * T3[1], EXACT, "local_array jvp");
        let (_, dg) = dual_gradient(|p| (p[0] * p[1] * 2.0 * p[0] * p[1]) + p[0] * 5.0, &[x, y]);
        assert_all_close(&[dx, dy], &dg, EXACT, "local_array vs num-dual");
        assert_fd(|p| local_array(p[0], p[1]), &[x, y], &[dx, dy], FD, "local_array");

        let want = 2.0 * (x * x + 2.0 * x * (x + 1.0)) + 3.0 + 2.0 * x;
        let (v, g) = local_and_returned_grad(x);
        assert_eq!(v, local_and_returned(x));
        assert_close(g, want, EXACT, "local_and_returned gradient");
        assert_eq!(local_and_returned_vjp(x, -2.0), (v, -2.0 * g));
        assert_eq!(local_and_returned_jvp(x, 0.5).1, 0.5 * g);
        let (_, dg) =
            dual_gradient(|p| (p[0] + 1.0) * p[0] * p[0] * 2.0 + p[0] * 3.0 + p[0] * p[0], &[x]);
        assert_close(g, dg[0], EXACT, "local_and_returned vs num-dual");
        assert_fd(|p| local_and_returned(p[0]), &[x], &[g], FD, "local_and_returned");
    }
}

// ---- patterns on parameters -------------------------------------------------------

/// `[a, b]: [f64; 2]` and `&[c, _]: &[f64; 2]`, a generic one too. `f = a·b·c + b`.
#[differentiate(order = 2)]
fn pattern_params([a, b]: [f64; 2], &[c, _]: &[f64; 2]) -> f64 {
    a * b * c + b
}

#[differentiate]
fn generic_pattern_param<T: Float>([x, y]: [T; 2]) -> T {
    x * y.exp()
}

#[test]
fn array_patterns_on_parameters() {
    let (u, w) = ([1.5, -2.0], [3.0, 9.0]);
    let (y, (gu, gw)) = pattern_params_grad(u, &w);
    assert_eq!(y, pattern_params(u, &w));
    assert_eq!((gu, gw), ([-6.0, 1.5 * 3.0 + 1.0], [-3.0, 0.0]));
    assert_eq!(pattern_params_vjp(u, &w, 2.0), (y, ([-12.0, 11.0], [-6.0, 0.0])));
    assert_eq!(pattern_params_jvp(u, &w, [1.0, 0.0], [0.0, 1.0]).1, -6.0);
    let (_, _, h) = pattern_params_hessian(u, &w);
    // ∂²f/∂a∂b = c, ∂²f/∂a∂c = b, ∂²f/∂b∂c = a.
    let want = [
        vec![0.0, 3.0, -2.0, 0.0],
        vec![3.0, 0.0, 1.5, 0.0],
        vec![-2.0, 1.5, 0.0, 0.0],
        vec![0.0; 4],
    ];
    assert_eq!(h, want);
    assert_fd(
        |p| pattern_params([p[0], p[1]], &[p[2], p[3]]),
        &[1.5, -2.0, 3.0, 9.0],
        &[gu, gw].concat(),
        FD,
        "pattern_params",
    );

    let (y, g) = generic_pattern_param_grad([0.5, 1.5]);
    assert_eq!(y, generic_pattern_param([0.5, 1.5]));
    assert_all_close(&g, &[1.5_f64.exp(), 0.5 * 1.5_f64.exp()], EXACT, "generic param");
    let (_, g32) = generic_pattern_param_grad([0.5_f32, 1.5]);
    assert_all_close(&g32.map(f64::from), &g, 1e-6, "generic param f32");
}

// ---- closure parameters in iterator chains ----------------------------------------

/// `|(&a, &b)|` over a zip, `|&v|`, `|(i, v)|` over an enumeration, `|[p, q]|` over a
/// slice of pairs, and a `fold` with `|acc, &v|`.
#[differentiate]
fn chains(x: &[f64], y: &[f64], pairs: &[[f64; 2]]) -> f64 {
    let dot = x.iter().zip(y).map(|(&a, &b)| a * b).sum::<f64>();
    let squares = x.iter().map(|&v| v * v).sum::<f64>();
    let weighted = y.iter().enumerate().map(|(i, v)| (i as f64 + 1.0) * v).sum::<f64>();
    let products = pairs.iter().map(|[p, q]| p * q).sum::<f64>();
    let cubes = x.iter().fold(0.0, |acc, &v| acc + v * v * v);
    dot + squares + weighted + products + cubes
}

fn chains_formula(x: &[f64], y: &[f64], pairs: &[[f64; 2]]) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let gx = x.iter().zip(y).map(|(a, b)| b + 2.0 * a + 3.0 * a * a).collect();
    let gy = y.iter().enumerate().map(|(i, _)| x[i] + i as f64 + 1.0).collect();
    let gp = pairs.iter().flat_map(|[p, q]| [*q, *p]).collect();
    (gx, gy, gp)
}

#[test]
fn closure_parameter_patterns() {
    let (x, y, pairs) = ([1.0, -0.5, 2.0], [0.25, 3.0, -1.0], [[1.5, 2.0], [-1.0, 0.5]]);
    let (v, (gx, gy, gp)) = chains_grad(&x, &y, &pairs);
    assert_eq!(v, chains(&x, &y, &pairs));
    let (wx, wy, wp) = chains_formula(&x, &y, &pairs);
    assert_all_close(&gx, &wx, EXACT, "chains x");
    assert_all_close(&gy, &wy, EXACT, "chains y");
    assert_all_close(gp.as_flattened(), &wp, EXACT, "chains pairs");
    let (_, (vx, vy, vp)) = chains_vjp(&x, &y, &pairs, 0.5);
    assert_eq!(
        (vx, vy, vp),
        (
            gx.iter().map(|g| 0.5 * g).collect(),
            gy.iter().map(|g| 0.5 * g).collect(),
            gp.iter().map(|r| r.map(|g| 0.5 * g)).collect()
        )
    );
    let (tx, ty, tp) = ([1.0, 0.0, -1.0], [0.5, 0.5, 0.5], [[0.0, 1.0], [2.0, 0.0]]);
    let (_, d) = chains_jvp(&x, &y, &pairs, &tx, &ty, &tp);
    let want = common::dot(&gx, &tx)
        + common::dot(&gy, &ty)
        + common::dot(gp.as_flattened(), tp.as_flattened());
    assert_close(d, want, EXACT, "chains jvp");
    let flat: Vec<f64> = [&x[..], &y[..], pairs.as_flattened()].concat();
    let split = |p: &[f64]| (p[..3].to_vec(), p[3..6].to_vec(), vec![[p[6], p[7]], [p[8], p[9]]]);
    let dual = |p: &[Dual64]| {
        let mut s = Dual64::from(0.0);
        for i in 0..3 {
            s += p[i] * p[3 + i] + p[i] * p[i] + p[3 + i] * (i as f64 + 1.0) + p[i].powi(3);
        }
        s + p[6] * p[7] + p[8] * p[9]
    };
    let (dv, dg) = dual_gradient(dual, &flat);
    assert_close(dv, v, EXACT, "chains num-dual value");
    let ours: Vec<f64> = [&gx[..], &gy[..], gp.as_flattened()].concat();
    assert_all_close(&ours, &dg, EXACT, "chains vs num-dual");
    assert_fd(
        |p| {
            let (a, b, c) = split(p);
            chains(&a, &b, &c)
        },
        &flat,
        &ours,
        FD,
        "chains",
    );
}

// ---- tuple patterns on tuple values -------------------------------------------------

fn bounds(n: usize) -> (f64, f64) {
    (n as f64, 2.0 * n as f64)
}

/// The tuple of a call with constant arguments, taken apart (with a `_`): constants.
/// `f = lo·x² + hi·x + a` with `(lo, hi) = (n, 2n)`, `a = n + 1`.
#[differentiate]
fn constant_tuple(x: f64, n: usize) -> f64 {
    let (lo, hi) = bounds(n);
    let (a, _) = bounds(n + 1);
    lo * x * x + hi * x + a
}

#[test]
fn tuple_pattern_on_a_constant_call() {
    for (x, n) in [(2.0, 3), (-1.5, 1)] {
        let nf = n as f64;
        let (v, g) = constant_tuple_grad(x, n);
        assert_eq!(v, constant_tuple(x, n));
        assert_eq!(v, nf * x * x + 2.0 * nf * x + nf + 1.0);
        assert_eq!(g, 2.0 * nf * x + 2.0 * nf);
        assert_eq!(constant_tuple_vjp(x, n, 3.0), (v, 3.0 * g));
        assert_eq!(constant_tuple_jvp(x, n, -1.0), (v, -g));
        assert_fd(|p| constant_tuple(p[0], n), &[x], &[g], FD, "constant_tuple");
    }
}
