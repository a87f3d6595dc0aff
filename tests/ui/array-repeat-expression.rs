// A local array filled with a computed value `[x; N]` is refused at the array expression.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let a = [x; 3];
    a[0] * a[2]
}

fn main() {}
