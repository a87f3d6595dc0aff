// `wrt` naming something that is not a parameter is reported at that name.
use autodiff_core::differentiate;

#[differentiate(wrt(x, z))]
fn f(x: f64, y: f64) -> f64 {
    x * y
}

fn main() {}
