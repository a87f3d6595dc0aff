// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/threehumpcamel.rs, fn threehumpcamel_hessian
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn threehumpcamel_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, _] = *param;

    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n5 = T::from_f64(5.0).unwrap();
    let n12_6 = T::from_f64(12.6).unwrap();

    let a = n5 * x1.powi(4) - n12_6 * x1.powi(2) + n4;
    let b = n2;
    let offdiag = n1;

    [[a, offdiag], [offdiag, b]]
}
