// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/crossintray.rs, fn cross_in_tray
use autodiff_core::differentiate;
use std::f64::consts::PI;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn cross_in_tray<T>(param: &[T; 2]) -> T
where
    T: Float + Into<f64> + FromPrimitive,
{
    let x1: f64 = param[0].into();
    let x2: f64 = param[1].into();
    T::from_f64(
        -0.0001
            * ((x1.sin() * x2.sin() * (100.0 - (x1.powi(2) + x2.powi(2)).sqrt() / PI).abs().exp())
                .abs()
                + 1.0)
                .powf(0.1),
    )
    .unwrap()
}
