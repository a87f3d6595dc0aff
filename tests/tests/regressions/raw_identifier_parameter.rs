// A parameter spelled as a raw identifier: the macro must not panic (it built the
// adjoint's name as `r#in_bar`, which is not an identifier).
use autodiff_core::differentiate;

#[differentiate]
fn f(r#in: f64) -> f64 {
    r#in * 2.0
}

fn main() {
    assert_eq!(f_grad(1.5), (f(1.5), 2.0));
}
