// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/zero.rs, fn zero_derivative_const
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn zero_derivative_const<const N: usize, T>(_param: &[T; N]) -> [T; N]
where
    T: Float + FromPrimitive,
{
    [T::from_f64(0.0).unwrap(); N]
}
