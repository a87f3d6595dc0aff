// `let .. else` is refused.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64, k: Option<u8>) -> f64 {
    let Some(n) = k else { panic!("no k") };
    x * f64::from(n)
}

fn main() {}
