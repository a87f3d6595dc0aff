// A struct literal is outside the supported subset and is refused at the literal.
use autodiff_core::differentiate;

struct Point {
    x: f64,
    y: f64,
}

#[differentiate]
fn f(x: f64) -> f64 {
    let p = Point { x, y: 2.0 * x };
    p.x * p.y
}

fn main() {}
