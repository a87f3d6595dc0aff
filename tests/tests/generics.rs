//! Functions generic over `T: num_traits::Float` (scalar parameters), instantiated at f64
//! and f32: straight-line code, values read several times, branches and loops (generated
//! code accumulates with `a = a + b`, since `Float` has no `+=`); local arrays, array and
//! `Vec` outputs and out-parameters of a generic float (their siblings ask `T:
//! FloatLeaf`, which `f32` and `f64` have).
// Index loops over matrix entries read as the formulas they check.
#![allow(clippy::needless_range_loop)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, scalar_case, EXACT, FD};
use num_dual::DualNum;
use num_traits::Float;

/// Method and path forms (`Float::exp`, `T::ln`), a converted constant and `T::one()`.
#[differentiate]
fn generic<T: Float>(x: T, y: T, z: T) -> T {
    let two = T::from(2.0).unwrap();
    let s = x.sin();
    let e = Float::exp(y);
    let l = T::ln(z);
    s * e / two + l - T::one()
}

fn generic_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D, z: D) -> D {
    x.sin() * y.exp() / 2.0 + z.ln() - 1.0
}

fn generic_formula(x: f64, y: f64, z: f64) -> [f64; 3] {
    [x.cos() * y.exp() / 2.0, x.sin() * y.exp() / 2.0, 1.0 / z]
}

#[test]
fn generic_at_f64() {
    let case = scalar_case!(generic, generic_grad, generic_jvp, generic_vjp, generic_dual;
        (x, x_t), (y, y_t), (z, z_t));
    for p in [[0.5, 1.0, 2.0], [-1.0, -0.5, 0.25]] {
        let g = case.verify(&p, FD);
        assert_all_close(&g, &generic_formula(p[0], p[1], p[2]), EXACT, "generic f64");
    }
}

/// The f32 gradient against the exact f64 one at the same point; 1e-5 is the f32
/// tolerance justified in signatures.rs.
#[test]
fn generic_at_f32() {
    let (x, y, z) = (0.5_f32, 1.0_f32, 2.0_f32);
    let (v, (dx, dy, dz)): (f32, (f32, f32, f32)) = generic_grad(x, y, z);
    assert_eq!(v, generic(x, y, z));
    assert_eq!(generic_vjp(x, y, z, 1.0), (v, (dx, dy, dz)));
    let want = generic_formula(f64::from(x), f64::from(y), f64::from(z));
    assert_all_close(&[dx, dy, dz].map(f64::from), &want, 1e-5, "generic f32");
    let (_, jd): (f32, f32) = generic_jvp(x, y, z, 1.0, 1.0, 1.0);
    assert_all_close(&[f64::from(jd)], &[want.iter().sum()], 1e-5, "generic f32 jvp");
}

/// A where clause, a `let mut` reassigned, and subtraction and division.
#[differentiate]
fn generic_where<T>(x: T, y: T) -> T
where
    T: Float,
{
    let mut s = x.tanh();
    s = s / y;
    s - T::from(0.5).unwrap()
}

fn generic_where_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    x.tanh() / y - 0.5
}

#[test]
fn generic_in_a_where_clause() {
    let case = scalar_case!(generic_where, generic_where_grad, generic_where_jvp,
        generic_where_vjp, generic_where_dual; (x, x_t), (y, y_t));
    for [x, y] in [[0.5, 2.0], [-1.0, -0.5]] {
        let g = case.verify(&[x, y], FD);
        let c = x.cosh();
        assert_all_close(&g, &[1.0 / (c * c * y), -x.tanh() / (y * y)], EXACT, "where");
    }
}

/// Reads its parameter several times, branches on it and loops.
#[differentiate]
fn generic_loop<T: Float>(x: T, n: usize) -> T {
    let mut s = x;
    for _ in 0..n {
        if s > T::one() {
            s = s.sqrt() * x;
        } else {
            s = s * s + x;
        }
    }
    s
}

#[test]
fn generic_branches_and_loops() {
    for x in [0.3_f64, 1.7] {
        let (v, d) = generic_loop_grad(x, 4);
        assert_eq!(v, generic_loop(x, 4));
        let fd = autodiff_core::check::derivative(
            |x| generic_loop(x, 4),
            x,
            autodiff_core::check::DEFAULT_STEP,
        );
        assert!((d - fd).abs() < FD * fd.abs().max(1.0), "{d} vs {fd}");
        // f32 through four rounds of sqrt and products: 1e-4 relative is about a
        // thousand f32 ulps, far above its rounding and far below a wrong derivative.
        let (_, d32) = generic_loop_grad(x as f32, 4);
        assert!((f64::from(d32) - d).abs() < 1e-4 * d.abs().max(1.0));
    }
}

/// Arrays and slices of a generic float.
#[differentiate]
fn generic_containers<T: Float, const N: usize>(a: [T; N], v: &[T]) -> T {
    let mut s = T::zero();
    for i in 0..N {
        s = s + a[i] * v[i] + v[i].sin();
    }
    s
}

#[test]
fn generic_arrays_and_slices() {
    let a = [0.5_f64, -1.0, 2.0];
    let v = [0.3, 0.7, -0.2];
    let (y, (ga, gv)) = generic_containers_grad(a, &v);
    assert_eq!(y, generic_containers(a, &v));
    assert_eq!(ga, v);
    for i in 0..3 {
        assert!((gv[i] - (a[i] + v[i].cos())).abs() < 1e-15);
    }
    let (_, (ga32, _)) = generic_containers_grad([0.5_f32, -1.0, 2.0], &[0.3_f32, 0.7, -0.2]);
    assert_eq!(ga32, [0.3_f32, 0.7, -0.2]);
}

/// Local arrays of a generic float, `vec!` and a fixed array, written in loops and read
/// back (and `T::zero()` in the body: no generated bound makes it ambiguous).
#[differentiate(order = 2)]
fn generic_local_arrays<T: Float>(x: &[T]) -> T {
    let n = x.len();
    let mut w = vec![T::zero(); n];
    for i in 0..n {
        w[i] = x[i] * x[i] + T::one();
    }
    let mut a = [T::zero(); 2];
    a[0] = x[0].sin();
    a[1] = a[0] * x[n - 1];
    let mut s = T::zero();
    for i in 0..n {
        s = s + w[i].ln() * a[i % 2];
    }
    s
}

fn generic_local_arrays_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> D {
    let n = x.len();
    let a = [x[0].sin(), x[0].sin() * x[n - 1]];
    let mut s = D::from(0.0);
    for i in 0..n {
        s += (x[i] * x[i] + 1.0).ln() * a[i % 2];
    }
    s
}

#[test]
fn generic_local_arrays_at_f64_and_f32() {
    let x = [0.4_f64, -1.1, 0.7, 1.3];
    let (y, g) = generic_local_arrays_grad(&x);
    assert_eq!(y, generic_local_arrays(&x));
    let (yd, gd) = common::dual_gradient(generic_local_arrays_dual, &x);
    assert!((y - yd).abs() < EXACT);
    assert_all_close(&g, &gd, EXACT, "local arrays: gradient against num-dual");
    common::assert_fd(generic_local_arrays, &x, &g, FD, "local arrays: gradient");
    // The Hessian: symmetric, each column the central difference of the gradient.
    let (_, _, h) = generic_local_arrays_hessian(&x);
    let step = 1e-5;
    for j in 0..x.len() {
        let (mut up, mut down) = (x, x);
        up[j] += step;
        down[j] -= step;
        let (_, gu) = generic_local_arrays_grad(&up);
        let (_, gl) = generic_local_arrays_grad(&down);
        let col: Vec<f64> = (0..x.len()).map(|i| (gu[i] - gl[i]) / (2.0 * step)).collect();
        let got: Vec<f64> = (0..x.len()).map(|i| h[i][j]).collect();
        assert_all_close(&got, &col, FD, "local arrays: Hessian column");
        for i in 0..x.len() {
            assert!((h[i][j] - h[j][i]).abs() < EXACT * h[i][j].abs().max(1.0));
        }
    }
    let x32 = x.map(|v| v as f32);
    let (_, g32) = generic_local_arrays_grad(&x32);
    let g32: Vec<f64> = g32.iter().map(|&v| f64::from(v)).collect();
    assert_all_close(&g32, &g, 1e-5, "local arrays: f32 gradient");
}

/// An array output of a generic float: a Jacobian block per parameter.
#[differentiate]
fn generic_array_output<T: Float>(x: [T; 3], k: T) -> [T; 2] {
    let mut w = [T::zero(); 2];
    w[0] = x[0] * x[1] * k;
    w[1] = x[2].exp() * k;
    w
}

/// A `Vec` output built with `push`, and an out-parameter, of a generic float.
#[differentiate]
fn generic_vec_output<T: Float>(x: &[T]) -> Vec<T> {
    let mut y = Vec::new();
    for i in 0..x.len() {
        y.push(x[i] * x[(i + 1) % x.len()]);
    }
    y
}

#[differentiate]
fn generic_out_param<T: Float>(x: &[T], r: &mut [T]) {
    for i in 0..x.len() {
        r[i] = x[i].sin() * x[0];
    }
}

#[test]
fn generic_array_outputs_and_out_parameters() {
    let (x, k) = ([0.5_f64, -2.0, 0.25], 1.5);
    let (y, (jx, jk)) = generic_array_output_jacobian(x, k);
    assert_eq!(y, generic_array_output(x, k));
    let e = x[2].exp();
    assert_eq!(jx, [[x[1] * k, x[0] * k, 0.0], [0.0, 0.0, e * k]]);
    assert_eq!(jk, [x[0] * x[1], e]);
    let (_, (jx32, jk32)) = generic_array_output_jacobian(x.map(|v| v as f32), k as f32);
    assert_eq!(jx32[0], [x[1] as f32 * 1.5, x[0] as f32 * 1.5, 0.0]);
    assert!((f64::from(jk32[1]) - e).abs() < 1e-6);

    let v = [0.3_f64, -0.8, 1.1];
    let (y, j) = generic_vec_output_jacobian(&v);
    assert_eq!(y, generic_vec_output(&v));
    for i in 0..3 {
        for c in 0..3 {
            let next = (i + 1) % 3;
            let want = if c == i {
                v[next]
            } else if c == next {
                v[i]
            } else {
                0.0
            };
            assert_eq!(j[i][c], want, "d y{i} / d x{c}");
        }
    }
    let mut r = vec![0.0_f64; 3];
    let j = generic_out_param_jacobian(&v, &mut r);
    for i in 0..3 {
        assert_eq!(r[i], v[i].sin() * v[0]);
        for c in 0..3 {
            let mut want = if c == i { v[i].cos() * v[0] } else { 0.0 };
            if c == 0 {
                want += v[i].sin();
            }
            assert!((j[i][c] - want).abs() < EXACT, "d r{i} / d x{c}: {} vs {want}", j[i][c]);
        }
    }
    let mut r32 = vec![0.0_f32; 3];
    let j32 = generic_out_param_jacobian(&v.map(|a| a as f32), &mut r32);
    assert!((f64::from(j32[1][1]) - v[1].cos() * v[0]).abs() < 1e-6);
}

/// argmin's sphere as written: a generic `sum()` with no turbofish, whose accumulator
/// starts at `-T::zero()` (not at a float literal, which a generic `T` does not accept).
#[differentiate(order = 2)]
pub fn sphere<T>(param: &[T]) -> T
where
    T: Float + std::iter::Sum<T>,
{
    param.iter().map(|x| x.powi(2)).sum()
}

/// A generic `product::<T>()` and `sum::<T>()` with turbofish.
#[differentiate]
fn product_and_sum<T: Float + std::iter::Product<T> + std::iter::Sum<T>>(x: &[T]) -> T {
    x.iter().map(|v| *v + T::one()).product::<T>() + x.iter().copied().sum::<T>()
}

#[test]
fn generic_sums_and_products_of_iterator_chains() {
    let x = [0.5, -2.0, 3.0];
    let (v, g) = sphere_grad(&x);
    assert_eq!(v, sphere(&x));
    assert_eq!(g, vec![1.0, -4.0, 6.0]);
    let (_, _, h) = sphere_hessian(&x);
    assert_eq!(h, vec![vec![2.0, 0.0, 0.0], vec![0.0, 2.0, 0.0], vec![0.0, 0.0, 2.0]]);
    let (v32, g32) = sphere_grad(&[0.5_f32, -2.0]);
    assert_eq!((v32, g32), (4.25, vec![1.0, -4.0]));
    let (p, gp) = product_and_sum_grad(&x);
    assert_eq!(p, product_and_sum(&x));
    // d/dx_i of prod_j (x_j + 1) + sum_j x_j = prod_{j != i} (x_j + 1) + 1.
    let shifted = x.map(|v| v + 1.0);
    let want: Vec<f64> = (0..3)
        .map(|i| (0..3).filter(|&j| j != i).map(|j| shifted[j]).product::<f64>() + 1.0)
        .collect();
    common::assert_all_close(&gp, &want, common::EXACT, "product and sum");
    common::assert_fd(product_and_sum, &x, &gp, common::FD, "central differences");
}

/// A const generic that appears in the output only (argmin's `*_hessian_const` on a
/// slice): the siblings call each other naming it, since nothing else infers it.
/// `h_ii = a x_i^2`.
#[differentiate]
fn diagonal_only<const N: usize, T: num_traits::Float>(x: &[T], a: T) -> [[T; N]; N] {
    let mut h = [[T::zero(); N]; N];
    for i in 0..N {
        h[i][i] = a * x[i] * x[i];
    }
    h
}

#[test]
fn a_const_generic_in_the_output_only() {
    let x = [0.5, -2.0, 1.5];
    let a = 3.0;
    let (h, (jx, ja)) = diagonal_only_jacobian::<3, f64>(&x, a);
    assert_eq!(h, diagonal_only::<3, f64>(&x, a));
    for i in 0..3 {
        for j in 0..3 {
            for k in 0..3 {
                let want = if i == j && j == k { 2.0 * a * x[i] } else { 0.0 };
                assert_eq!(jx[i][j][k], want, "d h_{i}{j} / d x_{k}");
            }
            let want = if i == j { x[i] * x[i] } else { 0.0 };
            assert_eq!(ja[i][j], want, "d h_{i}{j} / d a");
        }
    }
    let (_, t) = diagonal_only_jvp::<3, f64>(&x, a, &[0.0, 1.0, 0.0], 0.0);
    assert_eq!(t[1][1], 2.0 * a * x[1]);
}
