// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/booth.rs, fn booth_derivative
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn booth_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let n8 = T::from_f64(8.0).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let n34 = T::from_f64(34.0).unwrap();
    let n38 = T::from_f64(38.0).unwrap();

    let [x1, x2] = *param;

    [n10 * x1 + n8 * x2 - n34, n8 * x1 + n10 * x2 - n38]
}
