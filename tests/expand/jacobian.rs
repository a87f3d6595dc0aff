// An array output: `f_jacobian` is one reverse sweep per output component, through
// `f_vjp`, whose cotangent `dout` has the output's type.
#[differentiate]
fn polar(r: f64, theta: f64) -> [f64; 2] {
    [r * theta.cos(), r * theta.sin()]
}
