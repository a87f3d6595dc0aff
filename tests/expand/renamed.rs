// `crate = path` for users who renamed the dependency: every runtime path starts there.
#[differentiate(crate = ad)]
fn f(x: f64) -> f64 {
    x.sin() * x
}
