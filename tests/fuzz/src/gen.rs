//! Random functions in the supported subset of `#[differentiate]`.
//!
//! Shared, by `#[path]`, between the expansion fuzz of `autodiff-macros`
//! (`autodiff-macros/src/fuzz.rs`, a proptest `Strategy` over choice sequences) and the
//! differential fuzzer of `tests/fuzz` (seeded choice sequences, compiled and checked
//! against finite differences). Standard library only.
//!
//! A program is built from a sequence of choices (`u32`s): every decision takes the next
//! one modulo its number of options, and an exhausted sequence answers 0, which is always
//! the simplest option (stop adding statements, a leaf expression, the first variable).
//! So shrinking the sequence (shorter, smaller numbers), as proptest does, shrinks the
//! program, and any sequence gives a program in the subset.
//!
//! What is generated (see `docs/FUZZING.md`): parameters `x: &[f64]`, `x: &[f64; 3]`,
//! `z: [f64; 2]`, scalars (some `mut`) and a constant `m: usize`; `let`, `let mut`,
//! shadowing, typed `let`, tuple `let`, reassignment and `+= -= *= /=`; `if`/`else if`/
//! `else` on comparisons of active values (and of loop indices), `&&`, `||`, `!`; `for`
//! over ranges (`.rev()`, `.step_by(2)`, `..=`), over slices (`for &v in x.iter()`,
//! `.enumerate()`), `while` and `loop` with a bounded counter, `break`/`continue`
//! (labelled too), `return` from an `if`; integer counters stepped in `for` loops; local
//! arrays `[0.0; N]`, `vec![0.0; N]`, copies `x.to_vec()`, `Vec::new()` with `push`,
//! read and written by index; `match` on integers; block expressions; iterator chains
//! (`map`/`zip`/`sum`/`product`/`fold`); the float methods (method and `f64::` path
//! forms) with arguments kept in their domain (`(e * e + 1.0).ln()`,
//! `(e * e + 0.5).sqrt()`, `e.tanh().exp()`); calls of the helpers `h_sq`, `h_mix` and
//! `h_sum` (see [`HELPERS_SOURCE`]); conversions between float types through num-traits,
//! `From` and `Into` (`e.to_f64().unwrap()`, `<f64 as num_traits::NumCast>::from(e).unwrap()`,
//! `f64::from_f64(e).expect(..)`, `num_traits::cast`, `f64::from(e)`, `.into()`); loops
//! and chains through the adaptors `.rev()`, `.take(k)`, `.step_by(k)`, `.skip(k)`,
//! `.zip(s.iter().skip(k))`, `.enumerate().skip(k)` and over sub-slices (`&x[a..]`,
//! `x[..b].iter()`, `x[a..=b].iter()`), over `.windows(2)` and `.chunks(2)` (their views
//! read by constant index, a chunk summed too), `.iter_mut()` over a `let mut` copy;
//! `max_by`/`min_by` in chains; closures bound to locals and called later (a captured
//! local sometimes shadowed before the call); `if` choosing between whole arrays.
// Each user of this file uses part of it.
#![allow(dead_code)]

use std::fmt::Write as _;

/// What a generated program may contain.
#[derive(Clone, Debug)]
pub struct Options {
    /// Calls of the helpers of [`HELPERS_SOURCE`].
    pub helpers: bool,
    /// Statements at most, nested ones included.
    pub max_statements: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { helpers: true, max_statements: 16 }
    }
}

/// The differentiated helpers generated programs call, to be compiled beside them.
pub const HELPERS_SOURCE: &str = r#"use autodiff_core::differentiate;

#[differentiate(order = 2)]
pub fn h_sq(a: f64) -> f64 {
    a * a + a.sin()
}

#[differentiate(order = 2)]
pub fn h_mix(a: f64, b: f64) -> f64 {
    if a > b {
        a * b.cos()
    } else {
        (a - b).tanh() + b
    }
}

#[differentiate(order = 2)]
pub fn h_sum(v: &[f64], s: f64) -> f64 {
    let mut acc = 0.0;
    for i in 0..v.len() {
        acc += (v[i] * s).sin();
    }
    acc
}
"#;

/// A parameter's kind; lengths are those the differential harness passes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// `f64`, active.
    Scalar,
    /// `&[f64]` of this length, active.
    Slice(usize),
    /// `&[f64; N]`, active.
    ArrayRef(usize),
    /// `[f64; N]` by value, active.
    Array(usize),
    /// `usize`, a constant, passed this value.
    Count(usize),
}

impl ParamKind {
    /// How many floats the parameter contributes to the flattened active inputs.
    pub fn active_len(&self) -> usize {
        match *self {
            ParamKind::Scalar => 1,
            ParamKind::Slice(n) | ParamKind::ArrayRef(n) | ParamKind::Array(n) => n,
            ParamKind::Count(_) => 0,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: &'static str,
    pub kind: ParamKind,
    pub mutable: bool,
}

/// A generated function: `fn <name>(<params>) -> f64 { <body> }`, without attribute.
#[derive(Clone, Debug)]
pub struct Program {
    pub name: String,
    pub params: Vec<Param>,
    /// The body's lines, indented by four spaces, without the braces.
    pub body: String,
    /// Whether it calls a helper of [`HELPERS_SOURCE`].
    pub calls_helpers: bool,
}

impl Program {
    pub fn signature(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|p| {
                let ty = match p.kind {
                    ParamKind::Scalar => "f64".to_string(),
                    ParamKind::Slice(_) => "&[f64]".to_string(),
                    ParamKind::ArrayRef(n) => format!("&[f64; {n}]"),
                    ParamKind::Array(n) => format!("[f64; {n}]"),
                    ParamKind::Count(_) => "usize".to_string(),
                };
                format!("{}{}: {ty}", if p.mutable { "mut " } else { "" }, p.name)
            })
            .collect();
        format!("fn {}({}) -> f64", self.name, params.join(", "))
    }

    /// The function's source text.
    pub fn source(&self) -> String {
        format!("{} {{\n{}}}\n", self.signature(), self.body)
    }

    /// The number of active inputs, flattened.
    pub fn active_len(&self) -> usize {
        self.params.iter().map(|p| p.kind.active_len()).sum()
    }
}

/// A deterministic pseudo-random source (SplitMix64), for choice sequences and points.
#[derive(Clone, Debug)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[lo, hi)`.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        let unit = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        lo + (hi - lo) * unit
    }

    /// `n` choices for [`generate`].
    pub fn choices(&mut self, n: usize) -> Vec<u32> {
        (0..n).map(|_| (self.next_u64() >> 32) as u32).collect()
    }
}

/// Builds the program the choices describe.
pub fn generate(name: &str, choices: &[u32], opts: &Options) -> Program {
    let mut g = Gen {
        choices,
        pos: 0,
        opts,
        scope: Vec::new(),
        lines: Vec::new(),
        indent: 1,
        next_id: 0,
        budget: opts.max_statements,
        loops: Vec::new(),
        nesting: 0,
        in_closure: false,
        calls_helpers: false,
        frozen: Vec::new(),
    };
    let params = g.params();
    for p in &params {
        let kind = match p.kind {
            ParamKind::Scalar => Kind::Float { mutable: p.mutable },
            ParamKind::Slice(n) => {
                Kind::Seq { len: n, writable: false, len_expr: "x.len()", by_ref: true }
            }
            ParamKind::ArrayRef(n) => {
                Kind::Seq { len: n, writable: false, len_expr: "", by_ref: true }
            }
            ParamKind::Array(n) => {
                Kind::Seq { len: n, writable: false, len_expr: "", by_ref: false }
            }
            ParamKind::Count(v) => Kind::Count { value: v },
        };
        g.scope.push(Var { name: p.name.to_string(), kind });
    }
    let top = 1 + g.pick(6);
    g.statements(top);
    let tail = g.tail();
    g.line(tail);
    Program {
        name: name.to_string(),
        params,
        body: g.lines.join(""),
        calls_helpers: g.calls_helpers,
    }
}

#[derive(Clone, Debug)]
enum Kind {
    Float {
        mutable: bool,
    },
    /// A slice, array or `Vec` of known length; `len_expr` is how the program may spell
    /// its length (`x.len()`), empty for the literal length.
    Seq {
        len: usize,
        writable: bool,
        len_expr: &'static str,
        /// A parameter taken by reference (`&[f64]`, `&[f64; N]`): iterates as `&f64`
        /// with `for &v in x`, and is passed on as it is.
        by_ref: bool,
    },
    /// A loop index or counter, always below `bound` where it can be read.
    Index {
        bound: usize,
    },
    /// The constant parameter `m`.
    Count {
        value: usize,
    },
    /// A window or chunk of a loop over `.windows(2)` or `.chunks(2)`: read by `w[j]` for
    /// `j < len` only (a view used as a whole value is refused), and by
    /// `w.iter().sum::<f64>()` when `sum`.
    View {
        len: usize,
        sum: bool,
    },
    /// A closure `|t: f64| ..` bound to a local, called with one float.
    Closure,
}

#[derive(Clone, Debug)]
struct Var {
    name: String,
    kind: Kind,
}

/// An expression's text, whether it is an atom (needs no parentheses as an operand or
/// receiver), and whether its type is known to be `f64` (else it is a `{float}` made of
/// literals only, which cannot be a method receiver).
#[derive(Clone, Debug)]
struct E {
    s: String,
    atom: bool,
    typed: bool,
}

impl E {
    fn atom(s: impl Into<String>, typed: bool) -> E {
        E { s: s.into(), atom: true, typed }
    }
    fn compound(s: impl Into<String>, typed: bool) -> E {
        E { s: s.into(), atom: false, typed }
    }
    /// As an operand or receiver.
    fn op(&self) -> String {
        if self.atom {
            self.s.clone()
        } else {
            format!("({})", self.s)
        }
    }
}

struct Loop {
    label: Option<String>,
}

struct Gen<'a> {
    choices: &'a [u32],
    pos: usize,
    opts: &'a Options,
    scope: Vec<Var>,
    lines: Vec<String>,
    indent: usize,
    next_id: usize,
    budget: usize,
    loops: Vec<Loop>,
    /// `if` and loop nesting of the statement being generated.
    nesting: usize,
    in_closure: bool,
    calls_helpers: bool,
    /// Sequences a loop is iterating over, which its body must not write.
    frozen: Vec<String>,
}

const LITERALS: [&str; 9] = ["0.5", "1.5", "2.0", "0.25", "3.0", "1.0", "0.75", "-0.5", "-2.0"];

impl Gen<'_> {
    // ---- choices --------------------------------------------------------------------

    /// A number below `n` (0 once the choices run out).
    fn pick(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        let v = self.choices.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        v as usize % n
    }

    /// An index into `weights`, with probability proportional to the weight; the first
    /// option with a weight once the choices run out.
    fn weighted(&mut self, weights: &[usize]) -> usize {
        let total: usize = weights.iter().sum();
        let mut r = self.pick(total);
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i;
            }
            r -= w;
        }
        0
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.pick(one_in) == one_in - 1
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}{}", self.next_id - 1)
    }

    fn line(&mut self, s: impl AsRef<str>) {
        let mut l = "    ".repeat(self.indent);
        l.push_str(s.as_ref());
        l.push('\n');
        self.lines.push(l);
    }

    // ---- scope ----------------------------------------------------------------------

    /// The variables a name refers to now: the last binding of each name.
    fn visible(&self) -> Vec<&Var> {
        self.scope
            .iter()
            .enumerate()
            .filter(|(i, v)| !self.scope[i + 1..].iter().any(|w| w.name == v.name))
            .map(|(_, v)| v)
            .collect()
    }

    fn floats(&self, mutable_only: bool) -> Vec<String> {
        self.visible()
            .into_iter()
            .filter(|v| match v.kind {
                Kind::Float { mutable } => mutable || !mutable_only,
                _ => false,
            })
            .map(|v| v.name.clone())
            .collect()
    }

    fn seqs(&self, writable_only: bool) -> Vec<(String, usize, &'static str)> {
        self.visible()
            .into_iter()
            .filter_map(|v| match v.kind {
                Kind::Seq { len, writable, len_expr, .. }
                    if !writable_only || (writable && !self.frozen.contains(&v.name)) =>
                {
                    Some((v.name.clone(), len, len_expr))
                }
                _ => None,
            })
            .collect()
    }

    /// The parameters taken by reference: name and length.
    fn ref_params(&self) -> Vec<(String, usize)> {
        self.visible()
            .into_iter()
            .filter_map(|v| match v.kind {
                Kind::Seq { len, by_ref: true, .. } => Some((v.name.clone(), len)),
                _ => None,
            })
            .collect()
    }

    fn indices(&self) -> Vec<(String, usize)> {
        self.visible()
            .into_iter()
            .filter_map(|v| match v.kind {
                Kind::Index { bound } => Some((v.name.clone(), bound)),
                _ => None,
            })
            .collect()
    }

    fn views(&self) -> Vec<(String, usize, bool)> {
        self.visible()
            .into_iter()
            .filter_map(|v| match v.kind {
                Kind::View { len, sum } => Some((v.name.clone(), len, sum)),
                _ => None,
            })
            .collect()
    }

    fn closures(&self) -> Vec<String> {
        self.visible()
            .into_iter()
            .filter(|v| matches!(v.kind, Kind::Closure))
            .map(|v| v.name.clone())
            .collect()
    }

    fn count(&self) -> Option<(String, usize)> {
        self.visible().into_iter().find_map(|v| match v.kind {
            Kind::Count { value } => Some((v.name.clone(), value)),
            _ => None,
        })
    }

    fn pick_from<T: Clone>(&mut self, items: &[T]) -> T {
        let i = self.pick(items.len());
        items[i].clone()
    }

    // ---- parameters -----------------------------------------------------------------

    fn params(&mut self) -> Vec<Param> {
        let slice_len = 2 + self.pick(3);
        let y_mut = self.chance(4);
        let p = |name, kind, mutable| Param { name, kind, mutable };
        match self.pick(6) {
            0 => vec![p("x", ParamKind::Slice(slice_len), false), p("y", ParamKind::Scalar, y_mut)],
            1 => vec![p("a", ParamKind::Scalar, y_mut), p("b", ParamKind::Scalar, false)],
            2 => vec![p("x", ParamKind::ArrayRef(3), false), p("y", ParamKind::Scalar, y_mut)],
            3 => vec![p("x", ParamKind::Slice(slice_len), false)],
            4 => vec![
                p("x", ParamKind::Slice(slice_len), false),
                p("y", ParamKind::Scalar, y_mut),
                p("m", ParamKind::Count(3), false),
            ],
            _ => vec![p("a", ParamKind::Scalar, y_mut), p("z", ParamKind::Array(2), false)],
        }
    }

    // ---- expressions ----------------------------------------------------------------

    fn literal(&mut self) -> E {
        let l = self.pick_from(&LITERALS);
        if l.starts_with('-') {
            E::compound(l, false)
        } else {
            E::atom(l, false)
        }
    }

    /// An index into a sequence of length `len` spelled `len_expr` (or literally).
    fn index(&mut self, name: &str, len: usize, len_expr: &str) -> String {
        let len_s = if len_expr.is_empty() { len.to_string() } else { len_expr.to_string() };
        let _ = name;
        let idx = self.indices();
        let in_range: Vec<(String, usize)> =
            idx.iter().filter(|(_, b)| *b <= len).cloned().collect();
        match self.weighted(&[
            3,
            4 * usize::from(!in_range.is_empty()),
            2 * usize::from(!idx.is_empty()),
            usize::from(!in_range.is_empty()),
        ]) {
            1 => self.pick_from(&in_range).0,
            2 => {
                let (i, _) = self.pick_from(&idx);
                if self.chance(2) {
                    format!("({i} + 1) % {len_s}")
                } else {
                    format!("{i} % {len_s}")
                }
            }
            3 => {
                let (i, _) = self.pick_from(&in_range);
                format!("{len_s} - 1 - {i}")
            }
            _ => self.pick(len).to_string(),
        }
    }

    fn leaf(&mut self) -> E {
        let floats = self.floats(false);
        let seqs = self.seqs(false);
        let idx = self.indices();
        let views = self.views();
        let w = [
            6 * usize::from(!floats.is_empty()),
            4 * usize::from(!seqs.is_empty()),
            2,
            usize::from(!idx.is_empty()),
            4 * usize::from(!views.is_empty()),
        ];
        match self.weighted(&w) {
            4 => {
                let (v, len, sum) = self.pick_from(&views);
                if sum && self.chance(2) {
                    E::atom(format!("{v}.iter().sum::<f64>()"), true)
                } else {
                    let j = self.pick(len);
                    E::atom(format!("{v}[{j}]"), true)
                }
            }
            0 => E::atom(self.pick_from(&floats), true),
            1 => {
                let (s, len, len_expr) = self.pick_from(&seqs);
                let i = self.index(&s, len, len_expr);
                E::atom(format!("{s}[{i}]"), true)
            }
            3 => {
                let (i, _) = self.pick_from(&idx);
                E::atom(format!("({i} as f64)"), true)
            }
            _ => self.literal(),
        }
    }

    /// A positive value made of `e`.
    fn positive(&mut self, depth: usize) -> E {
        let e = self.expr(depth);
        match self.pick(3) {
            0 => E::atom(format!("({} * {} + 1.0)", e.op(), e.op()), e.typed),
            1 => E::atom(format!("({} * {} + 0.5)", e.op(), e.op()), e.typed),
            _ => {
                let a = self.method(&e, "abs", "");
                E::atom(format!("(0.25 + {})", a.s), true)
            }
        }
    }

    /// `recv.name(args)`, or `f64::name(recv, args)` when the receiver's type is not known
    /// (and sometimes anyway).
    fn method(&mut self, recv: &E, name: &str, args: &str) -> E {
        let path = !recv.typed || self.chance(5);
        let s = if path {
            if args.is_empty() {
                format!("f64::{name}({})", recv.s)
            } else {
                format!("f64::{name}({}, {args})", recv.s)
            }
        } else {
            format!("{}.{name}({args})", recv.op())
        };
        E::atom(s, true)
    }

    /// An expression of depth from 1 to `max - 1`.
    fn expr_upto(&mut self, max: usize) -> E {
        let depth = 1 + self.pick(max - 1);
        self.expr(depth)
    }

    fn cond_upto(&mut self, max: usize) -> String {
        let depth = 1 + self.pick(max - 1);
        self.cond(depth)
    }

    fn expr(&mut self, depth: usize) -> E {
        if depth == 0 {
            return self.leaf();
        }
        let d = depth - 1;
        let helpers = self.opts.helpers && !self.in_closure;
        let has_idx = !self.indices().is_empty() || self.count().is_some();
        let seqs = !self.seqs(false).is_empty();
        let closures = !self.in_closure && !self.closures().is_empty();
        let w = [
            6,                                     // leaf
            8,                                     // binary operator
            5,                                     // method of any real
            3,                                     // method of a positive value
            3,                                     // method with two operands
            1,                                     // negation
            2,                                     // if expression
            2 * usize::from(helpers),              // helper call
            1,                                     // block expression
            usize::from(!self.in_closure && seqs), // iterator chain
            usize::from(has_idx),                  // match on an integer
            2,                                     // conversion between float types
            3 * usize::from(closures),             // closure call
        ];
        match self.weighted(&w) {
            1 => {
                let a = self.expr(d);
                let op = self.pick_from(&["+", "-", "*", "/", "+", "*", "%"]);
                let b = match op {
                    "/" => match self.pick(3) {
                        0 => self.positive(d),
                        1 => self.literal(),
                        _ => self.expr(d),
                    },
                    "%" => E::atom("1.5", false),
                    _ => self.expr(d),
                };
                let typed = a.typed || b.typed;
                E::compound(format!("{} {op} {}", a.op(), b.op()), typed)
            }
            2 => {
                let a = self.expr(d);
                let (name, args) = self.pick_from(&[
                    ("sin", ""),
                    ("cos", ""),
                    ("tanh", ""),
                    ("atan", ""),
                    ("abs", ""),
                    ("asinh", ""),
                    ("powi", "2"),
                    ("powi", "3"),
                    ("exp", "*"),
                    ("exp_m1", "*"),
                    ("sinh", "*"),
                    ("clamp", "-1.0, 1.0"),
                    ("signum", ""),
                    ("floor", ""),
                    ("mul_add", "2.0, 0.5"),
                    ("to_degrees", ""),
                ]);
                if args == "*" {
                    // Keep the argument of a fast-growing function bounded.
                    let inner = self.pick_from(&["tanh", "sin", "cos"]);
                    let b = self.method(&a, inner, "");
                    self.method(&b, name, "")
                } else {
                    self.method(&a, name, args)
                }
            }
            3 => {
                let (name, args) = self.pick_from(&[
                    ("ln", ""),
                    ("sqrt", ""),
                    ("ln_1p", ""),
                    ("log2", ""),
                    ("log10", ""),
                    ("cbrt", ""),
                    ("recip", ""),
                    ("powf", "0.75"),
                    ("powf", "1.5"),
                    ("powi", "-1"),
                    ("powi", "-2"),
                    ("log", "2.5"),
                ]);
                let p = self.positive(d);
                self.method(&p, name, args)
            }
            4 => {
                let a = self.expr(d);
                let b = self.expr(d);
                match self.pick(6) {
                    0 => self.method(&a, "atan2", &b.s),
                    1 => self.method(&a, "hypot", &b.s),
                    2 => self.method(&a, "min", &b.s),
                    3 => self.method(&a, "max", &b.s),
                    4 => {
                        let c = self.expr(d);
                        self.method(&a, "mul_add", &format!("{}, {}", b.s, c.s))
                    }
                    _ => {
                        let p = self.positive(d.saturating_sub(1));
                        let e = self.method(&b, "tanh", "");
                        self.method(&p, "powf", &e.s)
                    }
                }
            }
            5 => {
                let a = self.expr(d);
                E::compound(format!("-{}", a.op()), a.typed)
            }
            6 => {
                let c = self.cond(d);
                let a = self.expr(d);
                let b = self.expr(d);
                let typed = a.typed || b.typed;
                E::compound(format!("if {c} {{ {} }} else {{ {} }}", a.s, b.s), typed)
            }
            7 => {
                self.calls_helpers = true;
                let seqs = self.seqs(false);
                match self.weighted(&[2, 2, 2 * usize::from(!seqs.is_empty())]) {
                    0 => {
                        let a = self.expr(d);
                        E::atom(format!("h_sq({})", a.s), true)
                    }
                    1 => {
                        let a = self.expr(d);
                        let b = self.expr(d);
                        E::atom(format!("h_mix({}, {})", a.s, b.s), true)
                    }
                    _ => {
                        let (s, _, _) = self.pick_from(&seqs);
                        let a = self.expr(d);
                        // A parameter by reference is passed as it is, anything else
                        // borrowed.
                        let by_ref = self.ref_params().iter().any(|(p, _)| *p == s);
                        let arg = if by_ref { s } else { format!("&{s}") };
                        E::atom(format!("h_sum({arg}, {})", a.s), true)
                    }
                }
            }
            8 => {
                let mark = self.scope.len();
                let a = self.expr(d);
                let t = self.fresh("t");
                self.scope.push(Var { name: t.clone(), kind: Kind::Float { mutable: false } });
                let b = self.expr(d);
                self.scope.truncate(mark);
                let ann = if a.typed { "" } else { ": f64" };
                // Not an atom: a block first in a statement would end there.
                E::compound(format!("{{ let {t}{ann} = {}; {} * {t} }}", a.s, b.op()), true)
            }
            9 => self.chain(d),
            10 => {
                let mut ints: Vec<String> = self.indices().into_iter().map(|(n, _)| n).collect();
                if let Some((m, _)) = self.count() {
                    ints.push(m);
                }
                let i = self.pick_from(&ints);
                let a = self.expr(d);
                let b = self.expr(d);
                let c = self.expr(d);
                let typed = a.typed || b.typed || c.typed;
                let s = if self.chance(2) {
                    format!("match {i} % 3 {{ 0 => {}, 1 => {}, _ => {} }}", a.s, b.s, c.s)
                } else {
                    format!("match {i} {{ 0 => {}, 1..=2 => {}, _ => {} }}", a.s, b.s, c.s)
                };
                E::compound(s, typed)
            }
            11 => {
                // Conversions through num-traits and `From`/`Into`, to the same float type
                // (to f32 and back would round below what central differences resolve):
                // each must carry the derivative, never end it.
                let a = self.expr(d);
                let s = match self.pick(6) {
                    0 => format!("{}.to_f64().unwrap()", a.op()),
                    1 => format!("<f64 as num_traits::NumCast>::from({}).unwrap()", a.s),
                    2 => format!("f64::from_f64({}).expect(\"a float\")", a.s),
                    3 => format!("num_traits::cast::<f64, f64>({}).unwrap()", a.s),
                    4 => format!("f64::from({})", a.s),
                    _ => {
                        let t = self.fresh("t");
                        let ann = if a.typed { "" } else { ": f64" };
                        return E::compound(
                            format!("{{ let {t}{ann} = {}; let {t}: f64 = {t}.into(); {t} }}", a.s),
                            true,
                        );
                    }
                };
                E::atom(s, true)
            }
            12 => {
                let closures = self.closures();
                let g = self.pick_from(&closures);
                let a = self.expr(d);
                E::atom(format!("{g}({})", a.s), true)
            }
            _ => self.leaf(),
        }
    }

    /// `s` (of length `len`, at least 2) through an adaptor or as a sub-slice, yielding
    /// `&f64`: the source text and how many items it yields, always at least one. `for_loop`
    /// allows the form `&s[a..]`, which a chain cannot start with.
    fn adapted(&mut self, s: &str, len: usize, for_loop: bool) -> (String, usize) {
        match self.pick(7) {
            0 => (format!("{s}.iter().rev()"), len),
            1 => {
                let k = 1 + self.pick(len);
                (format!("{s}.iter().take({k})"), k)
            }
            2 => {
                let k = 1 + self.pick(3);
                (format!("{s}.iter().step_by({k})"), len.div_ceil(k))
            }
            3 => {
                let k = 1 + self.pick(len - 1);
                (format!("{s}.iter().skip({k})"), len - k)
            }
            4 => {
                let a = self.pick(len);
                if for_loop && self.chance(2) {
                    (format!("&{s}[{a}..]"), len - a)
                } else {
                    (format!("{s}[{a}..].iter()"), len - a)
                }
            }
            5 => {
                let b = 1 + self.pick(len);
                (format!("{s}[..{b}].iter()"), b)
            }
            _ => {
                let a = self.pick(len);
                let b = a + self.pick(len - a);
                (format!("{s}[{a}..={b}].iter()"), b + 1 - a)
            }
        }
    }

    /// An iterator chain over a sequence, ending in `sum`, `product` or `fold`.
    fn chain(&mut self, depth: usize) -> E {
        let seqs = self.seqs(false);
        let (s, len, _) = self.pick_from(&seqs);
        let mark = self.scope.len();
        self.in_closure = true;
        let v = self.fresh("e");
        let s = match self.pick(8) {
            0 => format!("{s}.iter().copied().sum::<f64>()"),
            1 => {
                self.scope.push(Var { name: v.clone(), kind: Kind::Float { mutable: false } });
                let body = self.expr(depth);
                format!("{s}.iter().map(|&{v}| {}).sum::<f64>()", body.s)
            }
            2 => {
                let (s2, _, _) = self.pick_from(&seqs);
                let w = self.fresh("e");
                self.scope.push(Var { name: v.clone(), kind: Kind::Float { mutable: false } });
                self.scope.push(Var { name: w.clone(), kind: Kind::Float { mutable: false } });
                let body = self.expr(depth);
                format!("{s}.iter().zip({s2}.iter()).map(|(&{v}, &{w})| {}).sum::<f64>()", body.s)
            }
            3 => {
                self.scope.push(Var { name: v.clone(), kind: Kind::Float { mutable: false } });
                let body = self.expr(depth.min(1));
                format!("{s}.iter().map(|&{v}| {}).product::<f64>()", body.s)
            }
            5 => {
                // Through an adaptor or a sub-slice.
                let (src, _) = self.adapted(&s, len, false);
                self.scope.push(Var { name: v.clone(), kind: Kind::Float { mutable: false } });
                let body = self.expr(depth);
                format!("{src}.map(|&{v}| {}).sum::<f64>()", body.s)
            }
            6 => {
                // Each element with the one `k` further on.
                let k = 1 + self.pick(len - 1);
                let w = self.fresh("e");
                self.scope.push(Var { name: v.clone(), kind: Kind::Float { mutable: false } });
                self.scope.push(Var { name: w.clone(), kind: Kind::Float { mutable: false } });
                let body = self.expr(depth);
                format!(
                    "{s}.iter().zip({s}.iter().skip({k})).map(|(&{v}, &{w})| {}).sum::<f64>()",
                    body.s
                )
            }
            7 => {
                // The largest or smallest element, of the sequence, through an adaptor, or
                // of a map; never of an empty source.
                let src = if self.chance(2) {
                    self.adapted(&s, len, false).0
                } else {
                    format!("{s}.iter()")
                };
                let src = if self.chance(2) {
                    format!("{src}.copied()")
                } else {
                    self.scope.push(Var { name: v.clone(), kind: Kind::Float { mutable: false } });
                    let body = self.expr(depth);
                    // A `{float}` body would leave the comparison's receiver untyped.
                    let body = if body.typed { body.s } else { format!("{} * {v}", body.op()) };
                    format!("{src}.map(|&{v}| {body})")
                };
                let which = self.pick_from(&["max_by", "min_by"]);
                let (p, q) = (self.fresh("p"), self.fresh("q"));
                let cmp = if self.chance(4) {
                    format!("{p}.total_cmp({q})")
                } else {
                    format!("{p}.partial_cmp({q}).unwrap()")
                };
                format!("{src}.{which}(|{p}, {q}| {cmp}).unwrap()")
            }
            _ => {
                let acc = self.fresh("acc");
                let init = self.expr(0);
                self.scope.push(Var { name: acc.clone(), kind: Kind::Float { mutable: false } });
                self.scope.push(Var { name: v.clone(), kind: Kind::Float { mutable: false } });
                let body = self.expr(depth);
                let init = if init.typed { init.s } else { format!("{}_f64", init.s) };
                format!("{s}.iter().fold({init}, |{acc}, &{v}| {})", body.s)
            }
        };
        self.in_closure = false;
        self.scope.truncate(mark);
        E::atom(s, true)
    }

    /// A condition: comparisons of active values (mostly), of indices, combined.
    fn cond(&mut self, depth: usize) -> String {
        let idx = self.indices();
        match self.weighted(&[6, 2 * usize::from(!idx.is_empty()), 1, 1, 1]) {
            1 => {
                let (i, _) = self.pick_from(&idx);
                match self.pick(3) {
                    0 => format!("{i} % 2 == 0"),
                    1 => format!("{i} > 1"),
                    _ => format!("{i} == 0"),
                }
            }
            2 => format!("{} && {}", self.cond(0), self.cond(0)),
            3 => format!("{} || {}", self.cond(0), self.cond(0)),
            4 => format!("!({})", self.cond(0)),
            _ => {
                let a = self.expr(depth.min(1));
                let b = if self.chance(2) { self.literal() } else { self.expr(depth.min(1)) };
                let op = self.pick_from(&["<", ">", "<=", ">="]);
                if !a.typed && !b.typed {
                    // Two literals compare, but a typed side reads better.
                    return format!("{} {op} {}", self.leaf().op(), b.op());
                }
                format!("{} {op} {}", a.op(), b.op())
            }
        }
    }

    // ---- statements -----------------------------------------------------------------

    fn statements(&mut self, n: usize) {
        for _ in 0..n {
            if self.budget == 0 {
                break;
            }
            self.budget -= 1;
            self.statement();
        }
    }

    /// A block of statements, its `let`s ending with it.
    fn block(&mut self, n: usize) {
        let mark = self.scope.len();
        self.indent += 1;
        self.nesting += 1;
        self.statements(n.max(1));
        self.nesting -= 1;
        self.indent -= 1;
        self.scope.truncate(mark);
    }

    fn declare_float(&mut self, mutable: bool) {
        let depth = 1 + self.pick(3);
        let e = self.expr(depth);
        let name = self.fresh("v");
        let ann = if !e.typed || self.chance(6) { ": f64" } else { "" };
        let m = if mutable { "mut " } else { "" };
        self.line(format!("let {m}{name}{ann} = {};", e.s));
        self.scope.push(Var { name, kind: Kind::Float { mutable } });
    }

    fn statement(&mut self) {
        let mutable = self.floats(true);
        let writable = self.seqs(true);
        let in_loop = !self.loops.is_empty();
        let nest_ok = self.nesting < 3;
        let w = [
            6,                                                // let
            5,                                                // let mut
            6 * usize::from(!mutable.is_empty()),             // assignment
            3 * usize::from(nest_ok),                         // if
            3 * usize::from(nest_ok && self.loops.len() < 2), // for
            usize::from(nest_ok && self.loops.len() < 2),     // while
            2,                                                // local array
            5 * usize::from(!writable.is_empty()),            // element write
            2 * usize::from(in_loop),                         // break / continue
            1,                                                // return from an if
            1,                                                // tuple let
            usize::from(nest_ok && self.loops.len() < 2),     // loop with a counter
            usize::from(!self.floats(false).is_empty()),      // shadowing
            2,                                                // iter_mut over a copy
            2,                                                // closure bound to a local
            1,                                                // if choosing arrays
        ];
        match self.weighted(&w) {
            1 => self.declare_float(true),
            2 => {
                let v = self.pick_from(&mutable);
                let e = self.expr_upto(3);
                let s = match self.pick(6) {
                    0 => format!("{v} = {};", e.s),
                    1 => format!("{v} += {};", e.s),
                    2 => format!("{v} -= {};", e.s),
                    3 => format!("{v} *= {};", e.s),
                    4 => {
                        let p = self.positive(0);
                        format!("{v} /= {};", p.s)
                    }
                    _ => format!("{v} = {v} * {} + {v};", e.op()),
                };
                self.line(s);
            }
            3 => self.if_statement(),
            4 => self.for_loop(),
            5 => self.while_loop(),
            6 => self.local_array(),
            7 => {
                let (s, len, len_expr) = self.pick_from(&writable);
                let i = self.index(&s, len, len_expr);
                let e = self.expr_upto(3);
                let op = self.pick_from(&["=", "+=", "=", "-=", "*="]);
                self.line(format!("{s}[{i}] {op} {};", e.s));
            }
            8 => {
                let c = self.cond(1);
                let what = if self.chance(2) { "break" } else { "continue" };
                let labels: Vec<String> =
                    self.loops.iter().filter_map(|l| l.label.clone()).collect();
                let target = if !labels.is_empty() && self.chance(2) {
                    format!(" {}", self.pick_from(&labels))
                } else {
                    String::new()
                };
                self.line(format!("if {c} {{"));
                self.indent += 1;
                self.line(format!("{what}{target};"));
                self.indent -= 1;
                self.line("}");
            }
            9 => {
                let c = self.cond(1);
                let e = self.expr_upto(3);
                self.line(format!("if {c} {{"));
                self.indent += 1;
                self.line(format!("return {};", e.s));
                self.indent -= 1;
                self.line("}");
            }
            10 => {
                let a = self.expr_upto(3);
                let b = self.expr_upto(3);
                let p = self.fresh("v");
                let q = self.fresh("v");
                let ann = if a.typed && b.typed { "" } else { ": (f64, f64)" };
                self.line(format!("let ({p}, {q}){ann} = ({}, {});", a.s, b.s));
                self.scope.push(Var { name: p, kind: Kind::Float { mutable: false } });
                self.scope.push(Var { name: q, kind: Kind::Float { mutable: false } });
            }
            11 => self.counted_loop(),
            13 => self.iter_mut_loop(),
            14 => self.closure(),
            15 => self.if_arrays(),
            12 => {
                let floats = self.floats(false);
                let name = self.pick_from(&floats);
                let e = self.expr_upto(3);
                let mutable = self.chance(3);
                let m = if mutable { "mut " } else { "" };
                let ann = if e.typed { "" } else { ": f64" };
                self.line(format!("let {m}{name}{ann} = {};", e.s));
                self.scope.push(Var { name, kind: Kind::Float { mutable } });
            }
            _ => self.declare_float(false),
        }
    }

    fn if_statement(&mut self) {
        let c = self.cond_upto(3);
        self.line(format!("if {c} {{"));
        let n = 1 + self.pick(3);
        self.block(n);
        match self.pick(4) {
            0 => {}
            1 => {
                let c2 = self.cond(1);
                self.line(format!("}} else if {c2} {{"));
                let n = 1 + self.pick(2);
                self.block(n);
                self.line("} else {");
                let n = 1 + self.pick(2);
                self.block(n);
            }
            _ => {
                self.line("} else {");
                let n = 1 + self.pick(3);
                self.block(n);
            }
        }
        self.line("}");
    }

    fn loop_label(&mut self) -> Option<String> {
        if self.chance(4) {
            Some(format!("'{}", self.fresh("l")))
        } else {
            None
        }
    }

    /// A loop: the header, then the `pre` lines, then random statements.
    fn loop_body(
        &mut self,
        header: String,
        label: Option<String>,
        bound_vars: Vec<Var>,
        pre: Vec<String>,
    ) {
        let lab = label.as_ref().map(|l| format!("{l}: ")).unwrap_or_default();
        self.line(format!("{lab}{header} {{"));
        let mark = self.scope.len();
        self.scope.extend(bound_vars);
        self.loops.push(Loop { label });
        self.indent += 1;
        for l in pre {
            self.line(l);
        }
        self.indent -= 1;
        let n = 1 + self.pick(4);
        self.block(n);
        self.loops.pop();
        self.scope.truncate(mark);
        self.line("}");
    }

    fn for_loop(&mut self) {
        let label = self.loop_label();
        let i = self.fresh("i");
        let seqs = self.seqs(false);
        let count = self.count();
        let index = |name: &str, bound| Var { name: name.to_string(), kind: Kind::Index { bound } };
        if seqs.is_empty() {
            let k = 2 + self.pick(3);
            return self.loop_body(format!("for {i} in 0..{k}"), label, vec![index(&i, k)], vec![]);
        }
        let (s, len, len_expr) = self.pick_from(&seqs);
        let len_s = if len_expr.is_empty() { format!("{s}.len()") } else { len_expr.to_string() };
        match self.weighted(&[6, 2, 2, 1, 1, 2, 1, usize::from(count.is_some()), 2, 3, 2, 1, 2]) {
            1 => {
                let k = 2 + self.pick(3);
                self.loop_body(format!("for {i} in 0..{k}"), label, vec![index(&i, k)], vec![])
            }
            2 => self.loop_body(
                format!("for {i} in (0..{len_s}).rev()"),
                label,
                vec![index(&i, len)],
                vec![],
            ),
            3 => self.loop_body(
                format!("for {i} in (0..{len_s}).step_by(2)"),
                label,
                vec![index(&i, len)],
                vec![],
            ),
            4 => self.loop_body(
                format!("for {i} in 1..={}", len - 1),
                label,
                vec![index(&i, len)],
                vec![],
            ),
            5 => {
                let v = self.fresh("e");
                let fv = Var { name: v.clone(), kind: Kind::Float { mutable: false } };
                // The sequence is borrowed by the loop: not written in its body.
                self.frozen.push(s.clone());
                if self.chance(2) {
                    self.loop_body(format!("for &{v} in {s}.iter()"), label, vec![fv], vec![]);
                } else {
                    self.loop_body(
                        format!("for ({i}, &{v}) in {s}.iter().enumerate()"),
                        label,
                        vec![index(&i, len), fv],
                        vec![],
                    );
                }
                self.frozen.pop();
            }
            6 => {
                let refs = self.ref_params();
                if refs.is_empty() {
                    return self.loop_body(
                        format!("for {i} in 0..{len_s}"),
                        label,
                        vec![index(&i, len)],
                        vec![],
                    );
                }
                let (p, _) = self.pick_from(&refs);
                let v = self.fresh("e");
                let fv = Var { name: v.clone(), kind: Kind::Float { mutable: false } };
                self.loop_body(format!("for &{v} in {p}"), label, vec![fv], vec![]);
            }
            7 => {
                let (m, value) = count.unwrap();
                self.loop_body(format!("for {i} in 0..{m}"), label, vec![index(&i, value)], vec![])
            }
            8 => {
                // A counter stepped once per iteration (by a literal or a fixed stride).
                let k = self.fresh("k");
                let n = 2 + self.pick(3);
                let (step, bound) = if self.chance(2) {
                    ("1".to_string(), n + 1)
                } else {
                    let st = self.fresh("st");
                    self.line(format!("let {st} = 2;"));
                    (st, 2 * n + 1)
                };
                self.line(format!("let mut {k} = 0;"));
                self.loop_body(
                    format!("for {i} in 0..{n}"),
                    label,
                    vec![index(&i, n), index(&k, bound)],
                    vec![format!("{k} += {step};")],
                )
            }
            9 => {
                // Through an adaptor or over a sub-slice.
                let (src, _) = self.adapted(&s, len, true);
                let v = self.fresh("e");
                let fv = Var { name: v.clone(), kind: Kind::Float { mutable: false } };
                self.frozen.push(s.clone());
                self.loop_body(format!("for &{v} in {src}"), label, vec![fv], vec![]);
                self.frozen.pop();
            }
            10 => {
                // Pairs `k` apart, of one sequence (or of two).
                let (s2, len2) = if self.chance(3) {
                    let (s2, len2, _) = self.pick_from(&seqs);
                    (s2, len2)
                } else {
                    (s.clone(), len)
                };
                let k = 1 + self.pick(len2 - 1);
                let (p, q) = (self.fresh("e"), self.fresh("e"));
                let vars = vec![
                    Var { name: p.clone(), kind: Kind::Float { mutable: false } },
                    Var { name: q.clone(), kind: Kind::Float { mutable: false } },
                ];
                self.frozen.push(s.clone());
                self.frozen.push(s2.clone());
                self.loop_body(
                    format!("for (&{p}, &{q}) in {s}.iter().zip({s2}.iter().skip({k}))"),
                    label,
                    vars,
                    vec![],
                );
                self.frozen.truncate(self.frozen.len() - 2);
            }
            11 => {
                let k = 1 + self.pick(len - 1);
                let v = self.fresh("e");
                let fv = Var { name: v.clone(), kind: Kind::Float { mutable: false } };
                self.frozen.push(s.clone());
                self.loop_body(
                    format!("for ({i}, &{v}) in {s}.iter().enumerate().skip({k})"),
                    label,
                    vec![index(&i, len), fv],
                    vec![],
                );
                self.frozen.pop();
            }
            12 => {
                // Views: windows of two, read by `w[0]` and `w[1]`; chunks of two (the last
                // one shorter for an odd length), read by `c[0]` or summed.
                let (header, var) = if self.chance(2) {
                    let c = self.fresh("c");
                    (
                        format!("for {c} in {s}.chunks(2)"),
                        Var { name: c, kind: Kind::View { len: 1, sum: true } },
                    )
                } else {
                    let w = self.fresh("wd");
                    (
                        format!("for {w} in {s}.windows(2)"),
                        Var { name: w, kind: Kind::View { len: 2, sum: false } },
                    )
                };
                self.frozen.push(s.clone());
                self.loop_body(header, label, vec![var], vec![]);
                self.frozen.pop();
            }
            _ => self.loop_body(
                format!("for {i} in 0..{len_s}"),
                label,
                vec![index(&i, len)],
                vec![],
            ),
        }
    }

    /// `let mut y = <a copy>; for v in y.iter_mut() { *v = <expr of *v>; }`: the copy is
    /// not in scope in the loop (it is borrowed there), and is an array the function
    /// writes after it.
    fn iter_mut_loop(&mut self) {
        let seqs = self.seqs(false);
        let y = self.fresh("w");
        let len = match self.weighted(&[2 * usize::from(!seqs.is_empty()), 1]) {
            0 => {
                let (s, len, _) = self.pick_from(&seqs);
                self.line(format!("let mut {y} = {s}.to_vec();"));
                len
            }
            _ => {
                let a = self.expr(1);
                let b = self.expr(1);
                let ann = if a.typed || b.typed { "" } else { ": [f64; 2]" };
                self.line(format!("let mut {y}{ann} = [{}, {}];", a.s, b.s));
                2
            }
        };
        let v = self.fresh("e");
        let mark = self.scope.len();
        self.scope.push(Var { name: format!("(*{v})"), kind: Kind::Float { mutable: false } });
        let e = self.expr_upto(3);
        self.scope.truncate(mark);
        let op = self.pick_from(&["=", "+=", "*=", "="]);
        let deref = format!("(*{v})");
        let e =
            if op == "=" && !e.s.contains(&deref) { format!("{} * {deref}", e.op()) } else { e.s };
        self.line(format!("for {v} in {y}.iter_mut() {{"));
        self.indent += 1;
        self.line(format!("*{v} {op} {e};"));
        self.indent -= 1;
        self.line("}");
        self.scope.push(Var {
            name: y,
            kind: Kind::Seq { len, writable: true, len_expr: "", by_ref: false },
        });
    }

    /// `let g = |t: f64| ..;` capturing what nothing writes later (immutable floats and
    /// sequences the function does not write), then called; sometimes a captured local is
    /// shadowed before the call, which must keep the captured value.
    fn closure(&mut self) {
        let g = self.fresh("g");
        let t = self.fresh("t");
        let captures: Vec<Var> = self
            .visible()
            .into_iter()
            .filter(|v| match v.kind {
                Kind::Float { mutable } => !mutable,
                Kind::Seq { writable, .. } => !writable,
                _ => false,
            })
            .cloned()
            .collect();
        let saved = std::mem::replace(&mut self.scope, captures);
        let floats = self.floats(false);
        let captured = if !floats.is_empty() && !self.chance(4) {
            Some(self.pick_from(&floats))
        } else {
            None
        };
        self.scope.push(Var { name: t.clone(), kind: Kind::Float { mutable: false } });
        let was = self.in_closure;
        self.in_closure = true;
        let body = self.expr_upto(3);
        self.in_closure = was;
        self.scope = saved;
        let body = match &captured {
            Some(c) => format!("{} + {c} * {t}", body.op()),
            None if !body.typed => format!("{} * {t}", body.op()),
            None => body.s,
        };
        self.line(format!("let {g} = |{t}: f64| {body};"));
        self.scope.push(Var { name: g.clone(), kind: Kind::Closure });
        if let Some(c) = captured {
            if self.chance(2) {
                let e = self.expr_upto(3);
                let ann = if e.typed { "" } else { ": f64" };
                self.line(format!("let {c}{ann} = {};", e.s));
                self.scope.push(Var { name: c, kind: Kind::Float { mutable: false } });
            }
        }
        let a = self.expr_upto(3);
        let r = self.fresh("v");
        self.line(format!("let {r} = {g}({});", a.s));
        self.scope.push(Var { name: r, kind: Kind::Float { mutable: false } });
    }

    /// `let v = if c { [a, b] } else { [b, a] };`, read by index later.
    fn if_arrays(&mut self) {
        let c = self.cond(1);
        let a = self.expr(1);
        let b = self.expr(1);
        let w = self.fresh("w");
        let writable = self.chance(3);
        let m = if writable { "mut " } else { "" };
        let ann = if a.typed || b.typed { "" } else { ": [f64; 2]" };
        let other = if self.chance(3) {
            let e = self.expr(1);
            format!("[{}, {}]", e.s, a.s)
        } else {
            format!("[{}, {}]", b.s, a.s)
        };
        self.line(format!("let {m}{w}{ann} = if {c} {{ [{}, {}] }} else {{ {other} }};", a.s, b.s));
        self.scope.push(Var {
            name: w,
            kind: Kind::Seq { len: 2, writable, len_expr: "", by_ref: false },
        });
    }

    /// `while k < B { k += 1; .. }`, sometimes with an active condition too; the counter
    /// goes up first so that `continue` cannot skip it.
    fn while_loop(&mut self) {
        let k = self.fresh("k");
        let b = 1 + self.pick(4);
        self.line(format!("let mut {k} = 0;"));
        let c = if self.chance(3) { format!(" && ({})", self.cond(1)) } else { String::new() };
        let label = self.loop_label();
        self.loop_body(
            format!("while {k} < {b}{c}"),
            label,
            vec![Var { name: k.clone(), kind: Kind::Index { bound: b + 1 } }],
            vec![format!("{k} += 1;")],
        );
    }

    /// `loop { k += 1; if k > B { break; } .. }`.
    fn counted_loop(&mut self) {
        let k = self.fresh("k");
        let b = 1 + self.pick(4);
        self.line(format!("let mut {k} = 0;"));
        let label = self.loop_label();
        self.loop_body(
            "loop".to_string(),
            label,
            vec![Var { name: k.clone(), kind: Kind::Index { bound: b + 1 } }],
            vec![
                format!("{k} += 1;"),
                format!("if {k} > {b} {{"),
                "    break;".to_string(),
                "}".to_string(),
            ],
        );
    }

    fn local_array(&mut self) {
        let w = self.fresh("w");
        let seqs = self.seqs(false);
        let params: Vec<(String, usize, &'static str)> =
            seqs.iter().filter(|(_, _, e)| *e == "x.len()").cloned().collect();
        // `push` onto a `Vec` declared inside a loop is refused (a worded error).
        let push_ok = !params.is_empty() && self.loops.is_empty();
        let weights = [4, 2, 2, 2, 2 * usize::from(!params.is_empty()), 2 * usize::from(push_ok)];
        let (len, len_expr) = match self.weighted(&weights) {
            1 => {
                let n = 2 + self.pick(3);
                self.line(format!("let mut {w}: [f64; {n}] = [0.0; {n}];"));
                (n, "")
            }
            2 => {
                let n = 2 + self.pick(3);
                self.line(format!("let mut {w}: Vec<f64> = vec![0.0; {n}];"));
                (n, "")
            }
            3 => {
                let a = self.expr(1);
                let b = self.expr(1);
                let ann = if a.typed || b.typed { "" } else { ": [f64; 2]" };
                self.line(format!("let mut {w}{ann} = [{}, {}];", a.s, b.s));
                (2, "")
            }
            4 => {
                let (s, len, _) = self.pick_from(&params);
                self.line(format!("let mut {w} = {s}.to_vec();"));
                (len, "")
            }
            5 => {
                // Filled by `push` in a loop without exits: its length is known.
                let (s, len, len_expr) = self.pick_from(&params);
                let i = self.fresh("i");
                self.line(format!("let mut {w}: Vec<f64> = Vec::new();"));
                self.line(format!("for {i} in 0..{len_expr} {{"));
                let mark = self.scope.len();
                self.scope.push(Var { name: i.clone(), kind: Kind::Index { bound: len } });
                let e = self.expr_upto(3);
                self.scope.truncate(mark);
                self.indent += 1;
                self.line(format!("{w}.push({});", e.s));
                self.indent -= 1;
                self.line("}");
                let _ = s;
                (len, "")
            }
            _ => {
                let n = 2 + self.pick(3);
                self.line(format!("let mut {w} = [0.0_f64; {n}];"));
                (n, "")
            }
        };
        self.scope.push(Var {
            name: w,
            kind: Kind::Seq { len, writable: true, len_expr, by_ref: false },
        });
    }

    /// The returned value: the latest floats and array elements, combined.
    fn tail(&mut self) -> String {
        let floats = self.floats(false);
        let mut terms: Vec<String> = floats.iter().rev().take(3).cloned().collect();
        let writable = self.seqs(true);
        if let Some((s, len, len_expr)) = writable.last().cloned() {
            let i = self.index(&s, len, len_expr);
            terms.push(format!("{s}[{i}]"));
        }
        let e = self.expr_upto(3);
        terms.push(e.op());
        let mut out = terms[0].clone();
        for t in &terms[1..] {
            let op = self.pick_from(&["+", "+", "-", "*"]);
            let _ = write!(out, " {op} {t}");
        }
        out
    }
}
