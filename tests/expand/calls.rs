// A call with an active argument: forward mode asks the callee's `_jvp` for the tangent,
// reverse mode its `_vjp` for the adjoints of the arguments.
#[differentiate]
fn outer(x: f64, k: f64) -> f64 {
    let y = helper(x * k, 2.0);
    y * x
}
