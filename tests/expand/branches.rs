// A reassigned local, an `if` on an active condition, a float by reference, an early
// return and slice indexing: the reversed `if` recomputes its branch and accumulates.
#[differentiate]
fn branchy(x: f64, y: &f64, v: &[f64]) -> f64 {
    let mut s = x * v[0];
    if s > 1.0 {
        s += y.sin();
    } else {
        s *= x;
    }
    if x < -10.0 {
        return s * 2.0;
    }
    s.powi(3) + (v[1] / *y).exp()
}
