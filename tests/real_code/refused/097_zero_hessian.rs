// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/zero.rs, fn zero_hessian
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn zero_hessian<T>(param: &[T]) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive,
{
    vec![vec![T::from_f64(0.0).unwrap(); param.len()]; param.len()]
}
