// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/matyas.rs, fn matyas_derivative
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn matyas_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n0_52 = T::from_f64(0.52).unwrap();
    let n0_48 = T::from_f64(0.48).unwrap();

    [n0_52 * x1 - n0_48 * x2, n0_52 * x2 - n0_48 * x1]
}
