// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/booth.rs, fn booth
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn booth<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let n2 = T::from_f64(2.0).unwrap();
    let n5 = T::from_f64(5.0).unwrap();
    let n7 = T::from_f64(7.0).unwrap();

    let [x1, x2] = *param;
    (x1 + n2 * x2 - n7).powi(2) + (n2 * x1 + x2 - n5).powi(2)
}
