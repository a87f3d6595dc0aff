// A macro invocation as a statement (`println!`) is refused at the macro.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    println!("x = {x}");
    x * x
}

fn main() {}
