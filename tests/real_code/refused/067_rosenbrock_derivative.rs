// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_derivative (with the helpers it calls: rosenbrock_ab_derivative)
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_derivative<T>(param: &[T]) -> Vec<T>
where
    T: Float + FromPrimitive + AddAssign,
{
    rosenbrock_ab_derivative(
        param,
        T::from_f64(1.0).unwrap(),
        T::from_f64(100.0).unwrap(),
    )
}

#[differentiate]
pub fn rosenbrock_ab_derivative<T>(param: &[T], a: T, b: T) -> Vec<T>
where
    T: Float + FromPrimitive + AddAssign,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();

    let n = param.len();

    let mut result = vec![n0; n];

    for i in 0..(n - 1) {
        let xi = param[i];
        let xi1 = param[i + 1];

        let t1 = -n4 * b * xi * (xi1 - xi.powi(2));
        let t2 = n2 * b * (xi1 - xi.powi(2));

        result[i] += t1 + n2 * (xi - a);
        result[i + 1] += t2;
    }
    result
}
