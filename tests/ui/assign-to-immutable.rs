// Assigning to a name that is not a `let mut` local is refused at the name.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let y = x * x;
    y = y + 1.0;
    y
}

fn main() {}
