// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_hessian_const (with the helpers it calls: rosenbrock_ab_hessian_const)
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_hessian_const<const N: usize, T>(param: &[T; N]) -> [[T; N]; N]
where
    T: Float + FromPrimitive + AddAssign,
{
    rosenbrock_ab_hessian_const(
        param,
        T::from_f64(1.0).unwrap(),
        T::from_f64(100.0).unwrap(),
    )
}

#[differentiate]
pub fn rosenbrock_ab_hessian_const<const N: usize, T>(x: &[T; N], a: T, b: T) -> [[T; N]; N]
where
    T: Float + FromPrimitive + AddAssign,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();

    let mut hessian = [[n0; N]; N];

    for i in 0..(N - 1) {
        let xi = x[i];
        let xi1 = x[i + 1];

        hessian[i][i] += n12 * b * xi.powi(2) - n4 * b * xi1 + n2 * a;
        hessian[i + 1][i + 1] = n2 * b;
        hessian[i][i + 1] = -n4 * b * xi;
        hessian[i + 1][i] = -n4 * b * xi;
    }
    hessian
}
