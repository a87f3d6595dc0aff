//! Lowers the macros a differentiated body may call, and the ways of building a `Vec`
//! or an array that go with them.
//!
//! A macro reaches the macro as tokens. Its arguments are parsed as expressions and each
//! value it reads is lowered like any operand: generated code renames the user's locals
//! (shadowing becomes SSA), so the tokens cannot be copied as they are. Format strings
//! and literals are kept as written.
//!
//! - `assert!`, `assert_eq!`, `assert_ne!` and their `debug_` forms, and `print!`,
//!   `println!`, `eprint!`, `eprintln!`: a statement that binds nothing
//!   (`Stmt::Let` with no variable), kept in the primal code of every sibling and never
//!   computed again in a reverse sweep. A message's arguments are lowered inside an `if`
//!   on the failed condition, and a `debug_` form inside `if cfg!(debug_assertions)`, so
//!   that they are evaluated exactly when Rust evaluates them.
//! - `format!`: a `String`, never active.
//! - An inline capture `{x}` of a local becomes the named argument `x = <x's value>`.
//! - `vec![a, b]` and `Vec::from([a, b])` are array literals that become `Vec`s; their
//!   elements may be rows (arrays or `Vec`s computed elsewhere), stored whole.
//! - `[x; n]` and `vec![x; n]`: a constant (or a local bound to one) fills as written; a
//!   computed value is stored into each element by a loop, whose reversal adds the
//!   elements' adjoints into `x`'s. `vec![vec![0.0; m]; n]` (rows of a constant) fills
//!   as written, the row's fill inside the outer one; a computed row is stored into each
//!   element like a computed float.
//! - `y.extend(..)` and `y.extend_from_slice(..)` onto a local `Vec` are pushes.
//! - Any other macro as an `if`'s condition (`approx::ulps_eq!(a, b, epsilon = 0.0)`):
//!   a `bool` of primal values, its arguments lowered like operands.

use super::{Lower, Value};
use crate::diagnostics as diag;
use crate::ir::{Atom, BinOp, Expr, MacroArg, MacroCall, Shape, Stmt, UnOp, Var};
use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;

/// The assertions, with `debug_` forms.
const ASSERTIONS: &[&str] = &["assert", "assert_eq", "assert_ne"];
/// The macros that print a format string.
const PRINTS: &[&str] = &["print", "println", "eprint", "eprintln"];

/// `name = value`, a named argument of a macro.
fn named_arg(arg: &syn::Expr) -> Option<(&syn::Ident, &syn::Expr)> {
    let syn::Expr::Assign(a) = arg else { return None };
    let syn::Expr::Path(p) = &*a.left else { return None };
    Some((p.path.get_ident()?, &a.right))
}

impl Lower<'_> {
    /// A macro call, as a statement or an expression.
    pub(super) fn lower_macro(&mut self, mac: &syn::Macro, hint: Option<&str>) -> Value {
        let name = mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
        if name == "vec" {
            return self.lower_vec(mac, hint);
        }
        let assertion = ASSERTIONS.contains(&name.trim_start_matches("debug_"));
        let prints = PRINTS.contains(&name.as_str());
        if !assertion && !prints && name != "format" {
            self.errors.at(mac, diag::unsupported_macro(&name));
            return Value::Unit;
        }
        let parser = Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        let Ok(args) = mac.parse_body_with(parser) else {
            self.errors.at(mac, diag::macro_arguments(&name));
            return Value::Unit;
        };
        let args: Vec<syn::Expr> = args.into_iter().collect();
        let span = mac.span();
        if assertion {
            if name.starts_with("debug_") {
                // Evaluated only where `debug_assert!` evaluates anything.
                let cfg = Atom::Const(syn::parse_quote_spanned!(span=> cfg!(debug_assertions)));
                let cond = self.bind(Expr::Atom(cfg), Some("debug"), Shape::Other, span);
                let cond = self.atom(cond, span);
                let base = name.trim_start_matches("debug_").to_string();
                return self.branch(
                    cond,
                    |l| l.lower_assertion(mac, &base, &args),
                    |_| Value::Unit,
                    None,
                    span,
                    true,
                );
            }
            return self.lower_assertion(mac, &name, &args);
        }
        let args = self.format_args(&args);
        let call = Expr::Macro(Box::new(MacroCall { path: mac.path.clone(), args }));
        if prints {
            self.push(Stmt::Let { vars: Vec::new(), value: call, span });
            return Value::Unit;
        }
        self.bind(call, hint.or(Some("text")), Shape::Other, span)
    }

    /// A macro as an `if`'s condition (`approx::ulps_eq!(a, 0.0, epsilon = 0.0)`): a
    /// `bool`, computed on primal values, through which no derivative flows. Its
    /// arguments are lowered like any operand (`name = value` too).
    pub(super) fn lower_condition_macro(&mut self, mac: &syn::Macro) -> Atom {
        let span = mac.span();
        let name = mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
        let parser = Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        let Ok(parsed) = mac.parse_body_with(parser) else {
            self.errors.at(mac, diag::macro_arguments(&name));
            return Atom::Const(syn::parse_quote!(false));
        };
        let args = parsed
            .iter()
            .map(|arg| match named_arg(arg) {
                Some((name, value)) => {
                    MacroArg::Named(name.clone(), Expr::Atom(self.operand(value)))
                }
                None => MacroArg::Value(Expr::Atom(self.operand(arg))),
            })
            .collect();
        let call = Expr::Macro(Box::new(MacroCall { path: mac.path.clone(), args }));
        let v = self.bind(call, Some("holds"), Shape::Other, span);
        self.atom(v, span)
    }

    /// `assert!(c, ..)`, `assert_eq!(a, b, ..)` or `assert_ne!(a, b, ..)` (`base`), of
    /// the macro `mac` as written.
    fn lower_assertion(&mut self, mac: &syn::Macro, base: &str, args: &[syn::Expr]) -> Value {
        let span = mac.span();
        let operands = if base == "assert" { 1 } else { 2 };
        let (values, message) = args.split_at(operands.min(args.len()));
        let values: Vec<Atom> = values.iter().map(|e| self.operand(e)).collect();
        let mut call = MacroCall {
            path: mac.path.clone(),
            args: values.iter().cloned().map(|a| MacroArg::Value(Expr::Atom(a))).collect(),
        };
        if message.is_empty() {
            if let (Some(cond), "assert") = (args.first(), base) {
                // The condition is a local now: the message names it as written, as
                // Rust's own does.
                let text: syn::Expr = syn::parse_quote_spanned!(span=>
                    concat!("assertion failed: ", stringify!(#cond)));
                call.args.push(MacroArg::Verbatim(syn::parse_quote_spanned!(span=> "{}")));
                call.args.push(MacroArg::Verbatim(text));
            }
            self.push(Stmt::Let { vars: Vec::new(), value: Expr::Macro(Box::new(call)), span });
            return Value::Unit;
        }
        // A message's arguments are evaluated only when the assertion fails.
        let holds = match (base, values.as_slice()) {
            ("assert", [c]) => c.clone(),
            (_, [a, b]) => {
                let op = if base == "assert_eq" { BinOp::Eq } else { BinOp::Ne };
                let cmp = Expr::bin(op, Expr::Atom(a.clone()), Expr::Atom(b.clone()));
                let v = self.bind(cmp, Some("holds"), Shape::Other, span);
                self.atom(v, span)
            }
            _ => return Value::Unit,
        };
        let failed = Expr::Unary(UnOp::Not, Box::new(Expr::Atom(holds)));
        let failed = self.bind(failed, Some("failed"), Shape::Other, span);
        let failed = self.atom(failed, span);
        let message = message.to_vec();
        self.branch(
            failed,
            |l| {
                call.args.extend(l.format_args(&message));
                let value = Expr::Macro(Box::new(call));
                l.push(Stmt::Let { vars: Vec::new(), value, span });
                Value::Unit
            },
            |_| Value::Unit,
            None,
            span,
            true,
        )
    }

    /// A format string and its arguments: the string as written, each argument lowered,
    /// `name = value` kept named, and each inline capture of a local (`{x}`, `{:w$}`)
    /// added as a named argument.
    fn format_args(&mut self, args: &[syn::Expr]) -> Vec<MacroArg> {
        let Some((format, rest)) = args.split_first() else { return Vec::new() };
        let mut out = vec![MacroArg::Verbatim(format.clone())];
        let mut named: Vec<String> = Vec::new();
        for arg in rest {
            match named_arg(arg) {
                Some((name, value)) => {
                    named.push(name.to_string());
                    let value = Expr::Atom(self.operand(value));
                    out.push(MacroArg::Named(name.clone(), value));
                }
                None => out.push(MacroArg::Value(Expr::Atom(self.operand(arg)))),
            }
        }
        let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = format else {
            return out;
        };
        for name in captures(&s.value()) {
            if named.contains(&name) || self.lookup(&name).is_none() {
                // A constant in scope is captured as it is: its name is not renamed.
                continue;
            }
            let ident = syn::Ident::new(&name, s.span());
            let value = Expr::Atom(self.operand(&syn::parse_quote!(#ident)));
            named.push(name);
            out.push(MacroArg::Named(ident, value));
        }
        out
    }

    /// `vec![..]`: `vec![]` is `Vec::new()`, `vec![a, b]` an array literal, `vec![x; n]`
    /// a fill.
    fn lower_vec(&mut self, mac: &syn::Macro, hint: Option<&str>) -> Value {
        let span = mac.span();
        let fill = mac.parse_body_with(|input: syn::parse::ParseStream| {
            let elem: syn::Expr = input.parse()?;
            input.parse::<syn::Token![;]>()?;
            let len: syn::Expr = input.parse()?;
            Ok((elem, len))
        });
        if let Ok((elem, len)) = fill {
            return self.lower_fill(&elem, &len, true, span, hint);
        }
        let parser = Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        let Ok(elems) = mac.parse_body_with(parser) else {
            self.errors.at(mac, diag::macro_arguments("vec"));
            return Value::Unit;
        };
        if elems.is_empty() {
            let new: syn::ExprCall = syn::parse_quote_spanned!(span=> ::std::vec::Vec::new());
            return self.lower_call(&new, hint);
        }
        let array = syn::ExprArray {
            attrs: Vec::new(),
            bracket_token: Default::default(),
            elems: elems.into_iter().collect(),
        };
        self.lower_array(&array, hint, true)
    }

    /// `[elem; len]` (`vec`: `vec![elem; len]`).
    pub(super) fn lower_fill(
        &mut self,
        elem: &syn::Expr,
        len: &syn::Expr,
        vec: bool,
        span: Span,
        hint: Option<&str>,
    ) -> Value {
        let a = self.operand(elem);
        // An array's length is a constant expression; a `Vec`'s is any integer.
        let n = if vec { self.operand(len) } else { Atom::Const(len.clone()) };
        let shape = self.shape_of(&a);
        let depth = match shape {
            Shape::Tensor { depth } => depth + 1,
            _ => 1,
        };
        // A row written in place as a fill of a constant (`vec![vec![0.0; m]; n]`) is
        // written into the outer fill, which clones it into every row: the row's own
        // local would be moved.
        let row = match &a {
            Atom::Var(v) if vec && self.bound_to_constant(*v) => self.fill_of(*v),
            _ => None,
        };
        // A constant, or a local bound to one (`let n0 = T::from_f64(0.0).unwrap();`),
        // fills as written: it has no derivative.
        if self.constant_atom(&a) {
            let elem = Box::new(row.unwrap_or(Expr::Atom(a)));
            let e = Expr::Repeat { elem, len: Box::new(Expr::Atom(n)), vec };
            return self.bind(e, hint, Shape::Tensor { depth }, span);
        }
        // A computed value is stored into every element by a loop, like the elements of
        // an array literal: reversed, it adds each element's adjoint into the value's.
        let zero = match shape {
            Shape::Tensor { .. } => Expr::ZeroLike(a.clone()),
            _ => Expr::ZeroOf(a.clone()),
        };
        let zeros =
            Expr::Repeat { elem: Box::new(zero), len: Box::new(Expr::Atom(n.clone())), vec };
        let y = self.bind(zeros, hint, Shape::Tensor { depth }, span);
        let Value::Atom(Atom::Var(yv)) = y else { return Value::Unit };
        self.mutable_tensors.insert(yv);
        self.with_aliases(
            vec![
                ("__autodiff_fill", Value::Atom(Atom::Var(yv))),
                ("__autodiff_elem", Value::Atom(a)),
                ("__autodiff_len", Value::Atom(n)),
            ],
            syn::parse_quote_spanned!(span=>
                for i in 0..__autodiff_len {
                    __autodiff_fill[i] = __autodiff_elem;
                }
            ),
        );
        Value::Atom(Atom::Var(yv))
    }

    /// Lowers `stmt`, written by the macro, with `aliases` naming values already lowered
    /// (in a scope of its own, so that they end with it).
    fn with_aliases(&mut self, aliases: Vec<(&str, Value)>, stmt: syn::Stmt) {
        self.scopes.push(Vec::new());
        for (name, value) in aliases {
            self.declare(name.to_string(), value, false, None);
        }
        self.lower_stmt(&stmt);
        self.scopes.pop();
    }

    /// Whether `a` is a constant, or a local bound to a constant or to a fill of one.
    fn constant_atom(&self, a: &Atom) -> bool {
        match a {
            Atom::Const(_) => true,
            Atom::Var(v) => self.bound_to_constant(*v),
            Atom::Place(..) => false,
        }
    }

    /// The fill `v` is bound to (`[c; n]`, `vec![c; n]`), if it is one.
    fn fill_of(&self, v: Var) -> Option<Expr> {
        self.blocks.iter().flatten().find_map(|s| match s {
            Stmt::Let { vars, value: e @ Expr::Repeat { .. }, .. } if vars.as_slice() == [v] => {
                Some(e.clone())
            }
            _ => None,
        })
    }

    fn bound_to_constant(&self, v: Var) -> bool {
        let mutable = self.mutable_tensors.contains(&v);
        let value = self.blocks.iter().flatten().find_map(|s| match s {
            Stmt::Let { vars, value, .. } if vars.as_slice() == [v] => Some(value),
            _ => None,
        });
        match value {
            Some(Expr::Atom(a @ Atom::Const(_))) => self.constant_atom(a),
            // A fill of a constant, never written since (a `let mut` row may be).
            Some(Expr::Repeat { elem, .. }) if !mutable => {
                matches!(&**elem, Expr::Atom(a) if self.constant_atom(a))
            }
            _ => false,
        }
    }

    /// `Vec::from([a, b])`, `Vec::from([x; n])`: an array literal or fill that becomes a
    /// `Vec`. `None` for any other call.
    pub(super) fn lower_vec_from(
        &mut self,
        c: &syn::ExprCall,
        hint: Option<&str>,
    ) -> Option<Value> {
        let syn::Expr::Path(p) = &*c.func else { return None };
        let segs = &p.path.segments;
        let n = segs.len();
        if p.qself.is_some() || n < 2 || segs[n - 2].ident != "Vec" || segs[n - 1].ident != "from" {
            return None;
        }
        let arg = match c.args.first() {
            Some(a) if c.args.len() == 1 => a,
            _ => return None,
        };
        Some(match arg {
            syn::Expr::Array(a) => self.lower_array(a, hint, true),
            syn::Expr::Repeat(r) => self.lower_fill(&r.expr, &r.len, true, r.span(), hint),
            other => {
                self.errors.at(other, diag::VEC_FROM);
                Value::Unit
            }
        })
    }

    /// `y.extend(..)` or `y.extend_from_slice(..)` onto a local `Vec`: pushes, one per
    /// element of an array or `vec!` literal, or a loop of pushes over anything a `for`
    /// loop iterates over. `None` for any other method.
    pub(super) fn lower_extend(&mut self, m: &syn::ExprMethodCall) -> Option<Value> {
        if !(m.method == "extend" || m.method == "extend_from_slice") || m.args.len() != 1 {
            return None;
        }
        let syn::Expr::Path(p) = &*m.receiver else { return None };
        let y = match p.path.get_ident().and_then(|id| self.lookup(&id.to_string())) {
            Some(super::Binding { value: Value::Atom(Atom::Var(y)), .. }) => *y,
            _ => return None,
        };
        if !self.mutable_tensors.contains(&y) {
            return None;
        }
        let span = m.span();
        let mut arg = &m.args[0];
        if let syn::Expr::Reference(r) = arg {
            if r.mutability.is_none() {
                arg = &r.expr;
            }
        }
        let literal: Option<Vec<syn::Expr>> = match arg {
            syn::Expr::Array(a) => Some(a.elems.iter().cloned().collect()),
            syn::Expr::Macro(mac) if mac.mac.path.is_ident("vec") => {
                let parser = Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
                mac.mac.parse_body_with(parser).ok().map(|es| es.into_iter().collect())
            }
            _ => None,
        };
        match literal {
            Some(elems) => {
                for e in &elems {
                    self.lower_push(y, e, span);
                }
            }
            None => {
                let receiver = &m.receiver;
                self.with_aliases(
                    Vec::new(),
                    syn::parse_quote_spanned!(span=>
                        for __autodiff_v in #arg {
                            #receiver.push(__autodiff_v);
                        }
                    ),
                );
            }
        }
        Some(Value::Unit)
    }
}

/// The names a format string captures: `{x}`, `{x:?}`, and the widths and precisions
/// `{:w$}`, `{:.p$}`. Positions (`{0}`) and `{{` escapes are not names.
fn captures(format: &str) -> Vec<String> {
    let is_name = |s: &str| {
        s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_alphanumeric() || c == '_')
            && s != "_"
    };
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        if is_name(s) && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    };
    let mut rest = format;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(r) = rest.strip_prefix('{') {
            rest = r;
            continue;
        }
        let Some(close) = rest.find('}') else { break };
        let inside = &rest[..close];
        rest = &rest[close + 1..];
        let (arg, spec) = inside.split_once(':').unwrap_or((inside, ""));
        add(arg.trim());
        // `w$` and `.p$` in the spec name a width and a precision.
        for part in spec.split('$').take(spec.matches('$').count()) {
            let start =
                part.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
            add(&part[start..]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::captures;

    #[test]
    fn captures_names_not_positions() {
        assert_eq!(captures("{x} {} {0} {{y}} {z:?} {:>w$.p$}"), ["x", "z", "w", "p"]);
        assert_eq!(captures("{a:.*} {b:1$}"), ["a", "b"]);
    }
}
