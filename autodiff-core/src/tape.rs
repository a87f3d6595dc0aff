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
//!
//! Tapes of floats ([`Tape::pooled`]) take their buffer from a pool kept per thread and
//! give it back when dropped, room included: a gradient computed again on the same thread
//! finds its room made, and touches no fresh memory. The pool keeps at most
//! [`POOL_BUFFERS`] buffers per element type, none larger than [`POOL_BUFFER_BYTES`]
//! (a larger one is freed), so a one-off huge gradient does not pin its memory.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;

/// The most buffers the pool of one thread keeps per element type.
pub const POOL_BUFFERS: usize = 64;
/// The largest buffer (in bytes) the pool keeps.
pub const POOL_BUFFER_BYTES: usize = 64 << 20;

thread_local! {
    static POOL: RefCell<HashMap<TypeId, Vec<Box<dyn Any>>>> = RefCell::new(HashMap::new());
}

/// A spare buffer of `T`s from this thread's pool, or a new empty one.
fn take<T: 'static>() -> Vec<T> {
    POOL.try_with(|pool| {
        let mut pool = pool.borrow_mut();
        let spare = pool.get_mut(&TypeId::of::<T>())?.pop()?;
        spare.downcast::<Vec<T>>().ok().map(|b| *b)
    })
    .ok()
    .flatten()
    .unwrap_or_default()
}

/// Gives `items` back to this thread's pool (or frees it, when the pool is full, the
/// buffer too large or the thread ending).
fn give_back<T: 'static>(mut items: Vec<T>) {
    if items.capacity() == 0 || items.capacity() * std::mem::size_of::<T>() > POOL_BUFFER_BYTES {
        return;
    }
    if std::mem::needs_drop::<T>() {
        items.clear();
    }
    let _ = POOL.try_with(|pool| {
        if let Ok(mut pool) = pool.try_borrow_mut() {
            let spares = pool.entry(TypeId::of::<T>()).or_default();
            if spares.len() < POOL_BUFFERS {
                spares.push(Box::new(items));
            }
        }
    });
}

/// A stack of saved values. Only generated code uses it.
#[derive(Debug, Clone, Default)]
pub struct Tape<T> {
    items: Vec<T>,
    len: usize,
    /// Where the buffer goes when the tape is dropped: the pool, for a pooled tape.
    recycle: Option<fn(Vec<T>)>,
}

impl<T> Drop for Tape<T> {
    fn drop(&mut self) {
        if let Some(recycle) = self.recycle {
            recycle(std::mem::take(&mut self.items));
        }
    }
}

impl<T: Clone + 'static> Tape<T> {
    /// An empty tape whose buffer comes from this thread's pool and goes back to it when
    /// the tape is dropped.
    #[inline]
    pub fn pooled() -> Self {
        Tape { items: take(), len: 0, recycle: Some(give_back::<T>) }
    }
}

impl<T: Clone> Tape<T> {
    /// An empty tape.
    #[inline]
    pub fn new() -> Self {
        Tape { items: Vec::new(), len: 0, recycle: None }
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
    fn pooled_tapes_reuse_their_buffer_on_the_same_thread() {
        std::thread::spawn(|| {
            let mut t: Tape<f64> = Tape::pooled();
            t.reserve(1000);
            t.put(1.5);
            let room = t.bytes();
            drop(t);
            // The next tape of the same type gets the buffer, room made and all: saving
            // into it needs no new memory, and it starts empty.
            let mut again: Tape<f64> = Tape::pooled();
            assert_eq!(again.bytes(), room);
            again.reserve(1000);
            assert_eq!(again.bytes(), room);
            again.put(2.5);
            assert_eq!(again.pop(), 2.5);
            // A tape of another type does not.
            let other: Tape<f32> = Tape::pooled();
            assert_eq!(other.bytes(), 0);
        })
        .join()
        .unwrap();
    }

    #[test]
    fn the_pool_frees_buffers_above_its_limit() {
        std::thread::spawn(|| {
            let mut t: Tape<u8> = Tape::pooled();
            t.reserve(POOL_BUFFER_BYTES + 1);
            drop(t);
            assert_eq!(Tape::<u8>::pooled().bytes(), 0);
        })
        .join()
        .unwrap();
    }

    #[test]
    fn trips_of_ranges() {
        assert_eq!(trips(&(0..10)), 10);
        assert_eq!(trips(&(0..10).step_by(3).rev()), 4);
        assert_eq!(trips(&(2..=5)), 4);
    }
}
