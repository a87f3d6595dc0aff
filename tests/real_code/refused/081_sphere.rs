// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/sphere.rs, fn sphere
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn sphere<T>(param: &[T]) -> T
where
    T: Float + FromPrimitive + Sum,
{
    param.iter().map(|x| x.powi(2)).sum()
}
