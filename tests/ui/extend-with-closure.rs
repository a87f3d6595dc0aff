// `extend` onto a local `Vec` is a loop of pushes over its argument: an iterator a `for`
// loop cannot take (here `filter`) is refused at it.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let mut v = Vec::new();
    v.extend(x.iter().filter(|a| **a > 0.0));
    v[0] * v[1]
}

fn main() {}
