// A running product: each iteration overwrites `p`, and the reverse sweep needs the old
// value, so exactly one value per iteration is saved. Exact even with a zero entry.
#[differentiate]
fn running_product(x: &[f64]) -> f64 {
    let mut p = 1.0;
    for i in 0..x.len() {
        p *= x[i];
    }
    p
}

// Extended Rosenbrock: the sum needs nothing saved; the reversed loop runs the range
// backwards and computes the iteration's values again.
#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

// Log-sum-exp with its max shift: the branch on the running maximum is recorded.
#[differentiate]
fn log_sum_exp(x: &[f64]) -> f64 {
    let mut m = f64::NEG_INFINITY;
    for &v in x {
        if v > m {
            m = v;
        }
    }
    let mut s = 0.0;
    for v in x.iter() {
        s += (v - m).exp();
    }
    m + s.ln()
}

// A packed lower-triangular matrix times a local array rewritten for every point: the
// index counter `lidx` is not saved (the reversed loop steps it back), the read of
// `xc[i]`, fixed across the inner loop, is made and saved once before it, and the square
// of `q[j]` saves one value.
#[differentiate(order = 1)]
fn packed_triangle(l: &[f64], x: &[f64], d: usize) -> f64 {
    let mut xc = vec![0.0; d];
    let mut q = vec![0.0; d];
    let mut s = 0.0;
    for p in 0..x.len() / d {
        for j in 0..d {
            xc[j] = x[p * d + j];
            q[j] = xc[j];
        }
        let mut lidx = 0;
        for i in 0..d {
            for j in i + 1..d {
                q[j] += l[lidx] * xc[i];
                lidx += 1;
            }
        }
        for j in 0..d {
            s += q[j] * q[j];
        }
    }
    s
}
