// An `unsafe` block in the body is refused at `unsafe`.
use autodiff_core::differentiate;

unsafe fn raw(x: f64) -> f64 {
    x
}

#[differentiate]
fn f(x: f64) -> f64 {
    let y = unsafe { raw(2.0) };
    x * y
}

fn main() {}
