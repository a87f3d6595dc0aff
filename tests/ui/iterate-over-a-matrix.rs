// Iterating over a whole matrix is refused at the iterated expression: its elements are
// read by pairs of indices.
use autodiff_core::differentiate;
use ndarray::Array2;

#[differentiate]
fn f(a: &Array2<f64>) -> f64 {
    let mut s = 0.0;
    for x in a.iter() {
        s += x * x;
    }
    s
}

fn main() {}
