// Every error of one function is reported in one compile, not only the first.
use autodiff_core::differentiate;

#[differentiate(wrt(x, nope))]
fn f(x: f64, k: Option<u8>) -> f64 {
    let sq = |t: f64| t * t;
    let mut s = x;
    while let Some(n) = k {
        s = s * x + f64::from(n);
    }
    let m = match k {
        Some(n) => f64::from(n),
        None => 1.0,
    };
    dbg!(s);
    s * m + sq(2.0)
}

fn main() {}
