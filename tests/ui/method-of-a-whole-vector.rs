// A method of a matrix library's vector without a derivative rule (`norm`) is refused at
// the method, with the advice to compute it from the elements.
use autodiff_core::differentiate;
use nalgebra::DVector;

#[differentiate]
fn f(x: &DVector<f64>) -> f64 {
    x.norm()
}

fn main() {}
