// One out-parameter at most: the outputs go into one buffer.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: &[f64], a: &mut [f64], b: &mut [f64]) {
    a[0] = x[0] * 2.0;
    b[0] = x[1];
}

fn main() {}
