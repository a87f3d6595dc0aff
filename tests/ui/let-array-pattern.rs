// A `let` with an array pattern is refused at the pattern.
use autodiff_core::differentiate;

#[differentiate]
fn f(v: [f64; 2]) -> f64 {
    let [a, b] = v;
    a * b
}

fn main() {}
