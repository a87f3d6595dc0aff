// A method without a derivative rule whose result is used only through further methods
// (`.unwrap()`, `.unwrap_or(..)`) still needs a derivative: it is reported at the first
// method of the chain that reads the active value, never taken as a constant.
use autodiff_core::differentiate;
use num_traits::ToPrimitive;

#[differentiate]
fn last_element(x: &[f64]) -> f64 {
    *x.last().unwrap() * 2.0
}

#[differentiate]
fn to_f64_with_a_default(x: f32) -> f64 {
    x.to_f64().unwrap_or(0.0) * 2.0
}

fn main() {}
