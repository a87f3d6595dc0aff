// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_ab
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_ab<T>(param: &[T], a: T, b: T) -> T
where
    T: Float + FromPrimitive + Sum,
{
    param
        .iter()
        .zip(param.iter().skip(1))
        .map(|(&xi, &xi1)| (a - xi).powi(2) + b * (xi1 - xi.powi(2)).powi(2))
        .sum()
}
