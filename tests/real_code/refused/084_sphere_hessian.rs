// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/sphere.rs, fn sphere_hessian
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn sphere_hessian<T>(param: &[T]) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive,
{
    let n = param.len();
    let mut hessian = vec![vec![T::from_f64(0.0).unwrap(); n]; n];
    for (i, row) in hessian.iter_mut().enumerate().take(n) {
        row[i] = T::from_f64(2.0).unwrap();
    }
    hessian
}
