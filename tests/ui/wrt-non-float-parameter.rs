// `wrt` naming an integer parameter is reported at that name.
use autodiff_core::differentiate;

#[differentiate(wrt(n))]
fn f(x: f64, n: i32) -> f64 {
    x.powi(n)
}

fn main() {}
