// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/easom.rs, fn easom_hessian
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;

#[differentiate]
pub fn easom_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let pi = T::from_f64(PI).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();

    let x1cos = x1.cos();
    let x1sin = x1.sin();
    let x2cos = x2.cos();
    let x2sin = x2.sin();
    let factor = (-(x1 - pi).powi(2) - (x2 - pi).powi(2)).exp();
    let offdiag = factor * (x1sin + n2 * (x1 - pi) * x1cos) * (n2 * (pi - x2) * x2cos - x2sin);

    [
        [
            factor
                * x2cos
                * (n4 * (pi - x1) * x1sin
                    + (-n4 * x1.powi(2) + n8 * pi * x1 - n4 * pi.powi(2) + n3) * x1cos),
            offdiag,
        ],
        [
            offdiag,
            factor
                * x1cos
                * (n4 * (pi - x2) * x2sin
                    + (-n4 * x2.powi(2) + n8 * pi * x2 - n4 * pi.powi(2) + n3) * x2cos),
        ],
    ]
}
