// A `for` over an iterator other than a range or the elements of an array, slice or
// `Vec` (here `windows`) is refused at the iterator.
use autodiff_core::differentiate;

#[differentiate]
fn f(v: &[f64]) -> f64 {
    let mut s = 0.0;
    for w in v.windows(2) {
        s += w[0] * w[1];
    }
    s
}

fn main() {}
