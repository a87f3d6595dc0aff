// A row of a nested array (or of a slice of arrays) bound to a local and then indexed:
// the reverse sweep accumulated into the row's adjoint with `+=` on `[f64; 2]`, which
// does not compile.
use autodiff_core::differentiate;

#[differentiate]
fn nested(m: &[[f64; 2]; 2]) -> f64 {
    let r = m[1];
    r[0] * m[0][1]
}

#[differentiate]
fn rows(v: &[[f64; 2]]) -> f64 {
    let r = v[1];
    r[0] * r[1]
}

fn main() {
    let m = [[1.0, 2.0], [3.0, 4.0]];
    assert_eq!(nested_grad(&m), (nested(&m), [[0.0, 3.0], [2.0, 0.0]]));
    assert_eq!(rows_grad(&m), (rows(&m), vec![[0.0, 0.0], [4.0, 3.0]]));
}
