// A sub-slice or a window is read by index, by iteration and by `len()`; used as a
// whole value (here passed to a method) it is refused there.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let tail = &x[1..];
    let mut s = 0.0;
    for w in x.windows(2) {
        s += w[0] * w[1];
    }
    s + tail.to_vec()[0]
}

fn main() {}
