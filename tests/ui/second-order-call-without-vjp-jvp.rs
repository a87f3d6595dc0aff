// A function with `order = 2` whose callee has a first-order pair only: its second-order
// siblings call `g_vjp_jvp`, and rustc reports it missing at the call.
use autodiff_core::differentiate;

fn halved(x: f64) -> f64 {
    x / 2.0
}
fn halved_jvp(x: f64, t: f64) -> (f64, f64) {
    (halved(x), t / 2.0)
}
fn halved_vjp(x: f64, dout: f64) -> (f64, f64) {
    (halved(x), dout / 2.0)
}

#[differentiate(order = 2)]
fn f(x: f64) -> f64 {
    halved(x) * x
}

fn main() {}
