// Rows of a slice of `Vec`s, named in place (`row` is `x[i]`, never moved out of `x`):
// the gradient has the parameter's shape, and each row of the tangent has its length
// checked.
#[differentiate]
fn row_ends(x: &[Vec<f64>]) -> f64 {
    let mut s = 0.0;
    for row in x.iter() {
        s += row[0] * row[row.len() - 1];
    }
    s
}

// A `Vec` of `Vec`s output, a fill of zeros written element by element (argmin's
// Hessians): the cotangent is a `&[Vec<f64>]`, the Jacobian's block `Vec<Vec<Vec<f64>>>`.
#[differentiate]
fn outer(x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut out = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..n {
            out[i][j] = x[i] * x[j];
        }
    }
    out
}
