// A closure in the body is refused at the closure.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let sq = |t: f64| t * t;
    sq(x)
}

fn main() {}
