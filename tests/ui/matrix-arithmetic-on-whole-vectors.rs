// Adding whole vectors of a matrix library is refused at the operation: only `dot` and
// the matrix-vector product are differentiated whole.
use autodiff_core::differentiate;
use nalgebra::{SMatrix, SVector};

#[differentiate]
fn f(m: SMatrix<f64, 2, 2>, v: SVector<f64, 2>, b: SVector<f64, 2>) -> f64 {
    let z = m * v + b;
    z[0]
}

fn main() {}
