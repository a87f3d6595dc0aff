// An early `return` of an array output makes the code after it a branch that chooses
// between whole arrays, which is refused at that `if`.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: [f64; 2]) -> [f64; 2] {
    if x[0] > 0.0 {
        return [x[0], x[1]];
    }
    [x[1], x[0]]
}

fn main() {}
