//! Functions whose output is an `Option` or a `Result` of what they differentiate, and
//! calls of such functions.
//!
//! In a fallible function (`-> Option<F>`, `-> Result<F, E>`), `Some(v)` and `Ok(v)` are
//! the value `v`; `None`, `Err(e)` and `return None` / `return Err(e)` fail: a statement
//! `return None` (or `return Err(e)`, `e` lowered like any operand) in the primal code of
//! every sibling, and [`Value::Fail`] as the expression's value. An `if` with a failing
//! branch keeps only the failure and goes on with the other branch after it, so the
//! derivative code never sees the failing path: a sibling returns the failure before any
//! derivative is computed, as the function returns it.
//!
//! A call's `Option` or `Result` is taken apart where it is written: `g(x)?`,
//! `g(x).unwrap()`, `g(x).expect("..")`, and, in a fallible function, `g(x).map(|v| ..)`
//! as `{ let v = g(x)?; .. }` (the mapped result is the function's to return). The call
//! is differentiated through `g_jvp` and `g_vjp`, whose results (an `Option` or `Result`
//! of the contract's tuple when `g` is fallible) are taken apart the same way.
//!
//! Guarantees: the siblings fail exactly where and how the function fails, with the
//! same `None` or error; where it succeeds they compute what they would for a function
//! returning the success value.

use super::{Lower, Value};
use crate::diagnostics as diag;
use crate::ir::{Expr, Fallible, Stmt, TakeApart};
use syn::spanned::Spanned;

/// `None` or `Err(e)` (of any path ending so), perhaps parenthesized.
pub(super) fn is_failure(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Paren(p) => is_failure(&p.expr),
        syn::Expr::Path(p) => p.qself.is_none() && last_is(&p.path, "None"),
        syn::Expr::Call(c) => {
            c.args.len() == 1 && matches!(&*c.func, syn::Expr::Path(p) if last_is(&p.path, "Err"))
        }
        _ => false,
    }
}

/// `Some`, `Ok` or `Err` (by any path ending so): called with a computed value anywhere
/// but as the function's result, a value the macro does not differentiate.
pub(super) fn is_outcome_constructor(func: &syn::Expr) -> bool {
    matches!(func, syn::Expr::Path(p) if ["Some", "Ok", "Err"].iter().any(|n| last_is(&p.path, n)))
}

fn last_is(path: &syn::Path, name: &str) -> bool {
    path.segments.last().is_some_and(|s| s.ident == name && s.arguments.is_none())
}

/// The call inside parentheses, if `e` is one.
fn as_call(e: &syn::Expr) -> Option<&syn::ExprCall> {
    match e {
        syn::Expr::Paren(p) => as_call(&p.expr),
        syn::Expr::Call(c) if matches!(&*c.func, syn::Expr::Path(_)) => Some(c),
        _ => None,
    }
}

impl Lower<'_> {
    /// `Some(v)`, `Ok(v)`, `None` or `Err(e)` in a fallible function: the value, or the
    /// failure; `None` for any other expression.
    pub(super) fn lower_outcome(&mut self, e: &syn::Expr, hint: Option<&str>) -> Option<Value> {
        let fallible = self.func.fallible.clone()?;
        if is_failure(e) {
            return Some(self.lower_failure(e));
        }
        let c = as_call(e)?;
        let syn::Expr::Path(p) = &*c.func else { return None };
        let success = match fallible {
            Fallible::Option => "Some",
            Fallible::Result(_) => "Ok",
        };
        (c.args.len() == 1 && last_is(&p.path, success)).then(|| self.lower_expr(&c.args[0], hint))
    }

    /// `None` or `Err(e)`: the statement that returns it, and the failed value.
    pub(super) fn lower_failure(&mut self, e: &syn::Expr) -> Value {
        let span = e.span();
        let error = match (e, &self.func.fallible) {
            (syn::Expr::Paren(p), _) => return self.lower_failure(&p.expr),
            (syn::Expr::Call(c), Some(Fallible::Result(_))) => {
                Some(Box::new(Expr::Atom(self.operand(&c.args[0]))))
            }
            (syn::Expr::Path(_), Some(Fallible::Option)) => None,
            _ => {
                self.errors.at(e, diag::FAILURE_OUTSIDE_FALLIBLE);
                return Value::Unit;
            }
        };
        self.push(Stmt::Let { vars: Vec::new(), value: Expr::Fail(error), span });
        Value::Fail
    }

    /// `e?`: of a call, the call taken apart by `?`.
    pub(super) fn lower_try(&mut self, t: &syn::ExprTry, hint: Option<&str>) -> Value {
        match as_call(&t.expr) {
            Some(c) => self.lower_call_unwrapped(c, hint, Some(TakeApart::Try)),
            None => {
                self.errors.at(t, diag::TRY_TARGET);
                Value::Unit
            }
        }
    }

    /// `g(x).unwrap()`, `g(x).expect(m)`, and in a fallible function `g(x).map(|v| ..)`;
    /// `None` for any other method call.
    pub(super) fn lower_unwrap(
        &mut self,
        m: &syn::ExprMethodCall,
        hint: Option<&str>,
    ) -> Option<Value> {
        let c = as_call(&m.receiver)?;
        let unwrap = match (m.method.to_string().as_str(), m.args.len()) {
            ("unwrap", 0) => TakeApart::Unwrap,
            ("expect", 1) => TakeApart::Expect(Box::new(m.args[0].clone())),
            ("map", 1) if self.func.fallible.is_some() => {
                let syn::Expr::Closure(f) = &m.args[0] else { return None };
                let [p] = f.inputs.iter().collect::<Vec<_>>()[..] else { return None };
                let body = &f.body;
                let value = self.fresh("mapped", m.span());
                let rewritten: syn::Expr =
                    syn::parse_quote!({ let #value = #c?; let #p = #value; #body });
                return Some(self.lower_expr(&rewritten, hint));
            }
            _ => return None,
        };
        Some(self.lower_call_unwrapped(c, hint, Some(unwrap)))
    }
}
