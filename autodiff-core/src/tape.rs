//! The tape: typed stacks that reverse mode saves values on.
//!
//! Generated code gives every saved variable a stack of its own (a `Vec` of its type):
//! the forward sweep pushes the variable each time the block that defines it ends, and
//! the reversed block pops it, so each stack is balanced on its own and needs no tags.
//! Only values that the reverse sweep needs and cannot compute again are saved: values
//! carried from one loop iteration to the next, reads of arrays the function writes,
//! branch decisions and trip counts inside loops.

/// Pops the value a reversed block saved. The forward sweep pushed exactly as many
/// values as the reverse sweep pops; an empty stack is a bug in the generated code.
#[inline]
pub fn pop<T>(tape: &mut Vec<T>) -> T {
    match tape.pop() {
        Some(v) => v,
        None => unreachable_tape(),
    }
}

#[cold]
#[inline(never)]
fn unreachable_tape() -> ! {
    panic!("autodiff: the reverse sweep popped a value the forward sweep did not save; please report this as a bug")
}
