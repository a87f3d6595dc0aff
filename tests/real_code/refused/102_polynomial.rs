// Source: statrs-dev/statrs: src/function/evaluate.rs, fn polynomial
use autodiff_core::differentiate;

#[differentiate]
pub fn polynomial(z: f64, coeff: &[f64]) -> f64 {
    coeff.iter().rev().fold(0_f64, |acc, val| acc * z + val)
}
