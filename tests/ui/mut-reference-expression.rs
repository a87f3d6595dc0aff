// Taking `&mut` of a local is refused at the reference.
use autodiff_core::differentiate;

fn bump(v: &mut f64) {
    *v += 1.0;
}

#[differentiate]
fn f(x: f64) -> f64 {
    let mut y = x * x;
    bump(&mut y);
    y
}

fn main() {}
