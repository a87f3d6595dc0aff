// `None` in a function whose output is a `Result` (or `Err` in one returning an
// `Option`) does not match the output, and is refused there.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> Result<f64, String> {
    if x < 0.0 {
        return None;
    }
    Ok(x.sqrt())
}

fn main() {}
