// An `Option` of a computed value is differentiated only as the function's result; kept
// in a local it is refused.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> Option<f64> {
    let r = if x > 0.0 { Some(x * x) } else { None };
    r
}

fn main() {}
