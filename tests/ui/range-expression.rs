// A range as a value (here stored in a local) is refused at the range.
use autodiff_core::differentiate;

#[differentiate]
fn f(v: &[f64]) -> f64 {
    let r = 1..3;
    let mut s = 0.0;
    for i in r {
        s += v[i];
    }
    s
}

fn main() {}
