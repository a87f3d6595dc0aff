// A vector that the function writes cannot be an operand of a whole product: the
// product's adjoint would read it after the writes. Refused at the product.
use autodiff_core::differentiate;
use nalgebra::{SMatrix, SVector};

#[differentiate]
fn f(m: SMatrix<f64, 2, 2>, mut v: SVector<f64, 2>) -> f64 {
    let y = m * v;
    v[0] = y[1];
    v.dot(&y)
}

fn main() {}
