// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/mccormick.rs, fn mccormick_hessian
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn mccormick_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n2 = T::from_f64(2.0).unwrap();

    let a = (x1 + x2).sin();

    let diag = n2 - a;
    let offdiag = -n2 - a;

    [[diag, offdiag], [offdiag, diag]]
}
