// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/holdertable.rs, fn holder_table
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;

#[differentiate]
pub fn holder_table<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    let pi = T::from_f64(PI).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    -(x1.sin() * x2.cos() * (n1 - (x1.powi(2) + x2.powi(2)).sqrt() / pi).abs().exp()).abs()
}
