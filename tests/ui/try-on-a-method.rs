// `?` takes apart the result of a call of a differentiated function; on anything else
// it is refused.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64, s: &str) -> Result<f64, std::num::ParseFloatError> {
    let k: f64 = s.trim().parse::<f64>()?;
    Ok(k * x)
}

fn main() {}
