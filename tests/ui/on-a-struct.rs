// The attribute on a struct is refused: it applies to functions only.
use autodiff_core::differentiate;

#[differentiate]
struct Point {
    x: f64,
}

fn main() {
    let _ = Point { x: 1.0 }.x;
}
