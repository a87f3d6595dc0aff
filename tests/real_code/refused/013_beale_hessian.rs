// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/beale.rs, fn beale_hessian
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn beale_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();
    let n9 = T::from_f64(9.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();
    let n15_75 = T::from_f64(15.75).unwrap();
    let n30 = T::from_f64(30.0).unwrap();
    let n31_5 = T::from_f64(31.5).unwrap();

    let [x1, x2] = *param;

    let x1p2 = x1.powi(2);
    let x2p2 = x2.powi(2);
    let x2p3 = x2.powi(3);
    let x2p4 = x2.powi(4);
    let x2p5 = x2.powi(5);
    let x2p6 = x2.powi(6);

    let offdiag = n12 * x1 * x2p5 + n8 * x1 * x2p3 - n12 * x1 * x2p2 + n15_75 * x2p2 - n4 * x1 * x2
        + n9 * x2
        - n4 * x1
        + n3;

    [
        [
            n2 * (x2p6 + x2p4 - n2 * x2p3 - x2p2 - n2 * x2 + n3),
            offdiag,
        ],
        [
            offdiag,
            n30 * x1p2 * x2p4 + n12 * x1p2 * x2p2 - n12 * x1p2 * x2 + n31_5 * x1 * x2 - n2 * x1p2
                + n9 * x1,
        ],
    ]
}
