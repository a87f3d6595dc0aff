// A `&mut` vector of a matrix library is not an out-parameter: refused at its type.
use autodiff_core::differentiate;
use nalgebra::DVector;

#[differentiate]
fn f(x: f64, out: &mut DVector<f64>) -> f64 {
    x * out.len() as f64
}

fn main() {}
