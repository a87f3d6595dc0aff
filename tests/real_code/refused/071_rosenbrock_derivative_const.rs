// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_derivative_const (with the helpers it calls: rosenbrock_ab_derivative_const)
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_derivative_const<const N: usize, T>(param: &[T; N]) -> [T; N]
where
    T: Float + FromPrimitive + AddAssign,
{
    rosenbrock_ab_derivative_const(
        param,
        T::from_f64(1.0).unwrap(),
        T::from_f64(100.0).unwrap(),
    )
}

#[differentiate]
pub fn rosenbrock_ab_derivative_const<const N: usize, T>(param: &[T; N], a: T, b: T) -> [T; N]
where
    T: Float + FromPrimitive + AddAssign,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();

    let mut result = [n0; N];

    for i in 0..(N - 1) {
        let xi = param[i];
        let xi1 = param[i + 1];

        let t1 = -n4 * b * xi * (xi1 - xi.powi(2));
        let t2 = n2 * b * (xi1 - xi.powi(2));

        result[i] += t1 + n2 * (xi - a);
        result[i + 1] += t2;
    }
    result
}
