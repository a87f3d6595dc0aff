// A macro invocation as a statement other than an assertion or a print (`dbg!`) is
// refused at the macro.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    dbg!(x);
    x * x
}

fn main() {}
