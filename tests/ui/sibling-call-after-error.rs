// After an error, calls to the siblings of the function add no "cannot find function"
// error: only the macro's own error is reported.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let v = dbg!([x]);
    v[0] * x
}

fn main() {
    let (y, g) = f_grad(1.0);
    let (y2, dy) = f_jvp(1.0, 1.0);
    let (y3, gb) = f_vjp(1.0, 1.0);
    println!("{y} {g} {y2} {dy} {y3} {gb}");
}
