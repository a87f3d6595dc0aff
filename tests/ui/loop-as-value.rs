// A loop used as a value (`let y = loop { .. break v; }`) is refused at the loop.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut s = x;
    let y = loop {
        s = s * x;
        if s > 10.0 {
            break s;
        }
    };
    y + 1.0
}

fn main() {}
