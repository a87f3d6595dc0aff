// Assigning to an element of a parameter that is not `mut` (and so not copied) is
// refused at the element.
use autodiff_core::differentiate;

#[differentiate]
fn f(v: &[f64]) -> f64 {
    v[0] = v[1] * 2.0;
    v[0] * v[1]
}

fn main() {}
