// `async fn` is refused at `async`.
use autodiff_core::differentiate;

#[differentiate]
async fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
