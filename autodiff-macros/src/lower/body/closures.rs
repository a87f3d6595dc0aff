//! Closures bound to locals and called later: `let sq = |x: f64| x * x; sq(a) + sq(b)`.
//!
//! A closure is not lowered where it is written. Its `let` binds the name to the
//! closure's syntax together with the environment it was written in (every binding in
//! scope then), and each call lowers the body inline: the arguments are lowered where
//! the call is, the parameters' patterns are bound to them in a scope on top of the
//! closure's own environment, and the body's value is the call's value. So a captured
//! name means what it meant where the closure was written, even if it is shadowed
//! before the call, as Rust's capture makes it; and each call is differentiated like
//! the same expression written out.
//!
//! Refused at the closure, with a message: a closure that assigns to a variable it
//! captures (an `FnMut` whose effect would be lost), one that contains `return` or `?`
//! (they leave the closure, not the function), and `async` closures. A closure named
//! anywhere but in a call (passed to another function, returned) is refused where it
//! is used; `x.iter().map(sq)` calls it for each item (see `desugar`).
//!
//! Guarantees: a call computes what Rust's call of the closure computes, by the
//! bindings the closure captured.

use super::{Binding, Lower, Value};
use crate::diagnostics as diag;
use proc_macro2::Span;
use std::rc::Rc;
use syn::spanned::Spanned;

/// A closure bound to a local: its syntax and the bindings it captured.
pub(super) struct Closure {
    syntax: syn::ExprClosure,
    env: Vec<Vec<Binding>>,
}

impl Closure {
    /// Whether a binding the closure captured satisfies `test`.
    pub(super) fn captures(&self, test: &dyn Fn(&Value) -> bool) -> bool {
        self.env.iter().flatten().any(|b| test(&b.value))
    }
}

impl Lower<'_> {
    /// `let name = |..| ..;`: the closure, checked, as the value of the binding.
    pub(super) fn lower_closure(&mut self, c: &syn::ExprClosure) -> Value {
        if c.asyncness.is_some() {
            return self.unsupported(c, "an `async` closure", "write the computation inline");
        }
        let body = syn::Block {
            brace_token: Default::default(),
            stmts: vec![syn::Stmt::Expr((*c.body).clone(), None)],
        };
        if super::has_return_in(&body) || has_try(&body) {
            self.errors.at(c, diag::CLOSURE_EXIT);
            return Value::Unit;
        }
        let declared = declared_names(&body, c);
        if let Some(name) = super::assigned_names(&body)
            .into_iter()
            .find(|n| !declared.contains(n) && self.lookup(n).is_some())
        {
            self.errors.at(c, diag::closure_writes_capture(&name));
            return Value::Unit;
        }
        Value::Closure(Rc::new(Closure { syntax: c.clone(), env: self.scopes.clone() }))
    }

    /// `f(args)` of a closure bound to `f`: its body, lowered here on its environment.
    pub(super) fn call_closure(
        &mut self,
        closure: &Closure,
        call: &syn::ExprCall,
        hint: Option<&str>,
    ) -> Value {
        let c = &closure.syntax;
        if call.args.len() != c.inputs.len() {
            // rustc says so too; nothing is lowered.
            self.errors.at(call, diag::closure_arity(c.inputs.len(), call.args.len()));
            return Value::Unit;
        }
        let args: Vec<(Value, Span)> =
            call.args.iter().map(|a| (self.lower_expr(a, None), a.span())).collect();
        let outer = std::mem::replace(&mut self.scopes, closure.env.clone());
        self.scopes.push(Vec::new());
        for (pat, (value, span)) in c.inputs.iter().zip(args) {
            self.bind_pattern(pat, value, None, span);
        }
        let value = self.lower_expr(&c.body, hint);
        self.scopes = outer;
        value
    }
}

/// Whether a `?` is in the block (outside nested closures).
fn has_try(block: &syn::Block) -> bool {
    struct Try(bool);
    impl<'a> syn::visit::Visit<'a> for Try {
        fn visit_expr_try(&mut self, _: &'a syn::ExprTry) {
            self.0 = true;
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut t = Try(false);
    syn::visit::Visit::visit_block(&mut t, block);
    t.0
}

/// The names the closure declares: its parameters and its `let`s.
fn declared_names(block: &syn::Block, c: &syn::ExprClosure) -> Vec<String> {
    struct Declared(Vec<String>);
    impl<'a> syn::visit::Visit<'a> for Declared {
        fn visit_pat_ident(&mut self, p: &'a syn::PatIdent) {
            self.0.push(p.ident.to_string());
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut d = Declared(Vec::new());
    for p in &c.inputs {
        syn::visit::Visit::visit_pat(&mut d, p);
    }
    syn::visit::Visit::visit_block(&mut d, block);
    d.0
}
