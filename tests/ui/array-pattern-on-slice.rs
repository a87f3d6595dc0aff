// An array pattern on a slice, or on a part of one, is refused at the pattern: its
// length is known only at run time.
use autodiff_core::differentiate;

#[differentiate]
fn whole(x: &[f64]) -> f64 {
    let [a, b] = x;
    a * b
}

#[differentiate]
fn part(x: &[f64]) -> f64 {
    let [a, b] = &x[..2];
    a * b
}

fn main() {}
