// A closure that assigns to a variable it captures (an `FnMut`) is refused at the
// closure: inlining its calls would lose the write.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut total = 0.0;
    let mut add = |t: f64| total += t * t;
    add(x);
    add(2.0 * x);
    total
}

fn main() {}
