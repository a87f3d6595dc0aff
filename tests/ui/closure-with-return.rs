// A closure with `return` inside is refused at the closure: the `return` leaves the
// closure, not the function.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let clip = |t: f64| {
        if t > 1.0 {
            return 1.0;
        }
        t
    };
    clip(x) * x
}

fn main() {}
