// A float parameter bound by a pattern other than a name, an array or a tuple pattern
// is reported at the pattern.
use autodiff_core::differentiate;

#[differentiate]
fn f(ref x: f64) -> f64 {
    *x * 2.0
}

fn main() {}
