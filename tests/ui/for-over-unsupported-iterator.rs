// A `for` over an iterator the macro cannot read by position (here `chain`) is refused.
use autodiff_core::differentiate;

#[differentiate]
fn f(v: &[f64], w: &[f64]) -> f64 {
    let mut s = 0.0;
    for x in v.iter().chain(w.iter()) {
        s += x * x;
    }
    s
}

fn main() {}
