// A string made of an active value and read back into a float that reaches the output
// has no derivative: refused at the `format!`.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let s = format!("{}", x * x);
    let y: f64 = s.parse().unwrap();
    y + x
}

fn main() {}
