// A labelled block is outside the supported subset and is refused at the block.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let y = 'done: {
        if x > 1.0 {
            break 'done x;
        }
        x * x
    };
    y + 1.0
}

fn main() {}
