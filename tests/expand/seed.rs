// The seed example: phi = y3 = y2^2, y2 = y1 + b1, y1 = a * w1. Reverse mode needs no
// tape: every intermediate stays in its own local.
#[differentiate]
fn phi(w1: f64, a: f64, b1: f64) -> f64 {
    let y1 = a * w1;
    let y2 = y1 + b1;
    let y3 = y2 * y2;
    y3
}
