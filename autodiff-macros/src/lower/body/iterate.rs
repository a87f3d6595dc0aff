//! Lowers what a `for` loop walks: ranges, and sequences read by position.
//!
//! A range (`a..b`, `a..=b`, with `.rev()` and `.step_by(k)`) is the loop's header as
//! written. Every other iteration space is a [`Seq`]: the loop runs an index `p` over
//! `0..n`, `n` the sequence's length (read once, before the loop), and binds the
//! pattern to the sequence's item at `p`. Sequences are built from
//!
//! - a tensor, or a constant that can be indexed (`GAMMA_DK`), by itself or through
//!   `&x`, `iter()`, `into_iter()`, `copied()`, `cloned()`: the element `x[p]`;
//! - `iter_mut()` of a local array or `Vec` the function writes: the element as a place
//!   (`*v = ..` stores into it, `*v` reads it where it is read);
//! - a sub-slice `&x[a..b]`, `x[a..]`, `x[..b]`, or a window or chunk (below): the
//!   element `x[a + p]`;
//! - `.enumerate()`: the pair of the position and the item; `.zip(s)`: the pair of both
//!   items, over the shorter length;
//! - `.skip(k)`, `.take(k)`, `.step_by(k)`, `.rev()`: the item at `p + k`, `p`, `p * k`,
//!   `n - 1 - p`, with the length the adapter gives (`n - k` or none, `min(n, k)`,
//!   `n.div_ceil(k)`, `n`);
//! - `.windows(k)`, `.chunks(k)`, `.chunks_exact(k)` of a tensor or sub-slice: a view of
//!   `k` elements from `p` (windows) or `p * k` (chunks, the last one shorter).
//!
//! A view ([`Value::View`]) exists only while lowering: `w[j]` reads the tensor at
//! `start + j` after an `assert!` that `j` is below the view's length (Rust's slice
//! would panic there too; left out where literals show it), `w.len()` is its length, and
//! iterating it is iterating the sub-slice. Any other use of a view is refused at its
//! span.
//!
//! Guarantees: the loop visits exactly the positions Rust's iterator yields, in its
//! order, and each binding reads the element Rust's item refers to; the position and
//! length arithmetic is on `usize` and never active.

use super::{Lower, Value, View};
use crate::diagnostics as diag;
use crate::ir::{Atom, BinOp, Expr, Header, MacroArg, MacroCall, Proj, Shape, Stmt, Var};
use proc_macro2::Span;
use syn::spanned::Spanned;

/// Iterator adaptors a sequence cannot be read through by position (refused by name).
const ADAPTORS: &[&str] = &[
    "chain",
    "filter",
    "filter_map",
    "flat_map",
    "flatten",
    "inspect",
    "map",
    "map_while",
    "peekable",
    "scan",
    "skip_while",
    "take_while",
    "cycle",
];

/// What one step of a sequence binds, given its position.
pub(super) enum Item {
    /// The element of a tensor (or indexable constant) at the position; `by_ref` for
    /// `iter_mut`, whose items are places the body may write.
    Elem {
        base: Atom,
        by_ref: bool,
    },
    /// The position itself (`enumerate`).
    Index,
    Pair(Box<Item>, Box<Item>),
    /// The inner item at a position computed from this one.
    At(Box<Item>, Pos),
    /// The view `windows` and `chunks` give.
    View(Box<Window>),
}

/// `width` elements of `base` from `offset + p * step` (`p` without a step).
pub(super) struct Window {
    base: Atom,
    offset: Option<Atom>,
    step: Option<Atom>,
    width: Width,
}

/// A position computed from the step's position `p`.
pub(super) enum Pos {
    /// `p + k`.
    Add(Atom),
    /// `p * k`.
    Mul(Atom),
    /// `n - 1 - p`.
    Back(Atom),
}

/// The length of a window or chunk.
pub(super) enum Width {
    /// Always `k`.
    Exact(Atom),
    /// `k`, or what is left of the `len` elements from the chunk's start (`chunks`).
    UpTo(Atom, Atom),
}

/// A sequence: its item and its length.
pub(super) struct Seq {
    item: Item,
    len: Atom,
}

impl Lower<'_> {
    /// The header of `for pat in expr`: a range, or a sequence ([`Seq`]), which becomes
    /// a range over positions and bindings of `pat` to the items, pushed to `binds`.
    pub(super) fn for_header(
        &mut self,
        pat: &syn::Pat,
        expr: &syn::Expr,
        binds: &mut Vec<(syn::Pat, Item)>,
    ) -> Option<Header> {
        if let Some(iter) = self.range_iter(expr) {
            let name = match pat {
                syn::Pat::Ident(p) => p.ident.to_string(),
                _ => "i".to_string(),
            };
            let index = self.func.new_var(name.as_str(), Shape::Other);
            match pat {
                syn::Pat::Ident(p) => self.declare_in_body(p.ident.to_string(), index),
                syn::Pat::Wild(_) => {}
                other => {
                    self.unsupported(other, "this loop pattern", "bind the index to a name");
                }
            }
            return Some(Header::Range { index, iter });
        }
        let seq = self.sequence(expr)?;
        let index = self.func.new_var("i", Shape::Other);
        let iter = Expr::Range {
            start: Box::new(Expr::Atom(Atom::Const(syn::parse_quote!(0)))),
            end: Box::new(Expr::Atom(seq.len)),
            inclusive: false,
        };
        binds.push((pat.clone(), seq.item));
        Some(Header::Range { index, iter })
    }

    /// `a..b`, `a..=b`, with `.rev()` and `.step_by(k)`: the iterator expression.
    fn range_iter(&mut self, e: &syn::Expr) -> Option<Expr> {
        match e {
            syn::Expr::Paren(p) => self.range_iter(&p.expr),
            syn::Expr::Group(g) => self.range_iter(&g.expr),
            syn::Expr::Range(r) => {
                let (Some(start), Some(end)) = (&r.start, &r.end) else {
                    self.unsupported(r, "an open range", "give both bounds");
                    // Reported: iterate over nothing rather than report again.
                    let zero: syn::Expr = syn::parse_quote!(0);
                    return Some(Expr::Range {
                        start: Box::new(Expr::Atom(Atom::Const(zero.clone()))),
                        end: Box::new(Expr::Atom(Atom::Const(zero))),
                        inclusive: false,
                    });
                };
                let start = self.operand(start);
                let end = self.operand(end);
                let inclusive = matches!(r.limits, syn::RangeLimits::Closed(_));
                Some(Expr::Range {
                    start: Box::new(Expr::Atom(start)),
                    end: Box::new(Expr::Atom(end)),
                    inclusive,
                })
            }
            syn::Expr::MethodCall(m)
                if (m.method == "rev" && m.args.is_empty())
                    || (m.method == "step_by" && m.args.len() == 1) =>
            {
                let inner = self.range_iter(&m.receiver)?;
                let args = m.args.iter().map(|a| Expr::Atom(self.operand(a))).collect();
                Some(Expr::Method {
                    recv: Box::new(inner),
                    method: m.method.clone(),
                    turbofish: None,
                    args,
                })
            }
            _ => None,
        }
    }

    /// The sequence `e` walks (see the module doc); `None` once reported.
    fn sequence(&mut self, e: &syn::Expr) -> Option<Seq> {
        let span = e.span();
        let method = match e {
            syn::Expr::Paren(p) => return self.sequence(&p.expr),
            syn::Expr::Group(g) => return self.sequence(&g.expr),
            syn::Expr::Reference(r) if r.mutability.is_none() => return self.sequence(&r.expr),
            syn::Expr::MethodCall(m) => Some((m.method.to_string(), m)),
            _ => None,
        };
        let Some((name, m)) = method else { return self.leaf(e, false) };
        let arg = |l: &mut Self| -> Atom { l.operand(&m.args[0]) };
        match (name.as_str(), m.args.len()) {
            ("iter" | "into_iter" | "copied" | "cloned", 0) => self.sequence(&m.receiver),
            ("iter_mut", 0) => self.leaf(&m.receiver, true),
            ("enumerate", 0) => {
                let inner = self.sequence(&m.receiver)?;
                Some(Seq {
                    item: Item::Pair(Box::new(Item::Index), Box::new(inner.item)),
                    len: inner.len,
                })
            }
            ("zip", 1) => {
                let a = self.sequence(&m.receiver)?;
                let b = self.sequence(&m.args[0])?;
                let len = self.usize_method(a.len, "min", vec![b.len], span);
                Some(Seq { item: Item::Pair(Box::new(a.item), Box::new(b.item)), len })
            }
            ("skip", 1) => {
                let inner = self.sequence(&m.receiver)?;
                let k = arg(self);
                let len = self.usize_method(inner.len, "saturating_sub", vec![k.clone()], span);
                Some(Seq { item: Item::At(Box::new(inner.item), Pos::Add(k)), len })
            }
            ("take", 1) => {
                let inner = self.sequence(&m.receiver)?;
                let k = arg(self);
                let len = self.usize_method(inner.len, "min", vec![k], span);
                Some(Seq { item: inner.item, len })
            }
            ("step_by", 1) => {
                let inner = self.sequence(&m.receiver)?;
                let k = arg(self);
                let len = self.usize_method(inner.len, "div_ceil", vec![k.clone()], span);
                Some(Seq { item: Item::At(Box::new(inner.item), Pos::Mul(k)), len })
            }
            ("rev", 0) => {
                let inner = self.sequence(&m.receiver)?;
                let len = inner.len.clone();
                Some(Seq { item: Item::At(Box::new(inner.item), Pos::Back(inner.len)), len })
            }
            ("windows" | "chunks" | "chunks_exact", 1) => {
                let (base, offset, n) = self.slice_of(&m.receiver)?;
                let k = arg(self);
                let (len, step, width) = match name.as_str() {
                    "windows" => {
                        // `n + 1 - k` windows, none when `k > n` (and `k = 0` panics in
                        // Rust: so does the `assert!` below).
                        self.assert_positive(&k, span);
                        let n1 = self.usize_binary(BinOp::Add, n, one(), span);
                        let len = self.usize_method(n1, "saturating_sub", vec![k.clone()], span);
                        (len, None, Width::Exact(k))
                    }
                    "chunks" => {
                        let len = self.usize_method(n.clone(), "div_ceil", vec![k.clone()], span);
                        (len, Some(k.clone()), Width::UpTo(k, n))
                    }
                    _ => {
                        let len = self.usize_binary(BinOp::Div, n, k.clone(), span);
                        (len, Some(k.clone()), Width::Exact(k))
                    }
                };
                Some(Seq { item: Item::View(Box::new(Window { base, offset, step, width })), len })
            }
            (other, _) if ADAPTORS.contains(&other) => {
                self.errors.at(&m.method, diag::iterator_adaptor(other));
                None
            }
            _ => self.leaf(e, false),
        }
    }

    /// A sequence of elements: a tensor, a view, or an indexable constant.
    fn leaf(&mut self, e: &syn::Expr, by_ref: bool) -> Option<Seq> {
        let span = e.span();
        if by_ref {
            let v = self.lower_expr(e, None);
            let Value::Atom(Atom::Var(y)) = v else {
                self.errors.at(e, diag::STORE_TARGET);
                return None;
            };
            if !self.mutable_tensors.contains(&y) {
                self.errors.at(e, diag::STORE_TARGET);
                return None;
            }
            let len = self.usize_method(Atom::Var(y), "len", Vec::new(), span);
            return Some(Seq { item: Item::Elem { base: Atom::Var(y), by_ref: true }, len });
        }
        let (base, offset, len) = self.slice_of(e)?;
        let item = Item::Elem { base, by_ref: false };
        let item = match offset {
            Some(k) => Item::At(Box::new(item), Pos::Add(k)),
            None => item,
        };
        Some(Seq { item, len })
    }

    /// What `e` gives elements of: a tensor or an indexable constant, with the offset of
    /// a view or sub-slice into it, and the length.
    fn slice_of(&mut self, e: &syn::Expr) -> Option<(Atom, Option<Atom>, Atom)> {
        let span = e.span();
        let a = match self.lower_expr(e, None) {
            Value::View(w) => return Some((w.base, Some(w.start), w.len)),
            v => self.atom(v, span),
        };
        if let Some((_, 2)) = self.linalg_of(&a) {
            self.errors.at(e, diag::MATRIX_ITERATION);
            return None;
        }
        // A float scalar is not a sequence; anything else that is not a tensor is a
        // constant (a `const` array, a slice of tuples), read by index like one, which
        // rustc checks.
        if self.shape_of(&a) == Shape::Scalar {
            self.unsupported(e, "iterating over this expression", "iterate over a range (`0..n`) or over an array, slice or `Vec` (`x.iter()`, `.enumerate()`, `.zip(..)`)");
            return None;
        }
        let len = self.usize_method(a.clone(), "len", Vec::new(), span);
        Some((a, None, len))
    }

    /// The value of one step's item at `index`, bound in the loop body.
    pub(super) fn item_value(&mut self, item: &Item, index: Var, span: Span) -> Value {
        self.item_at(item, Atom::Var(index), span)
    }

    fn item_at(&mut self, item: &Item, p: Atom, span: Span) -> Value {
        match item {
            Item::Index => Value::Atom(p),
            Item::Elem { base, by_ref: false } => {
                let item = self.project(base.clone(), Proj::Index(p), span, None);
                if let Value::Atom(Atom::Place(v, _)) = &item {
                    if !self.shape_of(&Atom::Var(*v)).is_float() {
                        self.borrowed.insert(*v);
                    }
                }
                item
            }
            Item::Elem { base, by_ref: true } => {
                match self.project(base.clone(), Proj::Index(p), span, None) {
                    Value::Atom(place) => Value::MutRef(place),
                    other => other,
                }
            }
            Item::Pair(a, b) => {
                Value::Tuple(vec![self.item_at(a, p.clone(), span), self.item_at(b, p, span)])
            }
            Item::At(inner, pos) => {
                let q = match pos {
                    Pos::Add(k) => self.usize_binary(BinOp::Add, p, k.clone(), span),
                    Pos::Mul(k) => self.usize_binary(BinOp::Mul, p, k.clone(), span),
                    Pos::Back(n) => {
                        let last = self.usize_binary(BinOp::Sub, n.clone(), one(), span);
                        self.usize_binary(BinOp::Sub, last, p, span)
                    }
                };
                self.item_at(inner, q, span)
            }
            Item::View(w) => {
                let Window { base, offset, step, width } = &**w;
                let start = match step {
                    Some(k) => self.usize_binary(BinOp::Mul, p, k.clone(), span),
                    None => p,
                };
                let len = match width {
                    Width::Exact(k) => k.clone(),
                    Width::UpTo(k, n) => {
                        let left = self.usize_binary(BinOp::Sub, n.clone(), start.clone(), span);
                        self.usize_method(left, "min", vec![k.clone()], span)
                    }
                };
                let start = match offset {
                    Some(o) => self.usize_binary(BinOp::Add, o.clone(), start, span),
                    None => start,
                };
                Value::View(Box::new(View { base: base.clone(), start, len }))
            }
        }
    }

    /// `view[j]`: the element of the tensor under the view, after a check that `j` is in
    /// the view.
    pub(super) fn view_element(
        &mut self,
        View { base, start, len }: View,
        j: Atom,
        span: Span,
        hint: Option<&str>,
    ) -> Value {
        if !below(&j, &len) {
            self.assert_below(&j, &len, span);
        }
        let at = match literal(&j) {
            Some(0) => start,
            _ => self.usize_binary(BinOp::Add, start, j, span),
        };
        self.element(base, at, span, hint)
    }

    /// `x[a..b]`, `x[a..]`, `x[..b]`, `x[..]` (of a tensor, a view or a constant): a
    /// view, after Rust's own checks of the bounds (`x[a..b]` is evaluated and dropped,
    /// so that bounds out of range panic as they would).
    pub(super) fn lower_subslice(
        &mut self,
        base: &syn::Expr,
        range: &syn::ExprRange,
        span: Span,
    ) -> Value {
        let Some((root, offset, n)) = self.slice_of(base) else { return Value::Unit };
        let a = range.start.as_ref().map(|s| self.operand(s));
        let b = range.end.as_ref().map(|e| {
            let b = self.operand(e);
            match range.limits {
                syn::RangeLimits::Closed(_) => self.usize_binary(BinOp::Add, b, one(), span),
                syn::RangeLimits::HalfOpen(_) => b,
            }
        });
        // Rust's checks of the bounds: `a <= b` and `b <= n`.
        let checks: Vec<Expr> = match (&a, &b) {
            (None, None) => Vec::new(),
            (Some(a), None) => vec![le(a, &n)],
            (None, Some(b)) => vec![le(b, &n)],
            (Some(a), Some(b)) => vec![le(a, b), le(b, &n)],
        };
        if let Some(cond) = checks.into_iter().reduce(|x, y| Expr::bin(BinOp::BitAnd, x, y)) {
            self.assert(cond, "a sub-slice's range is out of bounds", span);
        }
        let a = a.unwrap_or_else(zero);
        let b = b.unwrap_or(n);
        let len = self.usize_binary(BinOp::Sub, b, a.clone(), span);
        let start = match offset {
            Some(o) => self.usize_binary(BinOp::Add, o, a, span),
            None => a,
        };
        Value::View(Box::new(View { base: root, start, len }))
    }

    fn assert_below(&mut self, j: &Atom, len: &Atom, span: Span) {
        let cond = Expr::bin(BinOp::Lt, Expr::Atom(j.clone()), Expr::Atom(len.clone()));
        self.assert(cond, "index out of bounds of a window, chunk or sub-slice", span);
    }

    /// `windows(0)` panics in Rust; so does the generated code.
    fn assert_positive(&mut self, k: &Atom, span: Span) {
        if literal(k).is_some_and(|k| k > 0) {
            return;
        }
        let cond = Expr::bin(BinOp::Gt, Expr::Atom(k.clone()), Expr::Atom(zero()));
        self.assert(cond, "window size must be non-zero", span);
    }

    /// `assert!(cond, "message")`, kept in the primal code.
    fn assert(&mut self, cond: Expr, message: &str, span: Span) {
        let call = MacroCall {
            path: syn::parse_quote_spanned!(span=> assert),
            args: vec![MacroArg::Value(cond), MacroArg::Verbatim(syn::parse_quote!(#message))],
        };
        self.push(Stmt::Let { vars: Vec::new(), value: Expr::Macro(Box::new(call)), span });
    }

    /// `recv.method(args)` on `usize`s (a length), bound to a new variable.
    fn usize_method(&mut self, recv: Atom, method: &str, args: Vec<Atom>, span: Span) -> Atom {
        let e = Expr::Method {
            recv: Box::new(Expr::Atom(recv)),
            method: syn::Ident::new(method, span),
            turbofish: None,
            args: args.into_iter().map(Expr::Atom).collect(),
        };
        let v = self.bind(e, Some("n"), Shape::Other, span);
        self.atom(v, span)
    }

    /// `a op b` on `usize`s (a position), bound to a new variable (`p + 0`, `p * 1` are
    /// `p`).
    fn usize_binary(&mut self, op: BinOp, a: Atom, b: Atom, span: Span) -> Atom {
        match (op, literal(&b)) {
            (BinOp::Add | BinOp::Sub, Some(0)) | (BinOp::Mul | BinOp::Div, Some(1)) => return a,
            _ => {}
        }
        let v =
            self.bind(Expr::bin(op, Expr::Atom(a), Expr::Atom(b)), Some("at"), Shape::Other, span);
        self.atom(v, span)
    }
}

fn zero() -> Atom {
    Atom::Const(syn::parse_quote!(0))
}

fn le(a: &Atom, b: &Atom) -> Expr {
    Expr::bin(BinOp::Le, Expr::Atom(a.clone()), Expr::Atom(b.clone()))
}

fn one() -> Atom {
    Atom::Const(syn::parse_quote!(1))
}

/// The value of an integer literal atom.
fn literal(a: &Atom) -> Option<u128> {
    match a {
        Atom::Const(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. })) => {
            i.base10_parse().ok()
        }
        _ => None,
    }
}

/// Whether literals show `j < len`.
fn below(j: &Atom, len: &Atom) -> bool {
    matches!((literal(j), literal(len)), (Some(j), Some(n)) if j < n)
}
