// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/matyas.rs, fn matyas
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn matyas<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n026 = T::from_f64(0.26).unwrap();
    let n048 = T::from_f64(0.48).unwrap();

    n026 * (x1.powi(2) + x2.powi(2)) - n048 * x1 * x2
}
