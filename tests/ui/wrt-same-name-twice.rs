// `wrt` naming one parameter twice is reported at the second mention.
use autodiff_core::differentiate;

#[differentiate(wrt(x, y, x))]
fn f(x: f64, y: f64) -> f64 {
    x * y
}

fn main() {}
