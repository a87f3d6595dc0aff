// Every sibling of functions of nalgebra's and ndarray's vectors and matrices compiles
// warning-free, and the gradients come back in the parameters' types.
#![deny(warnings)]
use autodiff_core::differentiate;
use nalgebra::{DMatrix, DVector};
use ndarray::{Array1, Array2, ArrayView1};

/// `Σ tanh(M v)_i`.
#[differentiate]
pub fn na(m: &DMatrix<f64>, v: &DVector<f64>) -> f64 {
    let y = m * v;
    let mut s = 0.0;
    for i in 0..y.len() {
        s += y[i].tanh();
    }
    s
}

/// `(W x)·b + W_00`.
#[differentiate]
pub fn nd(w: &Array2<f64>, x: ArrayView1<'_, f64>, b: Array1<f64>) -> f64 {
    let y = w.dot(&x);
    y.dot(&b) + w[[0, 0]]
}

fn main() {
    let m = DMatrix::from_element(2, 2, 0.5);
    let v = DVector::from_element(2, 1.0);
    let (_, (gm, gv)): (f64, (DMatrix<f64>, DVector<f64>)) = na_grad(&m, &v);
    assert_eq!((gm.nrows(), gv.len()), (2, 2));
    let w = Array2::from_elem((2, 3), 0.5);
    let x = Array1::from_elem(3, 1.0);
    let (_, (gw, gx, gb)): (f64, (Array2<f64>, Array1<f64>, Array1<f64>)) =
        nd_grad(&w, x.view(), Array1::from_elem(2, 2.0));
    assert_eq!((gw.dim(), gx.len(), gb.len()), ((2, 3), 3, 2));
}
