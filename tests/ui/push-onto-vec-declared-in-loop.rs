use autodiff_core::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for &xi in x {
        let mut w = Vec::new();
        w.push(xi * xi);
        s += w[0];
    }
    s
}

fn main() {}
