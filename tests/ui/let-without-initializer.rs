// `let y;` with the value assigned later is refused at the `let`.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let y: f64;
    y = x * x;
    y + 1.0
}

fn main() {}
