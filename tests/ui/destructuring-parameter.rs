// A float parameter bound by a pattern instead of a name is reported at the pattern.
use autodiff_core::differentiate;

#[differentiate]
fn f([a, b]: [f64; 2]) -> f64 {
    a * b
}

fn main() {}
