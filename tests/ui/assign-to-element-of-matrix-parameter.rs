// Writing into a matrix library's parameter that is not `mut` (and so not copied) is
// refused at the element.
use autodiff_core::differentiate;
use ndarray::Array1;

#[differentiate]
fn f(x: &Array1<f64>) -> f64 {
    x[0] = x[1] * 2.0;
    x[0]
}

fn main() {}
