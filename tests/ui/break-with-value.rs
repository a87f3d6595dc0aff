// `break` with a value, in a loop used as a statement, is refused at the value.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut s = x;
    loop {
        s = s * x;
        if s > 10.0 {
            break s;
        }
    };
    s
}

fn main() {}
