// A `Vec` of `Vec`s as a local is refused at its row: generated code copies rows out.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: &[f64], m: usize) -> f64 {
    let n = x.len();
    let mut g = vec![vec![0.0; m]; n];
    for i in 0..n {
        g[i][0] = x[i];
    }
    g[0][0] * g[n - 1][0]
}

fn main() {}
