//! The tape: typed stacks that reverse mode saves values on.
//!
//! Generated code gives every saved variable a [`Tape`] of its own: the forward sweep
//! pushes the variable each time the block that defines it ends, and the reversed block
//! pops it, so each stack is balanced on its own and needs no tags. Only values that the
//! reverse sweep needs and cannot compute again are saved: values carried from one loop
//! iteration to the next, reads of arrays the function writes again later, branch decisions and
//! trip counts inside loops, and (inside loops) results of transcendental functions.
//!
//! Before a loop over a fixed range, generated code makes room for the loop's pushes at
//! once ([`Tape::reserve`]); a push into that room ([`Tape::put`]) is a store and an
//! increment, with no call that could grow the buffer on the loop's path.

/// A stack of saved values. Only generated code uses it.
#[derive(Debug, Clone, Default)]
pub struct Tape<T> {
    items: Vec<T>,
    len: usize,
}

impl<T: Clone> Tape<T> {
    /// An empty tape.
    #[inline]
    pub fn new() -> Self {
        Tape { items: Vec::new(), len: 0 }
    }

    /// Saves `value`, growing the tape if needed.
    #[inline]
    pub fn push(&mut self, value: T) {
        if self.len < self.items.len() {
            self.items[self.len] = value;
        } else {
            self.items.push(value);
        }
        self.len += 1;
    }

    /// Saves `value` into room made by [`Tape::reserve`].
    ///
    /// # Panics
    /// If no room was made: generated code reserves exactly what a loop pushes.
    #[inline]
    pub fn put(&mut self, value: T) {
        self.items[self.len] = value;
        self.len += 1;
    }

    /// The value saved last, removed.
    ///
    /// # Panics
    /// If the tape is empty: the forward sweep saved exactly what the reverse sweep
    /// takes, so that would be a bug in the generated code.
    #[inline]
    pub fn pop(&mut self) -> T {
        match self.len.checked_sub(1) {
            Some(last) => {
                self.len = last;
                // A copy for floats, integers and arrays; a `Vec` saved whole (a copy of
                // an array the function pushes onto) is cloned.
                self.items[last].clone()
            }
            None => empty_tape(),
        }
    }

    /// The bytes this tape holds at its largest.
    pub fn bytes(&self) -> usize {
        self.items.len() * std::mem::size_of::<T>()
    }
}

impl<T: Clone + Default> Tape<T> {
    /// Makes room for `n` more values ([`Tape::put`]).
    #[inline]
    pub fn reserve(&mut self, n: usize) {
        let want = self.len + n;
        if self.items.len() < want {
            self.items.resize(want, T::default());
        }
    }
}

/// How many items an iterator (a loop's range) will yield: the room a tape makes before
/// the loop runs.
#[inline]
pub fn trips<I: Iterator>(iter: &I) -> usize {
    iter.size_hint().0
}

#[cold]
#[inline(never)]
fn empty_tape() -> ! {
    panic!("autodiff: the reverse sweep took a value the forward sweep did not save; please report this as a bug")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pushes_and_pops_in_reverse_order() {
        let mut t = Tape::new();
        t.reserve(2);
        t.put(1.0);
        t.put(2.0);
        t.push(3.0);
        assert_eq!((t.pop(), t.pop(), t.pop()), (3.0, 2.0, 1.0));
        t.push(4.0);
        assert_eq!(t.pop(), 4.0);
        assert_eq!(t.bytes(), 3 * 8);
    }

    #[test]
    #[should_panic(expected = "did not save")]
    fn popping_an_empty_tape_is_a_bug_reported_loudly() {
        let mut t: Tape<f64> = Tape::new();
        t.pop();
    }

    #[test]
    fn trips_of_ranges() {
        assert_eq!(trips(&(0..10)), 10);
        assert_eq!(trips(&(0..10).step_by(3).rev()), 4);
        assert_eq!(trips(&(2..=5)), 4);
    }
}
