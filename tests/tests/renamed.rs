//! `#[differentiate(crate = path)]`: generated code names the runtime through the path
//! the user gives (here a module re-exporting it, as a renamed dependency would be); the
//! snapshot `tests/expand/renamed.expanded.rs` shows that no `::autodiff_core` path is
//! left in what the macro writes.

mod ad {
    pub use autodiff_core::*;
}

#[autodiff_core::differentiate(crate = crate::ad)]
fn f(x: f64) -> f64 {
    x.sin() * x
}

#[test]
fn renamed_runtime() {
    let (y, d) = f_grad(0.5);
    assert_eq!(y, f(0.5));
    assert!((d - (0.5_f64.cos() * 0.5 + 0.5_f64.sin())).abs() < 1e-15);
    let expanded = include_str!("../expand/renamed.expanded.rs");
    assert!(expanded.contains("ad::rules::d_sin"));
    assert!(!expanded.contains("autodiff_core"));
}
