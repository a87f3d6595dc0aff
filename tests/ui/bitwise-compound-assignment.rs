// A compound assignment other than `+= -= *= /= %=` is refused at the operator.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64, n: u32) -> f64 {
    let mut k = n;
    k ^= 1;
    x.powi(k as i32)
}

fn main() {}
