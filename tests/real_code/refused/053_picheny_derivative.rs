// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/picheny.rs, fn picheny_derivative
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn picheny_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();
    let n14 = T::from_f64(14.0).unwrap();
    let n16 = T::from_f64(16.0).unwrap();
    let n18 = T::from_f64(18.0).unwrap();
    let n19 = T::from_f64(19.0).unwrap();
    let n24 = T::from_f64(24.0).unwrap();
    let n27 = T::from_f64(27.0).unwrap();
    let n30 = T::from_f64(30.0).unwrap();
    let n32 = T::from_f64(32.0).unwrap();
    let n36 = T::from_f64(36.0).unwrap();
    let n48 = T::from_f64(48.0).unwrap();
    let n56 = T::from_f64(56.0).unwrap();
    let n96 = T::from_f64(96.0).unwrap();
    let n128 = T::from_f64(128.0).unwrap();
    let n144 = T::from_f64(144.0).unwrap();
    let n192 = T::from_f64(192.0).unwrap();
    let n216 = T::from_f64(216.0).unwrap();
    let factor = T::from_f64(1.0 / 2.427).unwrap();

    let [x1, x2] = *param;

    let a = (factor
        * ((n8
            * (n4 * x1 + n4 * x2 - n3)
            * (n3 * (n4 * x1 - n2).powi(2) + n6 * (n4 * x2 - n2) * (n4 * x1 - n2)
                - n14 * (n4 * x1 - n2)
                + n3 * (n4 * x2 - n2).powi(2)
                - n14 * (n4 * x2 - n2)
                + n19)
            + (n4 * x1 + n4 * x2 - n3).powi(2)
                * (n24 * (n4 * x1 - n2) + n24 * (n4 * x2 - n2) - n56))
            * ((n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                * (n12 * (n4 * x1 - n2).powi(2)
                    - n36 * (n4 * x2 - n2) * (n4 * x1 - n2)
                    - n32 * (n4 * x1 - n2)
                    + n27 * (n4 * x2 - n2).powi(2)
                    + n48 * (n4 * x2 - n2)
                    + n18)
                + n30)
            + ((n4 * x1 + n4 * x2 - n3).powi(2)
                * (n3 * (n4 * x1 - n2).powi(2) + n6 * (n4 * x2 - n2) * (n4 * x1 - n2)
                    - n14 * (n4 * x1 - n2)
                    + n3 * (n4 * x2 - n2).powi(2)
                    - n14 * (n4 * x2 - n2)
                    + n19)
                + n1)
                * (n16
                    * (n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2))
                    * (n12 * (n4 * x1 - n2).powi(2)
                        - n36 * (n4 * x2 - n2) * (n4 * x1 - n2)
                        - n32 * (n4 * x1 - n2)
                        + n27 * (n4 * x2 - n2).powi(2)
                        + n48 * (n4 * x2 - n2)
                        + n18)
                    + (n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                        * (n96 * (n4 * x1 - n2) - n144 * (n4 * x2 - n2) - n128))))
        / (n10.ln()
            * ((n4 * x1 + n4 * x2 - n3).powi(2)
                * (n3 * (n4 * x1 - n2).powi(2) + n6 * (n4 * x2 - n2) * (n4 * x1 - n2)
                    - n14 * (n4 * x1 - n2)
                    + n3 * (n4 * x2 - n2).powi(2)
                    - n14 * (n4 * x2 - n2)
                    + n19)
                + n1)
            * ((n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                * (n12 * (n4 * x1 - n2).powi(2)
                    - n36 * (n4 * x2 - n2) * (n4 * x1 - n2)
                    - n32 * (n4 * x1 - n2)
                    + n27 * (n4 * x2 - n2).powi(2)
                    + n48 * (n4 * x2 - n2)
                    + n18)
                + n30));

    let b = (factor
        * ((n8
            * (n4 * x2 + n4 * x1 - n3)
            * (n3 * (n4 * x2 - n2).powi(2) + n6 * (n4 * x1 - n2) * (n4 * x2 - n2)
                - n14 * (n4 * x2 - n2)
                + n3 * (n4 * x1 - n2).powi(2)
                - n14 * (n4 * x1 - n2)
                + n19)
            + (n4 * x2 + n4 * x1 - n3).powi(2)
                * (n24 * (n4 * x2 - n2) + n24 * (n4 * x1 - n2) - n56))
            * ((n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                * (n27 * (n4 * x2 - n2).powi(2) - n36 * (n4 * x1 - n2) * (n4 * x2 - n2)
                    + n48 * (n4 * x2 - n2)
                    + n12 * (n4 * x1 - n2).powi(2)
                    - n32 * (n4 * x1 - n2)
                    + n18)
                + n30)
            + ((n4 * x2 + n4 * x1 - n3).powi(2)
                * (n3 * (n4 * x2 - n2).powi(2) + n6 * (n4 * x1 - n2) * (n4 * x2 - n2)
                    - n14 * (n4 * x2 - n2)
                    + n3 * (n4 * x1 - n2).powi(2)
                    - n14 * (n4 * x1 - n2)
                    + n19)
                + n1)
                * ((n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                    * (n216 * (n4 * x2 - n2) - n144 * (n4 * x1 - n2) + n192)
                    - n24
                        * (n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2))
                        * (n27 * (n4 * x2 - n2).powi(2) - n36 * (n4 * x1 - n2) * (n4 * x2 - n2)
                            + n48 * (n4 * x2 - n2)
                            + n12 * (n4 * x1 - n2).powi(2)
                            - n32 * (n4 * x1 - n2)
                            + n18))))
        / (n10.ln()
            * ((n4 * x2 + n4 * x1 - n3).powi(2)
                * (n3 * (n4 * x2 - n2).powi(2) + n6 * (n4 * x1 - n2) * (n4 * x2 - n2)
                    - n14 * (n4 * x2 - n2)
                    + n3 * (n4 * x1 - n2).powi(2)
                    - n14 * (n4 * x1 - n2)
                    + n19)
                + n1)
            * ((n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                * (n27 * (n4 * x2 - n2).powi(2) - n36 * (n4 * x1 - n2) * (n4 * x2 - n2)
                    + n48 * (n4 * x2 - n2)
                    + n12 * (n4 * x1 - n2).powi(2)
                    - n32 * (n4 * x1 - n2)
                    + n18)
                + n30));

    [a, b]
}
