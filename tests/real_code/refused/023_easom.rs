// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/easom.rs, fn easom
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;

#[differentiate]
pub fn easom<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    let pi = T::from_f64(PI).unwrap();
    -x1.cos() * x2.cos() * (-(x1 - pi).powi(2) - (x2 - pi).powi(2)).exp()
}
