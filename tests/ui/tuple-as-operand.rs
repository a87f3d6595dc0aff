// A tuple expression passed where one value is expected (here a call argument) is
// refused at the tuple.
use autodiff_core::differentiate;

fn first(p: (f64, f64)) -> f64 {
    p.0
}

#[differentiate]
fn f(x: f64) -> f64 {
    let t = first((x, 2.0));
    t + x
}

fn main() {}
