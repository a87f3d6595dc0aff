// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/zero.rs, fn zero
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn zero<T>(_param: &[T]) -> T
where
    T: Float + FromPrimitive,
{
    T::from_f64(0.0).unwrap()
}
