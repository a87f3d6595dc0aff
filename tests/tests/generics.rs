//! Functions generic over `T: num_traits::Float` (scalar parameters), instantiated at f64
//! and f32: straight-line code, values read several times, branches and loops (generated
//! code accumulates with `a = a + b`, since `Float` has no `+=`).

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
