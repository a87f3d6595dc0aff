// A macro invocation inside an expression (`dbg!`) is refused at the macro.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let y = dbg!(x * x);
    y + 1.0
}

fn main() {}
