// The seed example: phi = y3 = y2^2, y2 = y1 + b1, y1 = a * w1. Reverse mode needs no
// tape: every intermediate stays in its own local.
#[differentiate]
fn phi(w1: f64, a: f64, b1: f64) -> f64 {
    let y1 = a * w1;
    let y2 = y1 + b1;
    let y3 = y2 * y2;
    y3
}

// The same function with its second-order siblings (`order = 2`): `phi2_vjp_jvp` is
// forward mode over `phi2_vjp`, `phi2_hvp` carries one direction through it, and
// `phi2_hessian` assembles the Hessian from directions in lanes.
#[differentiate(order = 2)]
fn phi2(w1: f64, a: f64, b1: f64) -> f64 {
    let y1 = a * w1;
    let y2 = y1 + b1;
    let y3 = y2 * y2;
    y3
}
