//! Lowers a function body into SSA A-normal form (see [`crate::ir`]).
//!
//! Input (user code):
//! ```text
//! let mut s = x * x;
//! if s > 1.0 { s += y; }
//! s.sin()
//! ```
//! Output (IR, printed as Rust):
//! ```text
//! let s = x * x;
//! let t = s > 1.0;
//! let s_1 = if t { let s_2 = s + y; s_2 } else { s };
//! let t_1 = s_1.sin();
//! ```
//! - Names are resolved here: every `let` and every write of a `let mut` makes a new
//!   variable, so shadowing and reassignment disappear; a block's `let`s end with it.
//! - An `if` lists the variables whose value differs after it as its outs (phis).
//! - `&&` and `||` become `if`s, so the right operand runs only when Rust would run it.
//! - `return`: the statements after an `if` that returns in some branch are moved into
//!   the branches that do not return, so no `return` is left in the IR.
//! - Expressions that read no local (`2.0 * PI`, `N as f64`) stay as written, one atom.
//! - Patterns bind names to what they stand for, with no operation of their own: a tuple
//!   pattern on a tuple expression binds part by part, one on a tuple value to its fields
//!   (`v.0`), and an array pattern (`let [x1, x2] = *param;`, `[first, .., last]`,
//!   nested) each name to its element as `param[0]` would read it.

use crate::diagnostics::{self as diag, Errors};
use crate::ir::{
    Atom, BinOp, Block, CastTo, Conversion, ConversionCall, Expr, Func, Header, Lib, LinOp,
    ParamKind, Prim, PrimKind, Proj, Shape, Stmt, UnOp, Var,
};
use proc_macro2::Span;
use std::collections::HashSet;
use syn::spanned::Spanned;

mod closures;
mod fallible;
mod iterate;
mod macros;

use iterate::Item;

/// A value in the lowering environment: tuples exist only here, never in the IR.
#[derive(Clone)]
enum Value {
    Atom(Atom),
    Tuple(Vec<Value>),
    Unit,
    /// `len` elements of the tensor (or constant) `base` from `start`: a sub-slice, a
    /// window or a chunk (see `iterate`), read only by index, by iteration and by
    /// `len()`.
    View(Box<View>),
    /// An item of `iter_mut()`: a place of a local tensor, read where `*v` is read and
    /// written by `*v = ..`.
    MutRef(Atom),
    /// A closure bound to a local, called by inlining its body (see `closures`).
    Closure(std::rc::Rc<closures::Closure>),
    /// The value of an expression that fails (`None`, `Err(e)`): control never goes on
    /// from it (see `fallible`).
    Fail,
}

/// `len` elements of `base` from `start` (see [`Value::View`]).
#[derive(Clone)]
struct View {
    base: Atom,
    start: Atom,
    len: Atom,
}

#[derive(Clone)]
struct Binding {
    name: String,
    value: Value,
    mutable: bool,
    /// The type written on the `let`, kept for every later version of the variable.
    ty: Option<syn::Type>,
}

/// A block being lowered statement by statement (see [`Lower::lower_seq`]).
#[derive(Clone)]
struct Frame {
    stmts: Vec<syn::Stmt>,
    pos: usize,
    /// The block's value is the value of the block below it (it was that block's tail).
    tail_of_below: bool,
}

struct Lower<'f> {
    func: &'f mut Func,
    floats: &'f HashSet<String>,
    errors: &'f mut Errors,
    scopes: Vec<Vec<Binding>>,
    blocks: Vec<Vec<Stmt>>,
    /// The loops being lowered, innermost last.
    loops: Vec<LoopCtx>,
    /// Local arrays declared `let mut`: their elements are read into locals at once.
    mutable_tensors: HashSet<Var>,
    /// Loops lowered so far (names the exit-code variables).
    loop_count: usize,
    /// A `for` loop's index, to be bound in the body's scope.
    pending_index: Option<(String, Var)>,
    /// Whether the expression about to be lowered is the function's result (a `return`
    /// value, the body's value, a branch of either): where `Some(v)`, `Ok(v)`, `None`
    /// and `Err(e)` are outcomes (see `fallible`). Taken by `lower_expr` on entry.
    tail: bool,
    /// Constants (not floats) whose elements a loop binds by reference (`for (xs, y) in
    /// data`): the fields of such an element are bound as borrows.
    borrowed: HashSet<Var>,
    /// `Vec`s created inside a loop body (no `push` onto them: see `lower_push`).
    loop_vecs: HashSet<Var>,
    /// The matrix libraries' vectors and matrices (parameters, their copies, products):
    /// the library and how many indices an element takes.
    linalg: std::collections::HashMap<Var, (Lib, usize)>,
    /// Slices and `Vec`s (parameters, `vec!`, `Vec::new()`, `to_vec()` and their copies):
    /// their length is known only at run time, so no array pattern fits them.
    seqs: HashSet<Var>,
    /// Results of calls with float arguments, differentiated through the callee's
    /// siblings.
    call_results: HashSet<Var>,
}

/// How a loop body's sequence ends, besides running to its end (code 0).
#[derive(Clone, PartialEq, Eq)]
enum Exit {
    Return,
    Break(Option<String>),
    Continue(Option<String>),
}

struct LoopCtx {
    label: Option<String>,
    /// The outer variables the body writes: the loop's carried cells.
    carried: Vec<String>,
    /// Exits that leave this loop for somewhere further out, with their codes.
    escapes: Vec<(Exit, u32)>,
    /// Whether any exit (even this loop's own `break`) was lowered.
    exits: bool,
}

fn flatten(v: Value, out: &mut Vec<Atom>) {
    match v {
        Value::Atom(a) => out.push(a),
        Value::Tuple(parts) => parts.into_iter().for_each(|p| flatten(p, out)),
        Value::MutRef(a) => out.push(a),
        // Refused where it is used as a value (`Lower::atom`).
        Value::Unit | Value::View(_) | Value::Closure(_) | Value::Fail => {}
    }
}

/// The binding that carries a `return` value out of loops.
const RET: &str = "__autodiff_ret";
const CODE_BREAK: u32 = 1;
const CODE_RETURN: u32 = 2;

/// Lowers `block` into `func.body` and `func.outputs`. `params` are the parameter names
/// with their variables and whether they were declared `mut`; `patterns` the parameters
/// written as patterns (`[a, b]: [f64; 2]`), bound before the body runs.
pub fn lower_body(
    func: &mut Func,
    floats: &HashSet<String>,
    params: Vec<(String, Var, bool)>,
    patterns: Vec<(syn::Pat, Var)>,
    block: &syn::Block,
    errors: &mut Errors,
) {
    let mut l = Lower {
        func,
        floats,
        errors,
        scopes: vec![Vec::new()],
        blocks: vec![Vec::new()],
        loops: Vec::new(),
        mutable_tensors: HashSet::new(),
        loop_count: 0,
        pending_index: None,
        tail: false,
        borrowed: HashSet::new(),
        loop_vecs: HashSet::new(),
        linalg: Default::default(),
        seqs: HashSet::new(),
        call_results: HashSet::new(),
    };
    for p in &l.func.params {
        match p.kind {
            ParamKind::Matrix { lib, dims, .. } => {
                l.linalg.insert(p.var, (lib, dims));
            }
            ParamKind::Seq { .. } => {
                l.seqs.insert(p.var);
            }
            _ => {}
        }
    }
    for (name, var, mutable) in params {
        let by_ref_scalar = l
            .func
            .params
            .iter()
            .any(|p| p.var == var && matches!(p.kind, ParamKind::Scalar { by_ref: true, .. }));
        // A float passed by reference is read once, at entry, so that the body and the
        // rules see plain floats; `*x` in the body is then the identity.
        let tensor = matches!(l.func.info(var).shape, Shape::Tensor { .. });
        let value = if by_ref_scalar {
            let deref = Expr::Unary(UnOp::Deref, Box::new(Expr::var(var)));
            l.bind(deref, Some(&name), Shape::Scalar, block.span())
        } else if l.func.params.iter().any(|p| p.var == var && p.out) {
            // The out-parameter: written in place, element by element.
            l.mutable_tensors.insert(var);
            Value::Atom(Atom::Var(var))
        } else if tensor && mutable {
            // A `mut` array parameter written by the body: the body works on a copy.
            let shape = l.func.info(var).shape;
            let copy = l.bind(Expr::CopyOf(Atom::Var(var)), Some(&name), shape, block.span());
            if let Value::Atom(Atom::Var(c)) = &copy {
                l.mutable_tensors.insert(*c);
            }
            l.same_library(var, &copy);
            copy
        } else {
            Value::Atom(Atom::Var(var))
        };
        l.scopes[0].push(Binding { name, value, mutable, ty: None });
    }
    for (pat, var) in patterns {
        let span = syn::spanned::Spanned::span(&pat);
        l.bind_pattern(&pat, Value::Atom(Atom::Var(var)), None, span);
    }
    let frame = Frame { stmts: block.stmts.clone(), pos: 0, tail_of_below: false };
    l.scopes.push(Vec::new());
    let out = l.lower_seq(vec![frame]);
    if l.func.out_param.is_some() {
        // The output is the buffer, already in `outputs`.
        let stmts = l.blocks.pop().unwrap_or_default();
        l.func.body = Block { stmts, yields: Vec::new() };
        return;
    }
    let parts: Vec<Value> = match out {
        Value::Tuple(parts) if l.func.output_tuple => parts,
        v => vec![v],
    };
    let mut atoms = Vec::new();
    for part in parts {
        match part {
            Value::Atom(a) => atoms.push(a),
            _ if !l.errors.is_empty() => {}
            Value::Unit => l.errors.at_span(
                block.span(),
                diag::unsupported(
                    "a body that ends without a value",
                    "end the function with the float expression it returns",
                ),
            ),
            Value::Tuple(_) => l.errors.at_span(block.span(), diag::TUPLE_OUTPUT),
            Value::MutRef(a) => atoms.push(a),
            Value::View(_) => l.errors.at_span(block.span(), diag::VIEW_VALUE),
            Value::Closure(_) => l.errors.at_span(block.span(), diag::CLOSURE_VALUE),
            Value::Fail => l.errors.at_span(block.span(), diag::ALWAYS_FAILS),
        }
    }
    if atoms.len() != l.func.outputs.len() && l.errors.is_empty() {
        l.errors.at_span(block.span(), diag::TUPLE_OUTPUT);
    }
    for (o, a) in l.func.outputs.iter_mut().zip(atoms) {
        o.atom = a;
    }
    let stmts = l.blocks.pop().unwrap_or_default();
    l.func.body = Block { stmts, yields: Vec::new() };
}

const UNARY: &[&str] = &[
    "sin",
    "cos",
    "tan",
    "asin",
    "acos",
    "atan",
    "sinh",
    "cosh",
    "tanh",
    "asinh",
    "acosh",
    "atanh",
    "exp",
    "exp2",
    "exp_m1",
    "ln",
    "ln_1p",
    "log2",
    "log10",
    "sqrt",
    "cbrt",
    "abs",
    "recip",
    "to_degrees",
    "to_radians",
    "fract",
];
const BINARY: &[&str] = &["atan2", "hypot", "powf", "log", "min", "max", "rem_euclid"];
const TERNARY: &[&str] = &["mul_add", "clamp"];
const CONSTANT: &[&str] = &["signum", "floor", "ceil", "round", "trunc"];
/// Methods of floats that take the other float by reference.
const BY_REF_METHODS: &[&str] = &["partial_cmp", "total_cmp"];

/// The primitive a float method name stands for, given how many arguments follow the
/// receiver.
fn prim(name: &str, args: usize) -> Option<Prim> {
    let find = |list: &[&'static str]| list.iter().find(|&&n| n == name).copied();
    let (name, kind) = match args {
        0 => find(UNARY)
            .map(|n| (n, PrimKind::Unary))
            .or_else(|| find(CONSTANT).map(|n| (n, PrimKind::Constant)))?,
        1 if name == "powi" => ("powi", PrimKind::Powi),
        1 => (find(BINARY)?, PrimKind::Binary),
        2 => (find(TERNARY)?, PrimKind::Ternary),
        _ => return None,
    };
    Some(Prim { name, kind })
}

/// A conversion between float types written as a call (`x.into()`, `x.to_f64().unwrap()`,
/// `T::from(x).unwrap()`, `T::from_f64(x).expect("..")`, `num_traits::cast(x).unwrap()`):
/// its operand and how it is written. Whether the operand is a float is for the caller to
/// tell: a conversion of an integer (`T::from(n).unwrap()`) carries no derivative.
fn conversion(m: &syn::ExprMethodCall) -> Option<(&syn::Expr, Conversion)> {
    if m.turbofish.is_some() {
        return None;
    }
    if m.method == "into" && m.args.is_empty() {
        let call = ConversionCall::Method(m.method.clone());
        return Some((&m.receiver, Conversion { call, unwrap: None, target: None }));
    }
    // The `Option` of a num-traits conversion, unwrapped: with a literal message, if any.
    let literal = |a: &syn::Expr| matches!(a, syn::Expr::Lit(_));
    let unwraps = (m.method == "unwrap" && m.args.is_empty())
        || (m.method == "expect" && m.args.len() == 1 && literal(&m.args[0]));
    if !unwraps {
        return None;
    }
    let unwrap = Some((m.method.clone(), m.args.iter().cloned().collect()));
    match &*m.receiver {
        syn::Expr::MethodCall(inner)
            if inner.args.is_empty()
                && inner.turbofish.is_none()
                && (inner.method == "to_f64" || inner.method == "to_f32") =>
        {
            let float = syn::Ident::new(&inner.method.to_string()[3..], inner.method.span());
            let target = Some(syn::parse_quote!(#float));
            let call = ConversionCall::Method(inner.method.clone());
            Some((&inner.receiver, Conversion { call, unwrap, target }))
        }
        syn::Expr::Call(c) if c.args.len() == 1 => {
            let syn::Expr::Path(p) = &*c.func else { return None };
            let segs = &p.path.segments;
            let last = segs.last()?;
            let target = if last.ident == "cast" && p.qself.is_none() {
                // `num_traits::cast::<_, T>(x)`.
                match &last.arguments {
                    syn::PathArguments::AngleBracketed(a) => match a.args.iter().nth(1) {
                        Some(syn::GenericArgument::Type(t)) => Some(t.clone()),
                        _ => None,
                    },
                    _ => None,
                }
            } else if ["from", "from_f64", "from_f32"].iter().any(|n| last.ident == n) {
                if let Some(q) = &p.qself {
                    // `<T as NumCast>::from(x)`.
                    Some((*q.ty).clone())
                } else if segs.len() >= 2 {
                    let owner = &segs[segs.len() - 2].ident;
                    // `NumCast::from(x)` names the trait, not the type converted to.
                    let traits = ["NumCast", "FromPrimitive", "Float"];
                    if traits.iter().any(|t| owner == t) {
                        None
                    } else {
                        let mut ty = p.path.clone();
                        ty.segments.pop();
                        ty.segments.pop_punct();
                        Some(syn::Type::Path(syn::TypePath { qself: None, path: ty }))
                    }
                } else {
                    return None;
                }
            } else {
                return None;
            };
            let call = ConversionCall::Path((*c.func).clone());
            Some((&c.args[0], Conversion { call, unwrap, target }))
        }
        _ => None,
    }
}

const INT_TYPES: &[&str] = &[
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "bool",
    "char",
];

/// Does `stmt` contain a `return`, or a `break`/`continue` that leaves it, outside
/// closures and nested items?
fn has_exit(stmt: &syn::Stmt) -> bool {
    let mut f =
        ExitFinder { labels: Vec::new(), depth: 0, found: false, returns: false, first: None };
    syn::visit::Visit::visit_stmt(&mut f, stmt);
    f.found
}

/// The first `return`, `break` or `continue` leaving `stmt`: its span, and whether it
/// is a `return`.
fn first_exit(stmt: &syn::Stmt) -> Option<(Span, bool)> {
    let mut f =
        ExitFinder { labels: Vec::new(), depth: 0, found: false, returns: false, first: None };
    syn::visit::Visit::visit_stmt(&mut f, stmt);
    f.first
}

/// Does the block contain a `return` (outside closures and nested items)?
fn has_return_in(block: &syn::Block) -> bool {
    let mut f =
        ExitFinder { labels: Vec::new(), depth: 0, found: false, returns: false, first: None };
    syn::visit::Visit::visit_block(&mut f, block);
    f.returns
}

struct ExitFinder {
    labels: Vec<String>,
    depth: usize,
    found: bool,
    returns: bool,
    /// The first exit found: where it is, and whether it is a `return`.
    first: Option<(Span, bool)>,
}

impl ExitFinder {
    fn jump(&mut self, label: Option<&syn::Lifetime>, span: Span) {
        let leaves = match label {
            None => self.depth == 0,
            Some(l) => !self.labels.contains(&l.ident.to_string()),
        };
        self.found |= leaves;
        if leaves && self.first.is_none() {
            self.first = Some((span, false));
        }
    }
    fn enter(&mut self, label: Option<&syn::Label>) {
        self.depth += 1;
        self.labels.push(label.map(|l| l.name.ident.to_string()).unwrap_or_default());
    }
    fn leave(&mut self) {
        self.depth -= 1;
        self.labels.pop();
    }
}

impl<'a> syn::visit::Visit<'a> for ExitFinder {
    fn visit_expr_return(&mut self, r: &'a syn::ExprReturn) {
        // `return None` / `return Err(e)` of a fallible function leaves the siblings
        // too, in their primal code: no exit of the lowering (see `fallible`).
        if r.expr.as_deref().is_some_and(fallible::is_failure) {
            return;
        }
        self.found = true;
        self.returns = true;
        if self.first.is_none() {
            self.first = Some((r.span(), true));
        }
        syn::visit::visit_expr_return(self, r);
    }
    fn visit_expr_break(&mut self, b: &'a syn::ExprBreak) {
        self.jump(b.label.as_ref(), b.span());
    }
    fn visit_expr_continue(&mut self, c: &'a syn::ExprContinue) {
        self.jump(c.label.as_ref(), c.span());
    }
    fn visit_expr_for_loop(&mut self, e: &'a syn::ExprForLoop) {
        self.visit_expr(&e.expr);
        self.enter(e.label.as_ref());
        self.visit_block(&e.body);
        self.leave();
    }
    fn visit_expr_while(&mut self, e: &'a syn::ExprWhile) {
        self.enter(e.label.as_ref());
        self.visit_expr(&e.cond);
        self.visit_block(&e.body);
        self.leave();
    }
    fn visit_expr_loop(&mut self, e: &'a syn::ExprLoop) {
        self.enter(e.label.as_ref());
        self.visit_block(&e.body);
        self.leave();
    }
    fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
    fn visit_item(&mut self, _: &'a syn::Item) {}
}

/// Names assigned (`x = ..`, `x += ..`) anywhere in `block`.
fn assigned_names(block: &syn::Block) -> Vec<String> {
    struct Assigned(Vec<String>);
    impl<'a> syn::visit::Visit<'a> for Assigned {
        fn visit_expr_assign(&mut self, a: &'a syn::ExprAssign) {
            if let syn::Expr::Path(p) = &*a.left {
                if let Some(id) = p.path.get_ident() {
                    self.0.push(id.to_string());
                }
            }
            syn::visit::visit_expr_assign(self, a);
        }
        fn visit_expr_binary(&mut self, b: &'a syn::ExprBinary) {
            if is_assign_op(&b.op) {
                if let syn::Expr::Path(p) = &*b.left {
                    if let Some(id) = p.path.get_ident() {
                        self.0.push(id.to_string());
                    }
                }
            }
            syn::visit::visit_expr_binary(self, b);
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut a = Assigned(Vec::new());
    syn::visit::Visit::visit_block(&mut a, block);
    a.0
}

/// A loop expression, possibly the statement itself.
fn as_loop(stmt: &syn::Stmt) -> Option<&syn::Expr> {
    match stmt {
        syn::Stmt::Expr(
            e @ (syn::Expr::ForLoop(_) | syn::Expr::While(_) | syn::Expr::Loop(_)),
            _,
        ) => Some(e),
        _ => None,
    }
}

impl Lower<'_> {
    // ---- environment -------------------------------------------------------------

    fn lookup(&self, name: &str) -> Option<&Binding> {
        self.scopes.iter().rev().flat_map(|s| s.iter().rev()).find(|b| b.name == name)
    }

    fn lookup_mut(&mut self, name: &str) -> Option<&mut Binding> {
        self.scopes.iter_mut().rev().flat_map(|s| s.iter_mut().rev()).find(|b| b.name == name)
    }

    fn declare(&mut self, name: String, value: Value, mutable: bool, ty: Option<syn::Type>) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.push(Binding { name, value, mutable, ty });
        }
    }

    fn push(&mut self, stmt: Stmt) {
        if let Some(b) = self.blocks.last_mut() {
            b.push(stmt);
        }
    }

    /// `let <hint> = expr;` as a new variable.
    fn bind(&mut self, expr: Expr, hint: Option<&str>, shape: Shape, span: Span) -> Value {
        let v = self.func.new_var(hint.unwrap_or("t"), shape);
        self.push(Stmt::Let { vars: vec![v], value: expr, span });
        Value::Atom(Atom::Var(v))
    }

    fn shape_of(&self, a: &Atom) -> Shape {
        match a {
            Atom::Var(v) => self.func.info(*v).shape,
            Atom::Place(v, proj) => proj.iter().fold(self.func.info(*v).shape, |s, p| match p {
                Proj::Index(_) | Proj::Push(_) => s.indexed(),
                Proj::Field(_) => Shape::Other,
            }),
            Atom::Const(e) => crate::ir::const_shape(e, self.floats),
        }
    }

    /// The atom of a value that must be a single operand.
    fn atom(&mut self, v: Value, span: Span) -> Atom {
        match v {
            Value::Atom(a) => a,
            Value::Tuple(_) => {
                self.errors.at_span(span, diag::TUPLE_OUTPUT);
                Atom::Const(syn::parse_quote!(()))
            }
            Value::Unit => Atom::Const(syn::parse_quote!(())),
            Value::View(_) => {
                self.errors.at_span(span, diag::VIEW_VALUE);
                Atom::Const(syn::parse_quote!(()))
            }
            Value::Closure(_) => {
                self.errors.at_span(span, diag::CLOSURE_VALUE);
                Atom::Const(syn::parse_quote!(()))
            }
            Value::Fail => {
                self.errors.at_span(span, diag::FAILURE_VALUE);
                Atom::Const(syn::parse_quote!(()))
            }
            // Read now: a later `*v = ..` must not change what was read.
            Value::MutRef(place) => {
                let shape = self.shape_of(&place);
                match self.bind(Expr::Atom(place), None, shape, span) {
                    Value::Atom(a) => a,
                    _ => Atom::Const(syn::parse_quote!(())),
                }
            }
        }
    }

    fn operand(&mut self, e: &syn::Expr) -> Atom {
        let v = self.lower_expr(e, None);
        self.atom(v, e.span())
    }

    fn unsupported(&mut self, node: impl quote::ToTokens, construct: &str, advice: &str) -> Value {
        self.errors.at(&node, diag::unsupported(construct, advice));
        Value::Unit
    }

    // ---- statements --------------------------------------------------------------

    /// Lowers the statements of `frames` (innermost last) to the end of the function and
    /// returns the function's value. Each frame owns one scope, pushed by its creator.
    fn lower_seq(&mut self, mut frames: Vec<Frame>) -> Value {
        loop {
            let Some(frame) = frames.last_mut() else {
                return Value::Unit;
            };
            if frame.pos == frame.stmts.len() {
                if let Some(done) = self.end_frame(Value::Unit, &mut frames) {
                    return self.finish_seq(done);
                }
                continue;
            }
            let stmt = frame.stmts[frame.pos].clone();
            frame.pos += 1;
            let last = frame.pos == frame.stmts.len();
            // A `match` that returns or breaks: its `if` chain takes its place.
            if let syn::Stmt::Expr(syn::Expr::Match(m), semi) = &stmt {
                if has_exit(&stmt) {
                    let name = self.fresh("match", m.span());
                    match super::desugar::match_to_if(m, &name) {
                        Ok(e) => {
                            if let Some(frame) = frames.last_mut() {
                                frame.pos -= 1;
                                frame.stmts[frame.pos] = syn::Stmt::Expr(e, *semi);
                            }
                        }
                        Err((span, msg)) => self.errors.at_span(span, msg),
                    }
                    continue;
                }
            }
            if let Some(e) = as_loop(&stmt) {
                let dispatch = self.lower_loop(e);
                if let Some(frame) = frames.last_mut() {
                    let at = frame.pos;
                    frame.stmts.splice(at..at, dispatch);
                }
                continue;
            }
            if has_exit(&stmt) {
                let is_tail = last && matches!(stmt, syn::Stmt::Expr(_, None));
                return self.lower_returning(stmt, is_tail, frames);
            }
            match &stmt {
                syn::Stmt::Expr(e, None) if last => {
                    // Outside loops, a frame's value is the function's.
                    self.tail = self.loops.is_empty();
                    let v = self.lower_expr(e, None);
                    if let Some(done) = self.end_frame(v, &mut frames) {
                        return self.finish_seq(done);
                    }
                }
                other => self.lower_stmt(other),
            }
        }
    }

    /// Lowers a `for`, `while` or `loop` statement. Returns the statements that must
    /// follow it: one `if` per exit that leaves the loop for somewhere further out
    /// (`return`, `break 'outer`), dispatching on the loop's exit code.
    fn lower_loop(&mut self, e: &syn::Expr) -> Vec<syn::Stmt> {
        let span = e.span();
        let (label, body) = match e {
            syn::Expr::ForLoop(f) => (&f.label, &f.body),
            syn::Expr::While(w) => (&w.label, &w.body),
            syn::Expr::Loop(l) => (&l.label, &l.body),
            _ => return Vec::new(),
        };
        // The iteration space is evaluated once, before the loop.
        let mut binds: Vec<(syn::Pat, Item)> = Vec::new();
        let mut stmts = body.stmts.clone();
        let header = match e {
            syn::Expr::ForLoop(f) => {
                let item = || self.fresh("item", f.expr.span());
                let (pat, expr) = match super::desugar::maps_in_for(&f.pat, &f.expr, item) {
                    None => (f.pat.as_ref().clone(), f.expr.as_ref().clone()),
                    Some(Ok((pat, expr, prelude))) => {
                        stmts.splice(0..0, prelude);
                        (pat, expr)
                    }
                    Some(Err((span, msg))) => {
                        self.errors.at_span(span, msg);
                        return Vec::new();
                    }
                };
                match self.for_header(&pat, &expr, &mut binds) {
                    Some(h) => h,
                    None => return Vec::new(),
                }
            }
            syn::Expr::While(w) => {
                if let syn::Expr::Let(l) = &*w.cond {
                    self.unsupported(
                        l,
                        "`while let`",
                        "loop over indices with `for` or `while` on a plain condition",
                    );
                    return Vec::new();
                }
                let cond = &w.cond;
                stmts.insert(0, syn::parse_quote!(if !(#cond) { break; }));
                Header::Forever
            }
            _ => Header::Forever,
        };

        // The outer variables the body writes become the loop's carried cells.
        if has_return_in(body) && self.lookup(RET).is_none() {
            let ret = self.bind(
                Expr::ZeroOfType(self.func.output_ty.clone()),
                Some("ret"),
                Shape::Scalar,
                span,
            );
            self.declare(RET.into(), ret, true, None);
        }
        let mut names: Vec<String> = assigned_names(body);
        if has_return_in(body) {
            names.push(RET.into());
        }
        let mut carried_names = Vec::new();
        let mut carried = Vec::new();
        for name in names {
            if carried_names.contains(&name) {
                continue;
            }
            let Some(b) = self.lookup(&name).filter(|b| b.mutable).cloned() else { continue };
            let Value::Atom(init) = b.value else {
                self.unsupported(
                    body,
                    &format!("a tuple `{name}` written in a loop"),
                    "use one variable per part",
                );
                continue;
            };
            let shape = self.shape_of(&init);
            if let Shape::Tensor { .. } = shape {
                if init.var().is_some_and(|v| self.mutable_tensors.contains(&v)) {
                    continue; // written element by element, in place
                }
                self.errors.at_span(span, diag::TENSOR_ASSIGN);
                continue;
            }
            let cell = self.func.new_var(b.name.as_str(), shape);
            self.func.vars[cell.0].ty = b.ty.clone();
            if let Some(b) = self.lookup_mut(&name) {
                b.value = Value::Atom(Atom::Var(cell));
            }
            carried_names.push(name);
            carried.push((cell, init));
        }

        self.blocks.push(Vec::new());
        self.scopes.push(Vec::new());
        if let Some((name, index)) = self.pending_index.take() {
            self.declare(name, Value::Atom(Atom::Var(index)), false, None);
        }
        let index = match &header {
            Header::Range { index, .. } => Some(*index),
            _ => None,
        };
        for (pat, item) in binds {
            if let Some(i) = index {
                let v = self.item_value(&item, i, span);
                self.bind_pattern(&pat, v, None, span);
            }
        }
        self.loops.push(LoopCtx {
            label: label.as_ref().map(|l| l.name.ident.to_string()),
            carried: carried_names.clone(),
            escapes: Vec::new(),
            exits: false,
        });
        self.scopes.push(Vec::new());
        let value = self.lower_seq(vec![Frame { stmts, pos: 0, tail_of_below: false }]);
        let ctx = self.loops.pop();
        self.scopes.pop();
        let body_stmts = self.blocks.pop().unwrap_or_default();
        let Some(ctx) = ctx else { return Vec::new() };

        let mut yields = Vec::new();
        flatten(value, &mut yields);
        if !ctx.exits {
            yields.pop();
        }
        let exits = ctx.exits;
        let code = (!ctx.escapes.is_empty()).then(|| self.func.new_var("code", Shape::Other));
        for ((cell, _), name) in carried.iter().zip(&carried_names) {
            if let Some(b) = self.lookup_mut(name) {
                b.value = Value::Atom(Atom::Var(*cell));
            }
        }
        let body = Block { stmts: body_stmts, yields };
        self.push(Stmt::Loop {
            header,
            carried,
            body,
            code,
            exits,
            trips: None,
            label: label.as_ref().map(|l| l.name.clone()),
            span,
        });

        let Some(code) = code else { return Vec::new() };
        self.loop_count += 1;
        let code_name = format!("__autodiff_code_{}", self.loop_count);
        self.declare(code_name.clone(), Value::Atom(Atom::Var(code)), false, None);
        let code_ident = syn::Ident::new(&code_name, span);
        let ret_ident = syn::Ident::new(RET, span);
        ctx.escapes
            .iter()
            .map(|(exit, c)| {
                let jump: syn::Expr = match exit {
                    Exit::Return => syn::parse_quote!(return #ret_ident),
                    Exit::Break(Some(l)) => {
                        let l = syn::Lifetime::new(&format!("'{l}"), span);
                        syn::parse_quote!(break #l)
                    }
                    Exit::Continue(Some(l)) => {
                        let l = syn::Lifetime::new(&format!("'{l}"), span);
                        syn::parse_quote!(continue #l)
                    }
                    Exit::Break(None) | Exit::Continue(None) => syn::parse_quote!(break),
                };
                syn::parse_quote!(if #code_ident == #c { #jump; })
            })
            .collect()
    }

    /// A name for a local that the rewrites in `desugar` introduce; no user's name can
    /// be equal to it.
    fn fresh(&mut self, what: &str, span: Span) -> syn::Ident {
        self.loop_count += 1;
        syn::Ident::new(&format!("__autodiff_{what}_{}", self.loop_count), span)
    }

    fn bind_other(&mut self, e: Expr, span: Span) -> Value {
        self.bind(e, None, Shape::Other, span)
    }

    /// The loop index is bound inside the body's scope, which `lower_loop` pushes after
    /// the header: remember it in a scope of its own that the body sees.
    fn declare_in_body(&mut self, name: String, index: Var) {
        self.pending_index = Some((name, index));
    }

    /// The value of a sequence that ran to its end: the function's value, or in a loop
    /// body the carried values and exit code 0.
    fn finish_seq(&mut self, done: Value) -> Value {
        match self.loops.last() {
            Some(_) => self.loop_yield(0),
            None => done,
        }
    }

    /// The innermost loop body's yield: its carried values and `code`.
    fn loop_yield(&mut self, code: u32) -> Value {
        let names = self.loops.last().map(|c| c.carried.clone()).unwrap_or_default();
        let mut parts: Vec<Value> = names
            .iter()
            .map(|n| self.lookup(n).map(|b| b.value.clone()).unwrap_or(Value::Unit))
            .collect();
        parts.push(Value::Atom(Atom::Const(syn::parse_quote!(#code))));
        Value::Tuple(parts)
    }

    /// A `return`, `break` or `continue` ending the current sequence (whose frames'
    /// scopes are popped here).
    fn exit(
        &mut self,
        exit: Exit,
        value: Value,
        frames: &[Frame],
        node: &dyn quote::ToTokens,
    ) -> Value {
        for _ in frames {
            self.scopes.pop();
        }
        let Some(ctx) = self.loops.last_mut() else {
            if exit != Exit::Return {
                self.errors.at(
                    node,
                    diag::unsupported("`break` or `continue` outside a loop", "remove it"),
                );
            }
            return value;
        };
        ctx.exits = true;
        let own = |l: &Option<String>| l.is_none() || *l == ctx.label;
        let code = match &exit {
            Exit::Continue(l) if own(l) => 0,
            Exit::Break(l) if own(l) => CODE_BREAK,
            other => {
                let code = match other {
                    Exit::Return => CODE_RETURN,
                    _ => match ctx.escapes.iter().find(|(e, _)| e == other) {
                        Some((_, c)) => *c,
                        None => 3 + ctx.escapes.len() as u32,
                    },
                };
                if !ctx.escapes.iter().any(|(e, _)| e == other) {
                    ctx.escapes.push((other.clone(), code));
                }
                code
            }
        };
        if exit == Exit::Return {
            if let Some(b) = self.lookup_mut(RET) {
                b.value = value;
            }
        }
        self.loop_yield(code)
    }

    /// Pops the finished innermost frame whose value is `v`; `Some` with the function's
    /// value when no frame is left.
    fn end_frame(&mut self, v: Value, frames: &mut Vec<Frame>) -> Option<Value> {
        loop {
            let done = frames.pop()?;
            self.scopes.pop();
            if frames.is_empty() {
                return Some(v);
            }
            if !done.tail_of_below {
                return None;
            }
            // The finished block was the tail of the one below, which ends with it and
            // has its value: finish that one too.
        }
    }

    /// A statement that contains `return`: a `return`, a block, or an `if`.
    fn lower_returning(&mut self, stmt: syn::Stmt, is_tail: bool, frames: Vec<Frame>) -> Value {
        let expr = match &stmt {
            syn::Stmt::Expr(e, _) => e,
            // `let .. else` is reported as such by `lower_stmt`.
            other => {
                self.lower_stmt(other);
                return Value::Unit;
            }
        };
        match expr {
            syn::Expr::Return(r) => {
                let v = match &r.expr {
                    Some(e) => {
                        self.tail = true;
                        self.lower_expr(e, None)
                    }
                    None => Value::Unit,
                };
                self.exit(Exit::Return, v, &frames, r)
            }
            syn::Expr::Break(b) => {
                if let Some(e) = &b.expr {
                    self.errors.at(
                        e,
                        diag::unsupported(
                            "`break` with a value",
                            "assign the value to a `let mut` declared before the loop",
                        ),
                    );
                }
                let label = b.label.as_ref().map(|l| l.ident.to_string());
                self.exit(Exit::Break(label), Value::Unit, &frames, b)
            }
            syn::Expr::Continue(c) => {
                let label = c.label.as_ref().map(|l| l.ident.to_string());
                self.exit(Exit::Continue(label), Value::Unit, &frames, c)
            }
            syn::Expr::Block(b) if b.label.is_none() => {
                let mut frames = frames;
                frames.push(Frame { stmts: b.block.stmts.clone(), pos: 0, tail_of_below: is_tail });
                self.scopes.push(Vec::new());
                self.lower_seq(frames)
            }
            syn::Expr::If(ifx) => {
                let cond = self.lower_cond(&ifx.cond);
                let snapshot = self.scopes.clone();
                // Both branches lower the rest of `frames` to their end, which pops the
                // frames' scopes; `branch` restores the scopes it started with, so they
                // are popped here again. (Inside a loop body the sequence ends at the
                // body's end, and the loop's scopes below must be the ones left.)
                let remaining = self.scopes.len().saturating_sub(frames.len());
                let then_stmts = ifx.then_branch.stmts.clone();
                let else_stmts: Option<Vec<syn::Stmt>> =
                    ifx.else_branch.as_ref().map(|(_, e)| match &**e {
                        syn::Expr::Block(b) => b.block.stmts.clone(),
                        other => vec![syn::Stmt::Expr(other.clone(), None)],
                    });
                let then_frames = {
                    let mut f = frames.clone();
                    f.push(Frame { stmts: then_stmts, pos: 0, tail_of_below: is_tail });
                    f
                };
                let else_frames = {
                    let mut f = frames;
                    if let Some(stmts) = else_stmts {
                        f.push(Frame { stmts, pos: 0, tail_of_below: is_tail });
                    } else {
                        // The missing `else` runs nothing; the rest follows in its frame.
                        f.push(Frame { stmts: Vec::new(), pos: 0, tail_of_below: is_tail });
                    }
                    f
                };
                let span = ifx.span();
                let value = self.branch(
                    cond,
                    |l| {
                        l.scopes.push(Vec::new());
                        l.lower_seq(then_frames)
                    },
                    |l| {
                        l.scopes = snapshot;
                        l.scopes.push(Vec::new());
                        l.lower_seq(else_frames)
                    },
                    None,
                    span,
                    false,
                );
                self.scopes.truncate(remaining);
                value
            }
            // An exit inside some other expression: reported at the exit.
            _ => {
                self.lower_stmt(&stmt);
                Value::Unit
            }
        }
    }

    fn lower_stmt(&mut self, stmt: &syn::Stmt) {
        if let Some(e) = as_loop(stmt) {
            if !self.lower_loop(e).is_empty() {
                self.errors.at(e, diag::RETURN_IN_EXPRESSION);
            }
            return;
        }
        let let_else = matches!(stmt, syn::Stmt::Local(l) if l.init.as_ref().is_some_and(|i| i.diverge.is_some()));
        if !let_else {
            if let Some((span, is_return)) = first_exit(stmt) {
                let msg =
                    if is_return { diag::RETURN_IN_EXPRESSION } else { diag::EXIT_IN_EXPRESSION };
                self.errors.at_span(span, msg);
                return;
            }
        }
        match stmt {
            syn::Stmt::Local(local) => self.lower_let(local),
            syn::Stmt::Item(item) => self.func.items.push(item.clone()),
            syn::Stmt::Expr(e, _) => {
                self.lower_expr(e, None);
            }
            syn::Stmt::Macro(m) => {
                self.lower_macro(&m.mac, None);
            }
        }
    }

    fn lower_let(&mut self, local: &syn::Local) {
        let Some(init) = &local.init else {
            self.unsupported(
                local,
                "a `let` without a value",
                "give the variable its value where it is declared",
            );
            return;
        };
        if let Some((_, diverge)) = &init.diverge {
            self.unsupported(diverge, "`let .. else`", "use `if` instead");
            return;
        }
        let (pat, ty) = match &local.pat {
            syn::Pat::Type(pt) => (&*pt.pat, Some((*pt.ty).clone())),
            p => (p, None),
        };
        let hint = match pat {
            syn::Pat::Ident(p) => Some(p.ident.to_string()),
            _ => None,
        };
        // `let [a, b] = &x[..2];`: a part of a slice, whose length is known at run time
        // (rustc finds the pattern refutable too); said at the pattern.
        if let (syn::Pat::Slice(_), true) = (peel_ref_pat(pat), is_subslice(&init.expr)) {
            self.errors.at(pat, diag::ARRAY_PATTERN_ON_SLICE);
            return;
        }
        let value = self.lower_expr(&init.expr, hint.as_deref());
        self.bind_pattern(pat, value, ty, init.expr.span());
    }

    fn bind_pattern(&mut self, pat: &syn::Pat, value: Value, ty: Option<syn::Type>, span: Span) {
        match pat {
            syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => {
                let name = p.ident.to_string();
                let value = match value {
                    // Constants and places get their own variable: the user's type
                    // annotation stays on it, and a place is read only once.
                    // A `let mut` starting from a plain constant becomes its first value
                    // directly (a loop's cell, typically), unless a type is written.
                    Value::Atom(a @ Atom::Const(_))
                        if p.mutability.is_some()
                            && ty.is_none()
                            && !matches!(self.shape_of(&a), Shape::Tensor { .. }) =>
                    {
                        Value::Atom(a)
                    }
                    // A row (`for row in x.iter()`, `let r = x[i];`) of an array the
                    // function never writes names the row in place: a row of a `Vec` of
                    // `Vec`s cannot be moved out, and there is no later store to keep it
                    // from. A row of one it writes, or one bound `let mut`, is a copy of
                    // the row as it is now.
                    Value::Atom(a @ Atom::Place(v, _))
                        if matches!(self.shape_of(&a), Shape::Tensor { .. }) =>
                    {
                        if self.mutable_tensors.contains(&v) || p.mutability.is_some() {
                            let shape = self.shape_of(&a);
                            self.bind_typed(Expr::CopyOf(a), &name, shape, ty.clone(), span)
                        } else {
                            Value::Atom(a)
                        }
                    }
                    Value::Atom(a @ (Atom::Const(_) | Atom::Place(..))) => {
                        let shape = self.shape_of(&a);
                        self.bind_typed(Expr::Atom(a), &name, shape, ty.clone(), span)
                    }
                    Value::Atom(Atom::Var(v)) if ty.is_some() => {
                        // A fresh local, or a local array or `Vec` not yet typed (the
                        // result of a block, `let v: Vec<f64> = x.iter().map(..).collect();`):
                        // the type goes on its own `let`, since a typed copy would move a
                        // `Vec` that the reverse sweep still reads.
                        let untyped_local = matches!(self.func.info(v).shape, Shape::Tensor { .. })
                            && !matches!(ty, Some(syn::Type::Reference(_)))
                            && self.func.vars[v.0].ty.is_none()
                            && !self.func.params.iter().any(|p| p.var == v);
                        if self.just_bound(v) || untyped_local {
                            self.func.vars[v.0].ty = ty.clone();
                            Value::Atom(Atom::Var(v))
                        } else {
                            let shape = self.func.info(v).shape;
                            self.bind_typed(Expr::var(v), &name, shape, ty.clone(), span)
                        }
                    }
                    other => other,
                };
                let value = match value {
                    // `let mut y = x;` of an array or `Vec` that a name in scope holds
                    // (not a value made for this `let`): writes to `y` must not reach
                    // `x`, so `y` is a copy.
                    Value::Atom(Atom::Var(v))
                        if p.mutability.is_some()
                            && matches!(self.func.info(v).shape, Shape::Tensor { .. })
                            && self.named(v) =>
                    {
                        let shape = self.func.info(v).shape;
                        let copy = self.bind(Expr::CopyOf(Atom::Var(v)), Some(&name), shape, span);
                        self.same_library(v, &copy);
                        copy
                    }
                    other => other,
                };
                if p.mutability.is_some() {
                    if let Value::Atom(Atom::Var(v)) = &value {
                        if let Shape::Tensor { .. } = self.func.info(*v).shape {
                            self.mutable_tensors.insert(*v);
                        }
                    }
                }
                self.declare(name, value, p.mutability.is_some(), ty);
            }
            syn::Pat::Type(pt) => self.bind_pattern(&pt.pat, value, Some((*pt.ty).clone()), span),
            syn::Pat::Paren(p) => self.bind_pattern(&p.pat, value, ty, span),
            // `&v` over elements: a float read by value, the same value here.
            syn::Pat::Reference(r) if r.mutability.is_none() => {
                self.bind_pattern(&r.pat, value, ty, span)
            }
            syn::Pat::Wild(_) => {}
            syn::Pat::Slice(s) => self.bind_array(s, value, ty, span),
            syn::Pat::Tuple(t) => match value {
                Value::Tuple(parts) if parts.len() == t.elems.len() => {
                    let tys: Vec<Option<syn::Type>> = match &ty {
                        Some(syn::Type::Tuple(tt)) if tt.elems.len() == parts.len() => {
                            tt.elems.iter().cloned().map(Some).collect()
                        }
                        _ => vec![None; parts.len()],
                    };
                    for ((p, v), ty) in t.elems.iter().zip(parts).zip(tys) {
                        self.bind_pattern(p, v, ty, span);
                    }
                }
                Value::Tuple(parts) => {
                    self.errors.at(t, diag::tuple_arity(t.elems.len(), parts.len()));
                }
                Value::Atom(a) | Value::MutRef(a) => self.bind_fields(t, a, span),
                Value::View(_) => self.errors.at(t, diag::VIEW_VALUE),
                Value::Closure(_) => self.errors.at(t, diag::CLOSURE_VALUE),
                Value::Fail => self.errors.at(t, diag::FAILURE_VALUE),
                Value::Unit => {
                    self.unsupported(
                        t,
                        "destructuring a value that is not a tuple expression",
                        "bind the parts with `let (a, b) = (.., ..)` or index them",
                    );
                }
            },
            other => {
                self.unsupported(
                    other,
                    "this pattern",
                    "bind to a name, or to a tuple or an array of names",
                );
            }
        }
    }

    /// `let (a, b) = v;` of a tuple that is one value (the result of a call with constant
    /// arguments, `let (lo, hi) = bounds(n);`): each name is bound to its field, as `v.0`
    /// reads it. Such a value carries no derivative. A differentiated callee's tuple
    /// would need an adjoint that is a tuple, which the reverse sweep does not have: it is
    /// refused.
    fn bind_fields(&mut self, t: &syn::PatTuple, value: Atom, span: Span) {
        let value = match value {
            c @ Atom::Const(_) => match self.bind(Expr::Atom(c), None, Shape::Other, span) {
                Value::Atom(a) => a,
                _ => return,
            },
            a if self.shape_of(&a) == Shape::Other => a,
            a => {
                let call = a.var().is_some_and(|v| self.call_results.contains(&v));
                if call {
                    self.errors.at(t, diag::CALL_TUPLE_PATTERN);
                } else {
                    self.unsupported(
                        t,
                        "destructuring a value that is not a tuple expression",
                        "bind the parts with `let (a, b) = (.., ..)` or index them",
                    );
                }
                return;
            }
        };
        let mut rest = false;
        for (k, p) in t.elems.iter().enumerate() {
            if matches!(p, syn::Pat::Rest(_)) {
                rest = true;
                continue;
            }
            if rest {
                // `(a, .., z)`: the fields after `..` need the tuple's arity.
                self.unsupported(p, "a field after `..`", "name every field of the tuple");
                return;
            }
            let field = syn::Member::Unnamed(syn::Index { index: k as u32, span });
            let v = self.project(value.clone(), Proj::Field(field), span, None);
            // The fields of an item a loop borrows (`for (xs, y) in data` over a slice of
            // tuples) are borrowed too, as Rust's binding modes make them.
            let v = match v {
                Value::Atom(place @ Atom::Place(..))
                    if value.var().is_some_and(|r| self.borrowed.contains(&r)) =>
                {
                    let borrow = Expr::Unary(UnOp::Ref, Box::new(Expr::Atom(place)));
                    self.bind_other(borrow, span)
                }
                other => other,
            };
            self.bind_pattern(p, v, None, span);
        }
    }

    /// `[a, b, c]`, `[first, .., last]`, `[[a, b], [c, d]]` on an array (by value, by
    /// reference or dereferenced): each name is bound to its element exactly as `x[k]`
    /// would read it (an element after `..` as `x[x.len() - k]`), so both modes see an
    /// indexed read. That the pattern fits the array's length is rustc's to check, in the
    /// user's function, which the siblings are only ever compiled beside.
    fn bind_array(&mut self, s: &syn::PatSlice, value: Value, ty: Option<syn::Type>, span: Span) {
        let base = match value {
            Value::Atom(a) | Value::MutRef(a) => a,
            Value::View(_) => {
                self.errors.at(s, diag::ARRAY_PATTERN_ON_SLICE);
                return;
            }
            Value::Closure(_) => {
                self.errors.at(s, diag::CLOSURE_VALUE);
                return;
            }
            Value::Fail => {
                self.errors.at(s, diag::FAILURE_VALUE);
                return;
            }
            Value::Tuple(_) => {
                self.errors.at(s, diag::ARRAY_PATTERN_VALUE);
                return;
            }
            // Nothing to bind from (reported where it was made).
            Value::Unit => return,
        };
        // (A place inside a slice or `Vec` is a row, an array, which a pattern fits.)
        let on_slice = matches!(&base, Atom::Var(v) if self.seqs.contains(v));
        if on_slice || self.linalg_of(&base).is_some() {
            self.errors.at(s, diag::ARRAY_PATTERN_ON_SLICE);
            return;
        }
        let is_rest = |p: &syn::Pat| matches!(p, syn::Pat::Rest(_));
        for p in &s.elems {
            if let syn::Pat::Ident(pi) = p {
                if pi.subpat.as_ref().is_some_and(|(_, sub)| is_rest(sub)) {
                    self.errors.at(p, diag::ARRAY_PATTERN_REST_BINDING);
                    return;
                }
            }
        }
        // A constant array is bound once, its elements read from that local.
        let base = match base {
            c @ Atom::Const(_) => {
                let shape = self.shape_of(&c);
                match self.bind(Expr::Atom(c), None, shape, span) {
                    Value::Atom(a) => a,
                    _ => return,
                }
            }
            other => other,
        };
        let elem_ty = match ty {
            Some(syn::Type::Array(a)) => Some((*a.elem).clone()),
            _ => None,
        };
        let n = s.elems.len();
        let rest = s.elems.iter().position(is_rest);
        let mut len: Option<Atom> = None;
        for (k, p) in s.elems.iter().enumerate() {
            if is_rest(p) || matches!(p, syn::Pat::Wild(_)) {
                continue;
            }
            let index = match rest {
                Some(r) if k > r => {
                    let len = match &len {
                        Some(l) => l.clone(),
                        None => {
                            let l = Expr::Method {
                                recv: Box::new(Expr::Atom(base.clone())),
                                method: syn::Ident::new("len", span),
                                turbofish: None,
                                args: Vec::new(),
                            };
                            let l = self.bind(l, Some("len"), Shape::Other, span);
                            let l = self.atom(l, span);
                            len = Some(l.clone());
                            l
                        }
                    };
                    let back = n - k;
                    let i = Expr::bin(
                        BinOp::Sub,
                        Expr::Atom(len),
                        Expr::Atom(Atom::Const(syn::parse_quote!(#back))),
                    );
                    let i = self.bind(i, Some("k"), Shape::Other, span);
                    self.atom(i, span)
                }
                _ => Atom::Const(syn::parse_quote!(#k)),
            };
            let hint = match p {
                syn::Pat::Ident(pi) => Some(pi.ident.to_string()),
                _ => None,
            };
            let v = self.element(base.clone(), index, span, hint.as_deref());
            self.bind_pattern(p, v, elem_ty.clone(), span);
        }
    }

    /// Whether a binding in scope holds `v` or a place in it (`let a = [0.0; 2];` makes
    /// `a` hold its array; a block's local that is its value holds it no more after it).
    fn named(&self, v: Var) -> bool {
        fn holds(value: &Value, v: Var) -> bool {
            match value {
                Value::Atom(a) => a.var() == Some(v),
                Value::Tuple(parts) => parts.iter().any(|p| holds(p, v)),
                Value::View(w) => w.base.var() == Some(v),
                Value::MutRef(base) => base.var() == Some(v),
                // What a closure captured, it reads when called.
                Value::Closure(c) => c.captures(&|b| holds(b, v)),
                Value::Unit | Value::Fail => false,
            }
        }
        self.scopes.iter().flatten().any(|b| holds(&b.value, v))
    }

    /// Was `v` bound by the statement just lowered (so it is the `let`'s own value)?
    fn just_bound(&self, v: Var) -> bool {
        let last = self.blocks.last().and_then(|b| b.last());
        matches!(last, Some(Stmt::Let { vars, .. }) if vars.as_slice() == [v])
    }

    fn bind_typed(
        &mut self,
        expr: Expr,
        name: &str,
        shape: Shape,
        ty: Option<syn::Type>,
        span: Span,
    ) -> Value {
        let v = self.func.new_var(name, shape);
        self.func.vars[v.0].ty = ty;
        self.push(Stmt::Let { vars: vec![v], value: expr, span });
        Value::Atom(Atom::Var(v))
    }

    /// `x = e` and `x op= e` on a `let mut` local (or `mut` parameter), and the same on
    /// an element of a `let mut` array (`y[i] = e`, `y[i][j] += e`).
    fn lower_assign(&mut self, target: &syn::Expr, op: Option<BinOp>, rhs: &syn::Expr) -> Value {
        let name = match target {
            syn::Expr::Path(p) if p.qself.is_none() && p.path.get_ident().is_some() => {
                p.path.segments[0].ident.to_string()
            }
            syn::Expr::Index(_) => return self.lower_store(target, op, rhs),
            // `*v = e` of an `iter_mut()` item.
            syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Deref(_), expr, .. })
                if matches!(self.root_of(expr), Some(Value::MutRef(_))) =>
            {
                return self.lower_store(expr, op, rhs);
            }
            other => {
                self.errors.at(other, diag::ASSIGN_TARGET);
                return Value::Unit;
            }
        };
        if self.lookup(&name).is_some_and(|b| matches!(&b.value, Value::Atom(a) if a.var().is_some_and(|v| self.mutable_tensors.contains(&v)))) {
            self.errors.at(target, diag::TENSOR_ASSIGN);
            return Value::Unit;
        }
        let (old, ty) = match self.lookup(&name) {
            Some(b) if b.mutable => (b.value.clone(), b.ty.clone()),
            _ => {
                self.errors.at(target, diag::assign_to_immutable(&name));
                return Value::Unit;
            }
        };
        let span = rhs.span();
        let new = match op {
            None => match self.lower_expr(rhs, Some(&name)) {
                Value::Atom(a @ (Atom::Const(_) | Atom::Place(..))) => {
                    let shape = self.shape_of(&a);
                    self.bind_typed(Expr::Atom(a), &name, shape, ty, span)
                }
                v => v,
            },
            Some(op) => {
                let a = self.atom(old, target.span());
                let b = self.operand(rhs);
                let shape = self.arith_shape(&a, &b);
                self.bind(Expr::bin(op, Expr::Atom(a), Expr::Atom(b)), Some(&name), shape, span)
            }
        };
        if let Some(b) = self.lookup_mut(&name) {
            b.value = new;
        }
        Value::Unit
    }

    /// `y[i] = e` or `y[i] op= e`: the old element is read into a local first.
    fn lower_store(&mut self, target: &syn::Expr, op: Option<BinOp>, rhs: &syn::Expr) -> Value {
        let span = target.span();
        let mut indices = Vec::new();
        let mut base = target;
        while let syn::Expr::Index(ix) = base {
            indices.push(&*ix.index);
            base = &ix.expr;
        }
        indices.reverse();
        // A local tensor, or an `iter_mut()` item (a place in one, `row[j] = ..`).
        let (y, mut proj) = match self.root_of(base) {
            Some(Value::Atom(Atom::Var(y))) => (y, Vec::new()),
            Some(Value::MutRef(Atom::Place(y, proj))) => (y, proj),
            _ => {
                self.errors.at(target, diag::ASSIGN_TARGET);
                return Value::Unit;
            }
        };
        // `let mut m = g(x); m[i] = ..`: a callee's array or `Vec`, owned by the `let mut`,
        // written in place like a local one.
        let owned_result = self.call_results.contains(&y)
            && matches!(base, syn::Expr::Path(p) if p.path.get_ident().is_some_and(|id| self.lookup(&id.to_string()).is_some_and(|b| b.mutable)));
        if owned_result && !self.mutable_tensors.contains(&y) {
            let depth = proj.len() + indices.len();
            let info = &mut self.func.vars[y.0];
            match info.shape {
                Shape::Tensor { depth: d } if d >= depth => {}
                _ => info.shape = Shape::Tensor { depth },
            }
            self.mutable_tensors.insert(y);
        }
        if !self.mutable_tensors.contains(&y) {
            self.errors.at(target, diag::STORE_TARGET);
            return Value::Unit;
        }
        proj.extend(indices.into_iter().map(|i| Proj::Index(self.operand(i))));
        let place = Atom::Place(y, proj);
        let value = match op {
            None => self.operand(rhs),
            Some(op) => {
                let shape = self.shape_of(&place);
                let old = self.bind(Expr::Atom(place.clone()), None, shape, span);
                let old = self.atom(old, span);
                let r = self.operand(rhs);
                let shape = self.arith_shape(&old, &r);
                let new =
                    self.bind(Expr::bin(op, Expr::Atom(old), Expr::Atom(r)), None, shape, span);
                self.atom(new, span)
            }
        };
        self.push(Stmt::Assign { target: place, value: Expr::Atom(value), span });
        Value::Unit
    }

    /// The value a local's name is bound to, for a store through it.
    fn root_of(&self, e: &syn::Expr) -> Option<Value> {
        match e {
            syn::Expr::Path(p) => p
                .path
                .get_ident()
                .and_then(|id| self.lookup(&id.to_string()))
                .map(|b| b.value.clone()),
            syn::Expr::Paren(p) => self.root_of(&p.expr),
            _ => None,
        }
    }

    /// `y.push(v)`: a store at the index `y.len()` had before.
    fn lower_push(&mut self, y: Var, value: &syn::Expr, span: Span) -> Value {
        if self.loop_vecs.contains(&y) {
            return self.unsupported(
                value,
                "`push` onto a `Vec` declared inside a loop",
                "declare the `Vec` before the loop, or use `vec![0.0; n]` and assign by index",
            );
        }
        let len = Expr::Method {
            recv: Box::new(Expr::var(y)),
            method: syn::Ident::new("len", span),
            turbofish: None,
            args: Vec::new(),
        };
        let k = self.bind(len, Some("k"), Shape::Other, span);
        let k = self.atom(k, span);
        let v = self.operand(value);
        self.push(Stmt::Assign {
            target: Atom::Place(y, vec![Proj::Push(k)]),
            value: Expr::Atom(v),
            span,
        });
        Value::Unit
    }

    fn arith_shape(&self, a: &Atom, b: &Atom) -> Shape {
        if self.shape_of(a) == Shape::Scalar || self.shape_of(b) == Shape::Scalar {
            Shape::Scalar
        } else {
            Shape::Other
        }
    }

    // ---- control flow ------------------------------------------------------------

    fn lower_cond(&mut self, cond: &syn::Expr) -> Atom {
        if let syn::Expr::Let(l) = cond {
            self.unsupported(l, "`if let`", "compare with `==` or use plain `if`");
            return Atom::Const(syn::parse_quote!(false));
        }
        match cond {
            // A macro as the condition is a `bool` (`ulps_eq!(a, b)`).
            syn::Expr::Macro(m) => self.lower_condition_macro(&m.mac),
            _ => self.operand(cond),
        }
    }

    /// Lowers both branches with `then` and `els` (each runs in its own statement list)
    /// and joins them: the variables that differ, and the branch values, become outs.
    /// With `merge_env` false the branches end the function, and nothing is merged.
    fn branch(
        &mut self,
        cond: Atom,
        then: impl FnOnce(&mut Self) -> Value,
        els: impl FnOnce(&mut Self) -> Value,
        hint: Option<&str>,
        span: Span,
        merge_env: bool,
    ) -> Value {
        let before = self.scopes.clone();
        self.blocks.push(Vec::new());
        let then_value = then(self);
        let then_stmts = self.blocks.pop().unwrap_or_default();
        let then_env = std::mem::replace(&mut self.scopes, before.clone());
        self.blocks.push(Vec::new());
        let else_value = els(self);
        let else_stmts = self.blocks.pop().unwrap_or_default();
        let else_env = std::mem::replace(&mut self.scopes, before);

        // A branch that fails never reaches the join: the `if` keeps only the failure,
        // and the other branch goes on after it (`if c { None } else { Some(v) }` is
        // `if c { return None; } v`).
        let fails = (matches!(then_value, Value::Fail), matches!(else_value, Value::Fail));
        if fails != (false, false) {
            let block = |stmts| Block { stmts, yields: Vec::new() };
            let (then, els, on, value, env) = match fails {
                (true, false) => (then_stmts, Vec::new(), else_stmts, else_value, else_env),
                (false, true) => (Vec::new(), else_stmts, then_stmts, then_value, then_env),
                _ => (then_stmts, else_stmts, Vec::new(), Value::Fail, self.scopes.clone()),
            };
            let (then, els) = (block(then), block(els));
            self.push(Stmt::If { cond, then, els, outs: Vec::new(), span });
            if let Some(b) = self.blocks.last_mut() {
                b.extend(on);
            }
            if merge_env {
                self.scopes = env;
            }
            return value;
        }

        let mut then_yields = Vec::new();
        let mut else_yields = Vec::new();
        let mut outs = Vec::new();
        let mut rebuild: Vec<(usize, usize, Value)> = Vec::new();
        if merge_env {
            let names: Vec<(usize, usize, String)> = self
                .scopes
                .iter()
                .enumerate()
                .flat_map(|(i, s)| s.iter().enumerate().map(move |(j, b)| (i, j, b.name.clone())))
                .collect();
            for (i, j, name) in names {
                {
                    let (t, e) = (&then_env[i][j].value, &else_env[i][j].value);
                    if !same(t, e) {
                        match self.join(t, e, &name, &mut then_yields, &mut else_yields, &mut outs)
                        {
                            Ok(v) => rebuild.push((i, j, v)),
                            Err(msg) => self.errors.at_span(span, msg),
                        }
                    }
                }
            }
        }
        let value = match self.join(
            &then_value,
            &else_value,
            hint.unwrap_or("t"),
            &mut then_yields,
            &mut else_yields,
            &mut outs,
        ) {
            Ok(v) => v,
            Err(msg) => {
                self.errors.at_span(span, msg);
                Value::Unit
            }
        };
        for (i, j, v) in rebuild {
            self.scopes[i][j].value = v;
        }
        let then = Block { stmts: then_stmts, yields: then_yields };
        let els = Block { stmts: else_stmts, yields: else_yields };
        self.push(Stmt::If { cond, then, els, outs, span });
        value
    }

    /// The out variables joining `t` (then) and `e` (else), tuple by tuple.
    fn join(
        &mut self,
        t: &Value,
        e: &Value,
        name: &str,
        ty: &mut Vec<Atom>,
        ey: &mut Vec<Atom>,
        outs: &mut Vec<Var>,
    ) -> Result<Value, String> {
        match (t, e) {
            (Value::Unit, Value::Unit) => Ok(Value::Unit),
            (Value::Atom(a), Value::Atom(b)) => {
                let sa = self.shape_of(a);
                let shape = if sa.is_float() { sa } else { self.shape_of(b) };
                let v = self.func.new_var(name, shape);
                ty.push(a.clone());
                ey.push(b.clone());
                outs.push(v);
                Ok(Value::Atom(Atom::Var(v)))
            }
            (Value::Tuple(xs), Value::Tuple(ys)) if xs.len() == ys.len() => xs
                .iter()
                .zip(ys)
                .map(|(x, y)| self.join(x, y, name, ty, ey, outs))
                .collect::<Result<Vec<_>, String>>()
                .map(Value::Tuple),
            _ => Err(diag::branch_kinds(name)),
        }
    }

    fn lower_block(&mut self, block: &syn::Block) -> Value {
        let tail = std::mem::take(&mut self.tail);
        self.scopes.push(Vec::new());
        let mut value = Value::Unit;
        for (i, stmt) in block.stmts.iter().enumerate() {
            match stmt {
                syn::Stmt::Expr(e, None)
                    if i + 1 == block.stmts.len() && !has_exit(stmt) && as_loop(stmt).is_none() =>
                {
                    self.tail = tail;
                    value = self.lower_expr(e, None);
                }
                other => self.lower_stmt(other),
            }
        }
        self.scopes.pop();
        value
    }

    // ---- expressions -------------------------------------------------------------

    /// Is `e` free of locals (and of anything with effects on them)? Then it is kept as
    /// written, one constant atom.
    fn is_constant(&self, e: &syn::Expr) -> bool {
        use syn::Expr as E;
        match e {
            E::Lit(_) => true,
            E::Path(p) => match p.path.get_ident() {
                Some(id) if p.qself.is_none() => self.lookup(&id.to_string()).is_none(),
                _ => true,
            },
            E::Paren(p) => self.is_constant(&p.expr),
            E::Group(g) => self.is_constant(&g.expr),
            E::Unary(u) => self.is_constant(&u.expr),
            E::Binary(b) => {
                !is_assign_op(&b.op) && self.is_constant(&b.left) && self.is_constant(&b.right)
            }
            E::Cast(c) => self.is_constant(&c.expr),
            E::Field(f) => self.is_constant(&f.base),
            E::Index(i) => self.is_constant(&i.expr) && self.is_constant(&i.index),
            E::MethodCall(m) => {
                self.is_constant(&m.receiver) && m.args.iter().all(|a| self.is_constant(a))
            }
            // `Vec::new()` is a local `Vec` to push onto, not a constant.
            E::Call(c) if is_new_vec(&c.func) => false,
            E::Call(c) => self.is_constant(&c.func) && c.args.iter().all(|a| self.is_constant(a)),
            E::Reference(r) => r.mutability.is_none() && self.is_constant(&r.expr),
            E::Repeat(r) => self.is_constant(&r.expr) && self.is_constant(&r.len),
            // `cfg!(debug_assertions)`, which a `debug_assert!` is lowered to test.
            E::Macro(m) => m.mac.path.is_ident("cfg"),
            E::Array(a) => a.elems.iter().all(|e| self.is_constant(e)),
            _ => false,
        }
    }

    fn lower_expr(&mut self, e: &syn::Expr, hint: Option<&str>) -> Value {
        use syn::Expr as E;
        // Where the expression is the function's result, `Some(v)`, `Ok(v)`, `None` and
        // `Err(e)` are outcomes, not values (even constant ones: `Ok(f64::NAN)`).
        let tail = std::mem::take(&mut self.tail);
        if tail {
            if let Some(v) = self.lower_outcome(e, hint) {
                return v;
            }
        }
        if !matches!(e, E::Paren(_) | E::Group(_)) && self.is_constant(e) {
            return Value::Atom(Atom::Const(e.clone()));
        }
        let span = e.span();
        match e {
            E::Path(p) => {
                // Not constant, so a local.
                let name = p.path.segments[0].ident.to_string();
                self.lookup(&name).map(|b| b.value.clone()).unwrap_or(Value::Unit)
            }
            E::Paren(p) => {
                self.tail = tail;
                self.lower_expr(&p.expr, hint)
            }
            E::Group(g) => {
                self.tail = tail;
                self.lower_expr(&g.expr, hint)
            }
            E::Unary(u) => {
                let a = self.operand(&u.expr);
                let op = match u.op {
                    syn::UnOp::Neg(_) => UnOp::Neg,
                    syn::UnOp::Not(_) => UnOp::Not,
                    syn::UnOp::Deref(_) => {
                        if self.shape_of(&a).is_float() {
                            return Value::Atom(a);
                        }
                        UnOp::Deref
                    }
                    _ => return self.unsupported(u, "this unary operator", "use `-`, `!` or `*`"),
                };
                if let (UnOp::Neg, Shape::Tensor { .. }) = (op, self.shape_of(&a)) {
                    self.errors.at(u, diag::MATRIX_ARITHMETIC);
                    return Value::Unit;
                }
                let shape = if op == UnOp::Neg { self.shape_of(&a) } else { Shape::Other };
                self.bind(Expr::Unary(op, Box::new(Expr::Atom(a))), hint, shape, span)
            }
            E::Binary(b) => self.lower_binary(b, hint),
            E::Assign(a) => self.lower_assign(&a.left, None, &a.right),
            E::Call(c) => self.lower_call(c, hint),
            E::MethodCall(m) => self.lower_method(m, hint),
            E::Index(ix) => {
                self.indexed_call_result(e);
                if let E::Range(r) = &*ix.index {
                    return self.lower_subslice(&ix.expr, r, span);
                }
                let base = match self.lower_expr(&ix.expr, None) {
                    Value::View(w) => {
                        let j = self.operand(&ix.index);
                        return self.view_element(*w, j, span, hint);
                    }
                    v => self.atom(v, ix.expr.span()),
                };
                let index = match (&*ix.index, self.linalg_of(&base)) {
                    // `m[(i, j)]` (nalgebra), `a[[i, j]]` (ndarray): the pair is bound to a
                    // local, `(i, j)`, which both libraries take as an index. (A tuple
                    // indexes nothing else, which rustc reports.)
                    (E::Tuple(syn::ExprTuple { elems, .. }), _)
                    | (E::Array(syn::ExprArray { elems, .. }), Some(_)) => {
                        let parts: Vec<Expr> =
                            elems.iter().map(|e| Expr::Atom(self.operand(e))).collect();
                        let pair = self.bind_other(Expr::Tuple(parts), span);
                        self.atom(pair, span)
                    }
                    _ => self.operand(&ix.index),
                };
                self.element(base, index, span, hint)
            }
            E::Field(f) => {
                let base = self.lower_expr(&f.base, None);
                match (base, &f.member) {
                    (Value::Tuple(mut parts), syn::Member::Unnamed(i))
                        if (i.index as usize) < parts.len() =>
                    {
                        parts.swap_remove(i.index as usize)
                    }
                    (v, member) => {
                        let a = self.atom(v, span);
                        self.project(a, Proj::Field(member.clone()), span, hint)
                    }
                }
            }
            E::Cast(c) => {
                let a = self.operand(&c.expr);
                // A cast to an integer ends the derivative; to anything else (`f32`,
                // an alias of `f64`, `_`) it carries it, and rustc checks the types.
                let to_int = matches!(&*c.ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|l| INT_TYPES.iter().any(|t| l.ident == t)));
                let shape = if to_int { Shape::Other } else { Shape::Scalar };
                let cast = Expr::Cast(Box::new(Expr::Atom(a)), CastTo::As(c.ty.clone()));
                self.bind(cast, hint, shape, span)
            }
            E::Block(b) if b.label.is_none() => {
                self.tail = tail;
                self.lower_block(&b.block)
            }
            E::If(ifx) => {
                let cond = self.lower_cond(&ifx.cond);
                self.branch(
                    cond,
                    |l| {
                        l.tail = tail;
                        l.lower_block(&ifx.then_branch)
                    },
                    |l| match &ifx.else_branch {
                        Some((_, e)) => {
                            l.tail = tail;
                            l.lower_expr(e, None)
                        }
                        None => Value::Unit,
                    },
                    hint,
                    span,
                    true,
                )
            }
            E::Tuple(t) => Value::Tuple(t.elems.iter().map(|e| self.lower_expr(e, None)).collect()),
            E::Reference(r) if r.mutability.is_none() => {
                let a = match self.lower_expr(&r.expr, hint) {
                    // `&x[1..]`: the view is already a borrow.
                    v @ Value::View(_) => return v,
                    v => self.atom(v, r.expr.span()),
                };
                // `&x` of a float or an array reads the same values: the identity for
                // derivatives (a call's argument keeps its `&`, see `argument`).
                if self.shape_of(&a).is_float() {
                    return Value::Atom(a);
                }
                self.bind(Expr::Unary(UnOp::Ref, Box::new(Expr::Atom(a))), hint, Shape::Other, span)
            }
            E::Return(r) if r.expr.as_deref().is_some_and(fallible::is_failure) => {
                self.lower_failure(r.expr.as_deref().unwrap_or(e))
            }
            E::Return(r) => {
                self.errors.at(r, diag::RETURN_IN_EXPRESSION);
                Value::Unit
            }
            E::Try(t) => self.lower_try(t, hint),
            E::ForLoop(_) | E::While(_) | E::Loop(_) => {
                self.errors.at(e, diag::LOOP_VALUE);
                Value::Unit
            }
            E::Break(_) | E::Continue(_) => {
                self.errors.at(e, diag::RETURN_IN_EXPRESSION);
                Value::Unit
            }
            E::Match(m) => match super::desugar::match_to_if(m, &self.fresh("match", m.span())) {
                Ok(e) => {
                    self.tail = tail;
                    self.lower_expr(&e, hint)
                }
                Err((span, msg)) => {
                    self.errors.at_span(span, msg);
                    Value::Unit
                }
            },
            E::Closure(c) => self.lower_closure(c),
            E::Macro(m) => self.lower_macro(&m.mac, hint),
            E::Array(a) => self.lower_array(a, hint, false),
            E::Repeat(r) => self.lower_fill(&r.expr, &r.len, false, r.span(), hint),
            E::Range(r) => self.unsupported(r, "a range", "index single elements"),
            E::Unsafe(u) => self.unsupported(
                u.unsafe_token,
                "`unsafe`",
                "move unsafe code into a function called with constant arguments",
            ),
            E::Reference(r) => self.unsupported(
                r,
                "`&mut`",
                "compute a new value instead of mutating through a reference",
            ),
            other => {
                let construct = match other {
                    E::Struct(_) => "a struct literal",
                    E::Block(_) => "a labelled block",
                    E::Async(_) => "an `async` block",
                    E::Await(_) => "`.await`",
                    E::Try(_) => "the `?` operator",
                    E::TryBlock(_) => "a `try` block",
                    E::Const(_) => "a `const` block",
                    E::Yield(_) => "`yield`",
                    E::Let(_) => "a `let` expression",
                    _ => "this expression",
                };
                self.unsupported(other, construct, "write it with `let`, `if` and loops, or move it into a function called with constant arguments")
            }
        }
    }

    /// `[e0, e1, ..]` of computed elements: a local array filled by stores,
    /// `let y = [zero; n]; y[0] = e0; ..`, so that both modes treat it like any array.
    /// With `vec`, the same as a `Vec` (`vec![e0, e1]`, `Vec::from([e0, e1])`).
    fn lower_array(&mut self, a: &syn::ExprArray, hint: Option<&str>, vec: bool) -> Value {
        let span = a.span();
        let elems: Vec<Atom> = a.elems.iter().map(|e| self.operand(e)).collect();
        let Some(first) = elems.first().cloned() else {
            return self.unsupported(a, "an empty array", "give it elements");
        };
        let elem_shape = self.shape_of(&first);
        let (zero, depth) = match elem_shape {
            Shape::Tensor { depth } => (Expr::ZeroLike(first), depth + 1),
            _ => (Expr::ZeroOf(first), 1),
        };
        let n = elems.len();
        let len = Expr::Atom(Atom::Const(syn::parse_quote!(#n)));
        let y = self.bind(
            Expr::Repeat { elem: Box::new(zero), len: Box::new(len), vec },
            hint,
            Shape::Tensor { depth },
            span,
        );
        let Value::Atom(Atom::Var(yv)) = y else { return Value::Unit };
        self.mutable_tensors.insert(yv);
        for (k, e) in elems.into_iter().enumerate() {
            let index = Atom::Const(syn::parse_quote!(#k));
            self.push(Stmt::Assign {
                target: Atom::Place(yv, vec![Proj::Index(index)]),
                value: Expr::Atom(e),
                span,
            });
        }
        Value::Atom(Atom::Var(yv))
    }

    /// A call's result indexed `k` times (`m[i][j]` of `let m = g(x);`) is an array or
    /// `Vec` at least `k` deep: the macro cannot see what the callee returns, but a float
    /// is not indexed. Its adjoint is then a zero of its shape, not a float.
    fn indexed_call_result(&mut self, e: &syn::Expr) {
        let mut depth = 0;
        let mut root = e;
        while let syn::Expr::Index(ix) = root {
            depth += 1;
            root = &ix.expr;
        }
        let syn::Expr::Path(p) = root else { return };
        let Some(id) = p.path.get_ident() else { return };
        let Some(Binding { value: Value::Atom(Atom::Var(v)), .. }) = self.lookup(&id.to_string())
        else {
            return;
        };
        let v = *v;
        if !self.call_results.contains(&v) {
            return;
        }
        let info = &mut self.func.vars[v.0];
        match info.shape {
            Shape::Tensor { depth: d } if d >= depth => {}
            _ => info.shape = Shape::Tensor { depth },
        }
    }

    /// `base[index]`: the element as a place, or, of an array the function writes, read
    /// now into a local (a later store must not change it). A row of such an array stays
    /// a place until it is indexed further (`y[i][j]` reads one float) or bound to a name
    /// (a copy: see `bind_pattern`), since a row of a `Vec` of `Vec`s cannot be moved out.
    fn element(&mut self, base: Atom, index: Atom, span: Span, hint: Option<&str>) -> Value {
        match self.project(base, Proj::Index(index), span, hint) {
            Value::Atom(a @ Atom::Place(v, _))
                if self.mutable_tensors.contains(&v)
                    && !matches!(self.shape_of(&a), Shape::Tensor { .. }) =>
            {
                let shape = self.shape_of(&a);
                self.bind(Expr::Atom(a), hint, shape, span)
            }
            other => other,
        }
    }

    fn project(&mut self, base: Atom, proj: Proj, span: Span, hint: Option<&str>) -> Value {
        let place = match base {
            Atom::Var(v) => Atom::Place(v, vec![proj]),
            Atom::Place(v, mut p) => {
                p.push(proj);
                Atom::Place(v, p)
            }
            c @ Atom::Const(_) => {
                let shape = self.shape_of(&c);
                let Value::Atom(Atom::Var(v)) = self.bind(Expr::Atom(c), hint, shape, span) else {
                    return Value::Unit;
                };
                Atom::Place(v, vec![proj])
            }
        };
        Value::Atom(place)
    }

    fn lower_binary(&mut self, b: &syn::ExprBinary, hint: Option<&str>) -> Value {
        use syn::BinOp as B;
        let span = b.span();
        let op = match b.op {
            B::And(_) | B::Or(_) => {
                // Short-circuit: `a && b` is `if a { b } else { false }`.
                let a = self.operand(&b.left);
                let and = matches!(b.op, B::And(_));
                let short: syn::Expr =
                    if and { syn::parse_quote!(false) } else { syn::parse_quote!(true) };
                let right = &b.right;
                let rhs = |l: &mut Self| l.lower_expr(right, None);
                let konst = |_: &mut Self| Value::Atom(Atom::Const(short));
                return if and {
                    self.branch(a, rhs, konst, hint, span, true)
                } else {
                    self.branch(a, konst, rhs, hint, span, true)
                };
            }
            B::Add(_) => BinOp::Add,
            B::Sub(_) => BinOp::Sub,
            B::Mul(_) => BinOp::Mul,
            B::Div(_) => BinOp::Div,
            B::Rem(_) => BinOp::Rem,
            B::Eq(_) => BinOp::Eq,
            B::Ne(_) => BinOp::Ne,
            B::Lt(_) => BinOp::Lt,
            B::Le(_) => BinOp::Le,
            B::Gt(_) => BinOp::Gt,
            B::Ge(_) => BinOp::Ge,
            B::BitAnd(_) => BinOp::BitAnd,
            B::BitOr(_) => BinOp::BitOr,
            B::BitXor(_) => BinOp::BitXor,
            B::Shl(_) => BinOp::Shl,
            B::Shr(_) => BinOp::Shr,
            B::AddAssign(_) => return self.lower_assign(&b.left, Some(BinOp::Add), &b.right),
            B::SubAssign(_) => return self.lower_assign(&b.left, Some(BinOp::Sub), &b.right),
            B::MulAssign(_) => return self.lower_assign(&b.left, Some(BinOp::Mul), &b.right),
            B::DivAssign(_) => return self.lower_assign(&b.left, Some(BinOp::Div), &b.right),
            B::RemAssign(_) => return self.lower_assign(&b.left, Some(BinOp::Rem), &b.right),
            _ => {
                return self.unsupported(
                    b.op,
                    "this operator",
                    "use arithmetic, comparison or `&&`/`||`",
                )
            }
        };
        let l = self.operand(&b.left);
        let r = self.operand(&b.right);
        let tensor = |a: &Atom| matches!(self.shape_of(a), Shape::Tensor { .. });
        if op.is_differentiable() && (tensor(&l) || tensor(&r)) {
            // nalgebra's `m * v`: the matrix-vector product, differentiated whole.
            if let (BinOp::Mul, Some((Lib::Nalgebra, 2)), Some((Lib::Nalgebra, 1))) =
                (op, self.linalg_of(&l), self.linalg_of(&r))
            {
                if self.written(&l) || self.written(&r) {
                    self.errors.at(b, diag::MATRIX_WRITTEN_OPERAND);
                    return Value::Unit;
                }
                return self.bind_linalg(LinOp::MatVec, l, r, Lib::Nalgebra, hint, span);
            }
            if let (BinOp::Mul, Some((Lib::Nalgebra, _)), Some((Lib::Nalgebra, _))) =
                (op, self.linalg_of(&l), self.linalg_of(&r))
            {
                self.errors.at(b, diag::matrix_product("nalgebra", "this product"));
                return Value::Unit;
            }
            self.errors.at(b, diag::MATRIX_ARITHMETIC);
            return Value::Unit;
        }
        let shape = if op.is_differentiable() { self.arith_shape(&l, &r) } else { Shape::Other };
        self.bind(Expr::bin(op, Expr::Atom(l), Expr::Atom(r)), hint, shape, span)
    }

    /// `f64::sin(x)`-style paths name a primitive; other calls are opaque.
    fn lower_call(&mut self, c: &syn::ExprCall, hint: Option<&str>) -> Value {
        self.lower_call_unwrapped(c, hint, None)
    }

    /// `g(args)`, its `Option` or `Result` taken apart by `unwrap` if given.
    fn lower_call_unwrapped(
        &mut self,
        c: &syn::ExprCall,
        hint: Option<&str>,
        unwrap: Option<crate::ir::TakeApart>,
    ) -> Value {
        let span = c.span();
        if let Some(Value::Closure(closure)) = self.root_of(&c.func) {
            return self.call_closure(&closure, c, hint);
        }
        if let syn::Expr::Path(p) = &*c.func {
            let segs = &p.path.segments;
            if p.qself.is_none() && segs.len() >= 2 && !c.args.is_empty() {
                let ty = segs[segs.len() - 2].ident.to_string();
                let is_float_type =
                    ty == "f64" || ty == "f32" || ty == "Float" || self.floats.contains(&ty);
                if let Some(prim) = is_float_type
                    .then(|| prim(&segs[segs.len() - 1].ident.to_string(), c.args.len() - 1))
                    .flatten()
                {
                    let mut args: Vec<Atom> = c.args.iter().map(|a| self.operand(a)).collect();
                    // `f64::max(0.0, x)` becomes a method call on its first argument,
                    // which must then have the written type (`0.0.max(x)` would not), and
                    // so must an operand computed from literals only (`f64::sin(if c
                    // { 1.0 } else { 2.0 })`, `f64::sin(1.0 + 2.0)`).
                    if ty != "Float" {
                        let fty: Option<syn::Type> = syn::parse_str(&ty).ok();
                        let computed = !matches!(c.args.first(), Some(syn::Expr::Path(_)));
                        match args.first() {
                            Some(Atom::Const(k)) => {
                                let k = Expr::Atom(Atom::Const(k.clone()));
                                if let Value::Atom(a) =
                                    self.bind_typed(k, "t", Shape::Scalar, fty, span)
                                {
                                    args[0] = a;
                                }
                            }
                            Some(&Atom::Var(v)) if computed && self.func.info(v).ty.is_none() => {
                                if self.just_bound(v) {
                                    self.func.vars[v.0].ty = fty;
                                } else {
                                    let copy = Expr::Atom(Atom::Var(v));
                                    let shape = self.func.info(v).shape;
                                    if let Value::Atom(a) =
                                        self.bind_typed(copy, "t", shape, fty, span)
                                    {
                                        args[0] = a;
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    return self.bind_prim(prim, args, hint, span);
                }
            }
        }
        if let Some(v) = self.lower_vec_from(c, hint) {
            return v;
        }
        // `Vec::new()` and `Vec::with_capacity(n)`: a local `Vec` to `push` onto.
        {
            if is_new_vec(&c.func) {
                let args: Vec<Expr> = c.args.iter().map(|a| Expr::Atom(self.operand(a))).collect();
                let v = self.bind(
                    Expr::Call {
                        func: (*c.func).clone(),
                        floats: vec![false; args.len()],
                        args,
                        siblings: None,
                        unwrap: None,
                    },
                    hint,
                    Shape::Tensor { depth: 1 },
                    span,
                );
                if let Value::Atom(Atom::Var(y)) = &v {
                    self.seqs.insert(*y);
                    if !self.loops.is_empty() {
                        self.loop_vecs.insert(*y);
                    }
                }
                return v;
            }
        }
        // `f64::from(x)` is a cast.
        if let (syn::Expr::Path(p), 1) = (&*c.func, c.args.len()) {
            let segs = &p.path.segments;
            if p.qself.is_none() && segs.len() == 2 && segs[1].ident == "from" {
                let ty = &segs[0].ident;
                if ty == "f64" || ty == "f32" {
                    let a = self.operand(&c.args[0]);
                    return self.bind(
                        Expr::Cast(
                            Box::new(Expr::Atom(a)),
                            CastTo::As(Box::new(syn::parse_quote!(#ty))),
                        ),
                        hint,
                        Shape::Scalar,
                        span,
                    );
                }
            }
        }
        if fallible::is_outcome_constructor(&c.func) {
            self.errors.at(c, diag::OUTCOME_VALUE);
            // (A placeholder that joins with anything: one error, not a cascade.)
            return Value::Atom(Atom::Const(syn::parse_quote!(())));
        }
        let args: Vec<Expr> = c.args.iter().map(|a| self.argument(a)).collect();
        // Float arguments carry derivatives into the callee's siblings, found by name
        // beside it (`g` -> `g_jvp`, `m::g` -> `m::g_vjp`, `Self::g` -> `Self::g_vjp`).
        let floats: Vec<bool> = args
            .iter()
            .map(|a| {
                crate::ir::argument_atom(a).is_some_and(|(atom, _)| self.shape_of(atom).is_float())
            })
            .collect();
        let stop = matches!(&*c.func, syn::Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "stop_gradient"));
        let siblings = if stop { None } else { crate::ir::Siblings::of(&c.func).map(Box::new) };
        let shape = if floats.iter().any(|f| *f) { Shape::Scalar } else { Shape::Other };
        let v = self.bind(
            Expr::Call { func: (*c.func).clone(), args, floats, siblings, unwrap },
            hint,
            shape,
            span,
        );
        if let (Value::Atom(Atom::Var(r)), Shape::Scalar) = (&v, shape) {
            self.call_results.insert(*r);
        }
        v
    }

    fn lower_method(&mut self, m: &syn::ExprMethodCall, hint: Option<&str>) -> Value {
        let span = m.span();
        if let Some((operand, conversion)) = conversion(m) {
            let a = self.operand(operand);
            let shape = if self.shape_of(&a).is_float() { Shape::Scalar } else { Shape::Other };
            let cast = Expr::Cast(Box::new(Expr::Atom(a)), CastTo::Call(Box::new(conversion)));
            return self.bind(cast, hint, shape, span);
        }
        // (After conversions: `T::from_f64(y).unwrap()` is one.)
        if let Some(v) = self.lower_unwrap(m, hint) {
            return v;
        }
        if let Some(test) = range_contains(m, || self.fresh("item", span)) {
            return self.lower_expr(&test, hint);
        }
        // `self.g(args)` is `Self::g(self, args)`: a call, differentiated through
        // `Self::g_jvp` and `Self::g_vjp` when an argument is active.
        if let syn::Expr::Path(p) = &*m.receiver {
            if p.path.is_ident("self")
                && m.turbofish.is_none()
                && prim(&m.method.to_string(), m.args.len()).is_none()
            {
                let method = &m.method;
                let args = m.args.iter();
                let call: syn::ExprCall =
                    syn::parse_quote_spanned!(m.method.span()=> Self::#method(self, #(#args),*));
                return self.lower_call(&call, hint);
            }
        }
        // `x.to_vec()`, `x.clone()`, `x.to_owned()` of an array: an owned copy.
        if m.args.is_empty() && ["to_vec", "clone", "to_owned"].iter().any(|n| m.method == n) {
            let recv = self.operand(&m.receiver);
            let shape = self.shape_of(&recv);
            if let Shape::Tensor { .. } = shape {
                let copy = self.bind(Expr::CopyOf(recv.clone()), hint, shape, span);
                if let Some(v) = recv.var().filter(|_| matches!(recv, Atom::Var(_))) {
                    self.same_library(v, &copy);
                }
                if let (true, Value::Atom(Atom::Var(c))) = (m.method == "to_vec", &copy) {
                    self.seqs.insert(*c);
                }
                return copy;
            }
            if shape == Shape::Scalar {
                // A float is `Copy`: its clone is the same value.
                return Value::Atom(recv);
            }
            let expr = Expr::Method {
                recv: Box::new(Expr::Atom(recv)),
                method: m.method.clone(),
                turbofish: None,
                args: Vec::new(),
            };
            return self.bind(expr, hint, Shape::Other, span);
        }
        // The length of a view is known; of anything else, it is read.
        if m.method == "len" && m.args.is_empty() {
            return match self.lower_expr(&m.receiver, None) {
                Value::View(w) => Value::Atom(w.len),
                v => {
                    let recv = self.atom(v, m.receiver.span());
                    let expr = Expr::Method {
                        recv: Box::new(Expr::Atom(recv)),
                        method: m.method.clone(),
                        turbofish: m.turbofish.clone(),
                        args: Vec::new(),
                    };
                    self.bind(expr, hint, Shape::Other, span)
                }
            };
        }
        if m.method == "push" && m.args.len() == 1 {
            if let syn::Expr::Path(p) = &*m.receiver {
                let target = p
                    .path
                    .get_ident()
                    .and_then(|id| self.lookup(&id.to_string()))
                    .map(|b| b.value.clone());
                if let Some(Value::Atom(Atom::Var(y))) = target {
                    if self.mutable_tensors.contains(&y) {
                        return self.lower_push(y, &m.args[0], span);
                    }
                }
            }
        }
        if let Some(v) = self.lower_extend(m) {
            return v;
        }
        let float = match self.func.float_params.as_slice() {
            [t] => Some(syn::Ident::new(t, span)),
            _ => None,
        };
        let written = float.clone().or_else(|| self.written_float(span));
        let acc = self.fresh("acc", span);
        if let Some(rewritten) =
            super::desugar::chain_to_loop(m, &acc, float.as_ref(), written.as_ref())
        {
            return match rewritten {
                Ok(e) => self.lower_expr(&e, hint),
                Err((span, msg)) => {
                    self.errors.at_span(span, msg);
                    Value::Unit
                }
            };
        }
        let recv = self.operand(&m.receiver);
        if m.method == "map"
            && m.args.len() == 1
            && matches!(self.shape_of(&recv), Shape::Tensor { .. })
            && self.linalg_of(&recv).is_none()
        {
            return self.lower_array_map(recv, &m.args[0], span);
        }
        if let (true, Some(lin)) = (m.method == "dot" && m.args.len() == 1, self.linalg_of(&recv)) {
            return self.lower_dot(m, recv, lin, hint);
        }
        let args: Vec<Atom> = m.args.iter().map(|a| self.operand(a)).collect();
        if m.turbofish.is_none() {
            if let Some(prim) = prim(&m.method.to_string(), args.len()) {
                let mut all = vec![recv];
                all.extend(args);
                return self.bind_prim(prim, all, hint, span);
            }
        }
        let expr = Expr::Method {
            recv: Box::new(Expr::Atom(recv)),
            method: m.method.clone(),
            turbofish: m.turbofish.clone(),
            args: m
                .args
                .iter()
                .zip(args)
                .map(|(syn_arg, a)| match syn_arg {
                    syn::Expr::Reference(r) if r.mutability.is_none() => {
                        Expr::Unary(UnOp::Ref, Box::new(Expr::Atom(a)))
                    }
                    // `a.partial_cmp(b)` takes `&f64`: a float bound to a reference (a
                    // comparison closure's parameter) is a float here, borrowed again.
                    _ if BY_REF_METHODS.iter().any(|n| m.method == n)
                        && self.shape_of(&a) == Shape::Scalar =>
                    {
                        Expr::Unary(UnOp::Ref, Box::new(Expr::Atom(a)))
                    }
                    _ => Expr::Atom(a),
                })
                .collect(),
        };
        self.bind(expr, hint, Shape::Other, span)
    }

    /// `a.map(f)` of an array: a copy of `a` with each element replaced by `f` of it,
    /// as `for o in b.iter_mut() { *o = f(*o) }` on the copy `b` computes it.
    fn lower_array_map(&mut self, recv: Atom, f: &syn::Expr, span: Span) -> Value {
        let shape = self.shape_of(&recv);
        let copy = self.bind(Expr::CopyOf(recv), Some("mapped"), shape, span);
        if let Value::Atom(Atom::Var(c)) = &copy {
            self.mutable_tensors.insert(*c);
        }
        let out = self.fresh("mapped", span);
        self.declare(out.to_string(), copy, true, None);
        // A closure is bound to a name and called; a path (`f64::sin`) is called as is.
        let func: syn::Expr = match f {
            syn::Expr::Closure(_) => {
                let name = self.fresh("f", span);
                let closure = self.lower_expr(f, None);
                self.declare(name.to_string(), closure, false, None);
                syn::parse_quote!(#name)
            }
            path => path.clone(),
        };
        let o = self.fresh("o", span);
        self.lower_stmt(&syn::parse_quote_spanned!(span=>
            for #o in #out.iter_mut() {
                *#o = #func(*#o);
            }
        ));
        self.lookup(&out.to_string()).map(|b| b.value.clone()).unwrap_or(Value::Unit)
    }

    /// The one primitive float type the signature writes (`f64` when `f32` is not
    /// written, and the other way round), if there is exactly one.
    fn written_float(&self, span: Span) -> Option<syn::Ident> {
        let mut sig = quote::quote!();
        for p in &self.func.params {
            quote::ToTokens::to_tokens(&p.ty, &mut sig);
        }
        quote::ToTokens::to_tokens(&self.func.output_ty, &mut sig);
        let text = sig.to_string();
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '_').collect();
        match (words.contains(&"f64"), words.contains(&"f32")) {
            (true, false) => Some(syn::Ident::new("f64", span)),
            (false, true) => Some(syn::Ident::new("f32", span)),
            _ => None,
        }
    }

    /// An argument of an opaque call or method: `&x` stays a reference.
    fn argument(&mut self, a: &syn::Expr) -> Expr {
        match a {
            syn::Expr::Reference(r) if r.mutability.is_none() => {
                let inner = self.operand(&r.expr);
                Expr::Unary(UnOp::Ref, Box::new(Expr::Atom(inner)))
            }
            other => Expr::Atom(self.operand(other)),
        }
    }

    /// The library and index count of a matrix library's vector or matrix.
    fn linalg_of(&self, a: &Atom) -> Option<(Lib, usize)> {
        match a {
            Atom::Var(v) => self.linalg.get(v).copied(),
            _ => None,
        }
    }

    /// Whether `a` is a vector the function writes element by element (a `let mut` or a
    /// `mut` parameter's copy). The adjoint of a product reads its operands in the
    /// reverse sweep, after every write: such an operand would be read with the wrong
    /// values, so it is refused.
    fn written(&self, a: &Atom) -> bool {
        a.var().is_some_and(|v| self.mutable_tensors.contains(&v))
    }

    /// `copy` is a copy of `of`: of the same library, if `of` is a library's value, and a
    /// slice or `Vec` if `of` is one.
    fn same_library(&mut self, of: Var, copy: &Value) {
        let Value::Atom(Atom::Var(c)) = copy else { return };
        if let Some(m) = self.linalg.get(&of).copied() {
            self.linalg.insert(*c, m);
        }
        if self.seqs.contains(&of) {
            self.seqs.insert(*c);
        }
    }

    /// `w.dot(&x)` of a matrix library's vector or matrix `w` (the receiver, `recv`): the
    /// inner product of two vectors, or ndarray's matrix-vector product.
    fn lower_dot(
        &mut self,
        m: &syn::ExprMethodCall,
        recv: Atom,
        (lib, dims): (Lib, usize),
        hint: Option<&str>,
    ) -> Value {
        let span = m.span();
        let arg = self.operand(&m.args[0]);
        if self.written(&recv) || self.written(&arg) {
            self.errors.at(m, diag::MATRIX_WRITTEN_OPERAND);
            return Value::Unit;
        }
        // A constant argument (`&DVector::from_element(3, 1.0)`) is taken to be a vector:
        // rustc checks the rule's types, so another shape is a type error, never a wrong
        // derivative.
        let arg_dims = match (&arg, self.linalg_of(&arg)) {
            (_, Some((l, d))) if l == lib => d,
            (Atom::Const(_), None) => 1,
            _ => {
                return self.unsupported(
                    &m.args[0],
                    &format!("`dot` of a {} value with this argument", lib.name()),
                    &format!("pass a vector of {} (a parameter, or a product of them)", lib.name()),
                )
            }
        };
        match (lib, dims, arg_dims) {
            (_, 1, 1) => {
                let dot = Expr::Linalg(LinOp::Dot, vec![Expr::Atom(recv), Expr::Atom(arg)]);
                self.bind(dot, hint, Shape::Scalar, span)
            }
            (Lib::Ndarray, 2, 1) => self.bind_linalg(LinOp::MatVec, recv, arg, lib, hint, span),
            _ => {
                self.errors.at(m, diag::matrix_product(lib.name(), "this `dot`"));
                Value::Unit
            }
        }
    }

    /// `let y = op(a, b);` of a product whose result is a vector of `lib`.
    fn bind_linalg(
        &mut self,
        op: LinOp,
        a: Atom,
        b: Atom,
        lib: Lib,
        hint: Option<&str>,
        span: Span,
    ) -> Value {
        let y =
            self.bind(Expr::Linalg(op, vec![Expr::Atom(a), Expr::Atom(b)]), hint, op.shape(), span);
        if let Value::Atom(Atom::Var(v)) = &y {
            self.linalg.insert(*v, (lib, 1));
        }
        y
    }

    fn bind_prim(&mut self, prim: Prim, args: Vec<Atom>, hint: Option<&str>, span: Span) -> Value {
        let float_args = prim.float_args();
        let shape = if args.iter().take(float_args).any(|a| self.shape_of(a) == Shape::Scalar) {
            Shape::Scalar
        } else {
            Shape::Other
        };
        self.bind(Expr::Prim(prim, args.into_iter().map(Expr::Atom).collect()), hint, shape, span)
    }
}

/// The pattern under `&` and parentheses.
fn peel_ref_pat(p: &syn::Pat) -> &syn::Pat {
    match p {
        syn::Pat::Reference(r) => peel_ref_pat(&r.pat),
        syn::Pat::Paren(p) => peel_ref_pat(&p.pat),
        other => other,
    }
}

/// `(a..=b).contains(&x)` (and the other ranges) as the comparisons it makes:
/// `{ let v = *(&x); a <= v && v <= b }`; `None` for any other method call.
fn range_contains(m: &syn::ExprMethodCall, v: impl FnOnce() -> syn::Ident) -> Option<syn::Expr> {
    let mut recv = &*m.receiver;
    while let syn::Expr::Paren(p) = recv {
        recv = &p.expr;
    }
    let (syn::Expr::Range(r), true) = (recv, m.method == "contains" && m.args.len() == 1) else {
        return None;
    };
    let item = &m.args[0];
    let v = v();
    let lo = r.start.as_ref().map(|a| -> syn::Expr { syn::parse_quote!((#a <= #v)) });
    let hi = r.end.as_ref().map(|b| -> syn::Expr {
        match r.limits {
            syn::RangeLimits::Closed(_) => syn::parse_quote!((#v <= #b)),
            syn::RangeLimits::HalfOpen(_) => syn::parse_quote!((#v < #b)),
        }
    });
    let test: syn::Expr = match (lo, hi) {
        (Some(a), Some(b)) => syn::parse_quote!(#a && #b),
        (Some(t), None) | (None, Some(t)) => t,
        (None, None) => syn::parse_quote!(true),
    };
    Some(syn::parse_quote!({ let #v = *(#item); #test }))
}

/// `x[a..b]`, `&x[..]`: a slice of `x`.
fn is_subslice(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Reference(r) => is_subslice(&r.expr),
        syn::Expr::Paren(p) => is_subslice(&p.expr),
        syn::Expr::Index(ix) => matches!(&*ix.index, syn::Expr::Range(_)),
        _ => false,
    }
}

fn is_assign_op(op: &syn::BinOp) -> bool {
    use syn::BinOp as B;
    matches!(
        op,
        B::AddAssign(_)
            | B::SubAssign(_)
            | B::MulAssign(_)
            | B::DivAssign(_)
            | B::RemAssign(_)
            | B::BitXorAssign(_)
            | B::BitAndAssign(_)
            | B::BitOrAssign(_)
            | B::ShlAssign(_)
            | B::ShrAssign(_)
    )
}

/// Whether two atoms are the same: a variable or place by [`Atom::same`], a constant by
/// its tokens (a window's width `2` in both branches).
fn same_atom(a: &Atom, b: &Atom) -> bool {
    match (a, b) {
        (Atom::Const(x), Atom::Const(y)) => {
            quote::ToTokens::to_token_stream(x).to_string()
                == quote::ToTokens::to_token_stream(y).to_string()
        }
        _ => a.same(b),
    }
}

/// Whether two environment values are the same (so no phi is needed).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Unit, Value::Unit) | (Value::Fail, Value::Fail) => true,
        (Value::Atom(Atom::Var(x)), Value::Atom(Atom::Var(y))) => x == y,
        (Value::Atom(Atom::Const(x)), Value::Atom(Atom::Const(y))) => {
            quote::ToTokens::to_token_stream(x).to_string()
                == quote::ToTokens::to_token_stream(y).to_string()
        }
        (Value::Tuple(xs), Value::Tuple(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same(x, y))
        }
        (Value::MutRef(x), Value::MutRef(y)) => same_atom(x, y),
        (Value::Closure(x), Value::Closure(y)) => std::rc::Rc::ptr_eq(x, y),
        (Value::View(x), Value::View(y)) => {
            same_atom(&x.base, &y.base)
                && same_atom(&x.start, &y.start)
                && same_atom(&x.len, &y.len)
        }
        _ => false,
    }
}

/// `Vec::new` or `Vec::with_capacity` (any path ending so).
fn is_new_vec(func: &syn::Expr) -> bool {
    let syn::Expr::Path(p) = func else { return false };
    let segs = &p.path.segments;
    let n = segs.len();
    n >= 2
        && segs[n - 2].ident == "Vec"
        && (segs[n - 1].ident == "new" || segs[n - 1].ident == "with_capacity")
}
