// Products of two matrices are not differentiated whole: nalgebra's `a * b` and
// ndarray's `a.dot(&b)` of two matrices are refused at the product.
use autodiff_core::differentiate;
use nalgebra::SMatrix;
use ndarray::Array2;

#[differentiate]
fn f(a: SMatrix<f64, 2, 2>, b: SMatrix<f64, 2, 2>) -> f64 {
    let c = a * b;
    c[(0, 0)]
}

#[differentiate]
fn g(a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    let c = a.dot(b);
    c[[0, 0]]
}

fn main() {}
