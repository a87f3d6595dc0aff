// A method in path form, or a chain, whose operand is made of literals only:
// `f64::sin(if .. { 1.0 } else { 2.0 })` and `.map(|&e| 0.75).sum::<f64>()` fix the float
// type in the user's code, but the macro bound the operand to an untyped local and
// called the method on it (E0689, ambiguous numeric type `{float}`). Found by the
// differential fuzzer.
use autodiff_core::differentiate;

#[differentiate(order = 2)]
fn path_form(x: f64) -> f64 {
    f64::sin(if x > 0.0 { 1.0 } else { 2.0 }) * x
}

#[differentiate(order = 2)]
fn chain(x: &[f64]) -> f64 {
    x.iter().map(|&_e| 0.75).sum::<f64>().sin() * x[0]
}

fn main() {
    assert_eq!(path_form_grad(0.5), (0.5 * 1f64.sin(), 1f64.sin()));
    assert_eq!(path_form_grad(-0.5), (-0.5 * 2f64.sin(), 2f64.sin()));
    let s = 1.5f64.sin();
    assert_eq!(chain_grad(&[2.0, 1.0]), (2.0 * s, vec![s, 0.0]));
    assert_eq!(chain_hessian(&[2.0, 1.0]).2, vec![vec![0.0, 0.0], vec![0.0, 0.0]]);
}
