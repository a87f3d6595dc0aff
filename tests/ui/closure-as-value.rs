// A closure passed to a function (rather than called, or given to an iterator chain)
// is refused where it is passed.
use autodiff_core::differentiate;

fn apply(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    f(x)
}

#[differentiate]
fn f(x: f64) -> f64 {
    let sq = |t: f64| t * t;
    apply(sq, x)
}

fn main() {}
