// A range (here a slice of a slice) is refused at the range.
use autodiff_core::differentiate;

#[differentiate]
fn f(v: &[f64]) -> f64 {
    let w = &v[1..];
    w[0] * v[0]
}

fn main() {}
