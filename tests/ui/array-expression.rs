// A local array built from computed elements is refused at the array expression.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64, y: f64) -> f64 {
    let a = [x, y];
    a[0] * a[1]
}

fn main() {}
