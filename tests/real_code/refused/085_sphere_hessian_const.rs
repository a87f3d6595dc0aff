// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/sphere.rs, fn sphere_hessian_const
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn sphere_hessian_const<const N: usize, T>(_param: &[T; N]) -> [[T; N]; N]
where
    T: Float + FromPrimitive,
{
    let mut hessian = [[T::from_f64(0.0).unwrap(); N]; N];
    for (i, row) in hessian.iter_mut().enumerate().take(N) {
        row[i] = T::from_f64(2.0).unwrap();
    }
    hessian
}
