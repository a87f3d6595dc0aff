// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/styblinskitang.rs, fn styblinski_tang_hessian_const
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn styblinski_tang_hessian_const<const N: usize, T>(param: &[T; N]) -> [[T; N]; N]
where
    T: Float + FromPrimitive + Sum,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n16 = T::from_f64(16.0).unwrap();

    let mut out = [[n0; N]; N];

    param
        .iter()
        .enumerate()
        .map(|(i, x)| out[i][i] = n6 * x.powi(2) - n16)
        .count();

    out
}
