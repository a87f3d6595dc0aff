// `while let` is refused at the `let`.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64, mut k: Option<u8>) -> f64 {
    let mut s = x;
    while let Some(n) = k {
        s = s * x + f64::from(n);
        k = n.checked_sub(1);
    }
    s
}

fn main() {}
