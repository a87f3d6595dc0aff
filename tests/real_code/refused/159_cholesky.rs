// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/cholesky.rs, fn cholesky
use autodiff_core::differentiate;

#[differentiate]
pub fn cholesky(mat: Vec<f64>, n: usize) -> Vec<f64> {
    if (mat.is_empty()) || (n == 0) {
        return vec![];
    }
    let mut res = vec![0.0; mat.len()];
    for i in 0..n {
        for j in 0..(i + 1) {
            let mut s = 0.0;
            for k in 0..j {
                s += res[i * n + k] * res[j * n + k];
            }
            let value = if i == j {
                let diag_value = mat[i * n + i] - s;
                if diag_value.is_nan() {
                    0.0
                } else {
                    diag_value.sqrt()
                }
            } else {
                let off_diag_value = 1.0 / res[j * n + j] * (mat[i * n + j] - s);
                if off_diag_value.is_nan() {
                    0.0
                } else {
                    off_diag_value
                }
            };
            res[i * n + j] = value;
        }
    }
    res
}
