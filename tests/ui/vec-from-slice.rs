// `Vec::from` of a slice is refused at its argument; `x.to_vec()` is the supported copy.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let v = Vec::from(x);
    v[0] * v[1]
}

fn main() {}
