// Assertions, prints, `format!` and the ways of building a `Vec` or an array leave the
// generated code warning-free.
#![deny(warnings)]
use autodiff_core::differentiate;

#[differentiate(order = 2)]
fn f(x: &[f64], n: usize) -> f64 {
    assert!(!x.is_empty());
    assert_eq!(x.len(), n, "n = {n}");
    debug_assert_ne!(x[0], f64::INFINITY);
    let a = [x[0] * 2.0; 3];
    let v = vec![x[0], a[1], 2.0];
    let mut w = Vec::with_capacity(n);
    w.extend_from_slice(x);
    let label = format!("{:.2}", v[0]);
    println!("{label} {}", w[0]);
    v[0] * v[1] + w[0] * a[2]
}

fn main() {
    let (y, g) = f_grad(&[1.5, 2.0], 2);
    assert_eq!(y, f(&[1.5, 2.0], 2));
    assert_eq!(g, vec![4.0 * 1.5 + 4.0 * 1.5, 0.0]);
}
