// Generated code must trigger no lint in the user's crate. A parameter that the body
// reads only in a dead statement (`let _ = x * y;`) is used in the user's function but
// not in the siblings, which then warn `unused_variables`.
#![deny(warnings)]
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64, y: f64) -> f64 {
    let _ = x * y;
    std::f64::consts::PI
}

fn main() {
    assert_eq!(f_grad(1.0, 2.0), (f(1.0, 2.0), (0.0, 0.0)));
    assert_eq!(f_jvp(1.0, 2.0, 1.0, 1.0).1, 0.0);
    assert_eq!(f_vjp(1.0, 2.0, 1.0).1, (0.0, 0.0));
}
