// A `let mut` copy of an array parameter is refused at the new name.
use autodiff_core::differentiate;

#[differentiate]
fn f(a: [f64; 3]) -> f64 {
    let mut y = a;
    y[0] = y[1] * y[2];
    y[0] + y[1]
}

fn main() {}
