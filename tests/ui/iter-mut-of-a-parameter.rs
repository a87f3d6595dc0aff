// `iter_mut()` writes in place: only over a `let mut` local array or `Vec`.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let y = x.to_vec();
    let mut s = 0.0;
    for v in y.iter_mut() {
        *v *= 2.0;
        s += *v;
    }
    s
}

fn main() {}
