// An array output: `f_jacobian` is one reverse sweep per output component, through
// `f_vjp`, whose cotangent `dout` has the output's type.
#[differentiate]
fn polar(r: f64, theta: f64) -> [f64; 2] {
    [r * theta.cos(), r * theta.sin()]
}

// An out-parameter: the buffer the function writes is the output. The siblings write it
// too and return only derivatives; f_jacobian sweeps into a scratch copy per row.
#[differentiate]
fn residuals(p: &[f64], t: &[f64], r: &mut [f64]) {
    for i in 0..t.len() {
        r[i] = p[0] * (p[1] * t[i]).exp() - t[i];
    }
}
