// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/styblinskitang.rs, fn styblinski_tang_derivative
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn styblinski_tang_derivative<T>(param: &[T]) -> Vec<T>
where
    T: Float + FromPrimitive + Sum,
{
    let n2 = T::from_f64(2.0).unwrap();
    let n2_5 = T::from_f64(2.5).unwrap();
    let n16 = T::from_f64(16.0).unwrap();

    param
        .iter()
        .map(|x| n2 * x.powi(3) - n16 * *x + n2_5)
        .collect()
}
