// A `for` over an open range (`0..`) is refused at the range.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut s = x;
    for i in 0.. {
        if i == 3 {
            break;
        }
        s = s * x;
    }
    s
}

fn main() {}
