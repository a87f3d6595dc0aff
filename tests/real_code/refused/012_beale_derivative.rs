// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/beale.rs, fn beale_derivative
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn beale_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let n0_5 = T::from_f64(0.5).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    let n1_5 = T::from_f64(1.5).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n2_625 = T::from_f64(2.625).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n4_5 = T::from_f64(4.5).unwrap();
    let n5_25 = T::from_f64(5.25).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n12_75 = T::from_f64(12.75).unwrap();

    let [x1, x2] = *param;

    let x2p2 = x2.powi(2);
    let x2p3 = x2.powi(3);
    let x2p4 = x2.powi(4);
    let x2p5 = x2.powi(5);
    let x2p6 = x2.powi(6);

    [
        n5_25 * x2p3
            + n4_5 * x2p2
            + n3 * x2
            + n2 * x1 * (x2p6 + x2p4 - n2 * x2p3 - x2p2 - n2 * x2 + n3)
            - n12_75,
        n6 * x1
            * (n2_625 * x2p2
                + n1_5 * x2
                + x1 * (x2p5 + (n2 / n3) * x2p3 - x2p2 - (n1 / n3) * (x2 + n1))
                + n0_5),
    ]
}
