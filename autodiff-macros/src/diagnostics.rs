//! Every message the macro can say, and the accumulator that reports them together.
//!
//! Style: lowercase, no final period, the construct named in backticks, advice after a
//! semicolon. Every error is a `syn::Error` at the span of the offending tokens.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;

/// Collects every error of one function so that they are reported in one compile.
#[derive(Default)]
pub struct Errors {
    list: Vec<syn::Error>,
}

impl Errors {
    pub fn push(&mut self, e: syn::Error) {
        self.list.push(e);
    }

    /// An error at the span of `tokens`.
    pub fn at(&mut self, tokens: impl ToTokens, msg: impl std::fmt::Display) {
        self.push(syn::Error::new_spanned(tokens, msg));
    }

    /// An error at `span`.
    pub fn at_span(&mut self, span: Span, msg: impl std::fmt::Display) {
        self.push(syn::Error::new(span, msg));
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// All errors as `compile_error!` invocations.
    pub fn to_compile_errors(&self) -> TokenStream {
        self.list.iter().map(syn::Error::to_compile_error).collect()
    }
}

pub const WRT_NOT_A_NAME: &str = "`wrt` takes parameter names, e.g. `wrt(x, y)`";
pub const WRT_EMPTY: &str =
    "`wrt()` names no parameter; list the parameters to differentiate, e.g. `wrt(x)`";

pub const ORDER: &str = "`order` is `1` (first derivatives only) or `2` (the default: also `f_hvp`, `f_hessian` and `f_vjp_jvp`)";

pub fn unknown_argument(path: &syn::Path) -> String {
    format!(
        "unknown argument `{}` of `#[differentiate]`; expected `wrt(..)`, `crate = path`, `jacobian = forward|reverse`, `order = 1|2` or `dump`",
        path.to_token_stream().to_string().replace(' ', "")
    )
}

pub const NOT_A_FUNCTION: &str =
    "`#[differentiate]` applies to functions only; put it on a `fn` with float parameters";

pub const NO_BODY: &str =
    "`#[differentiate]` needs the function's body to differentiate; put it on a function with a body";

pub fn fn_qualifier(which: &str) -> String {
    format!("`{which} fn` cannot be differentiated; remove `{which}` or differentiate a plain function that it calls")
}

pub const VARIADIC: &str = "variadic functions cannot be differentiated";

pub fn wrt_unknown(name: &syn::Ident) -> String {
    format!("`wrt` names `{name}`, which is not a parameter of this function")
}

pub fn wrt_not_float(name: &syn::Ident) -> String {
    format!("`wrt` names `{name}`, which is not a float parameter; only `f32`, `f64`, a `Float` type parameter, arrays, slices and `Vec`s of them can be differentiated")
}

pub fn wrt_twice(name: &syn::Ident) -> String {
    format!("`wrt` names `{name}` twice")
}

pub const NO_ACTIVE_PARAM: &str = "this function has no float parameter to differentiate with respect to; give it an `f32`/`f64` parameter (or an array, slice or `Vec` of them)";

pub fn no_float_bound(param: &syn::Ident) -> String {
    format!("type parameter `{param}` is not a float to `#[differentiate]`: only a `num_traits::Float` bound makes it one; write `{param}: num_traits::Float`")
}

pub const RECEIVER: &str = "`#[differentiate]` takes the receiver as `&self`: the siblings call the method again (`f_hessian` once per input), which `self` by value or `&mut self` does not allow";

pub const MUT_REF_PARAM: &str = "a `&mut` float is not supported as an out-parameter; return the value instead (`&mut [f64]` and `&mut [f64; N]` are)";

pub const SEVERAL_OUT_PARAMS: &str =
    "more than one `&mut` out-parameter is not supported; write the outputs into one buffer";

pub const OUT_PARAM_AND_RETURN: &str = "a function with a `&mut` out-parameter must not also return a value; write it into the buffer too";

pub const PARAM_PATTERN: &str =
    "a float parameter must be bound to a plain name; destructure it inside the body instead";

pub const NO_OUTPUT: &str =
    "a function without a return type has no derivative; return the float value to differentiate";

pub fn output_not_float(ty: &syn::Type) -> String {
    format!(
        "`{}` is not an output `#[differentiate]` can differentiate; return a float (`f32`, `f64`, a `Float` type parameter), or an array or `Vec` of floats",
        ty.to_token_stream().to_string().replace(' ', "")
    )
}

pub fn unsupported(construct: &str, advice: &str) -> String {
    format!("{construct} is not supported in a differentiated function; {advice}")
}

/// The macros a differentiated body may call, for the advice of a refusal.
const SUPPORTED_MACROS: &str = "`assert!`, `assert_eq!`, `assert_ne!` (and their `debug_` forms), `print!`, `println!`, `eprint!`, `eprintln!`, `format!` and `vec!`";

pub fn unsupported_macro(name: &str) -> String {
    unsupported(
        &format!("the macro `{name}!`"),
        &format!(
            "write the computation as plain Rust (the macros supported are {SUPPORTED_MACROS})"
        ),
    )
}

pub fn macro_arguments(name: &str) -> String {
    unsupported(
        &format!("`{name}!` with arguments that are not expressions"),
        "pass expressions separated by commas",
    )
}

pub fn macro_without_derivative(path: &syn::Path) -> String {
    format!(
        "the string of `{}!` reads an active value and reaches the output, but a string has no derivative; compute the float directly",
        path.to_token_stream().to_string().replace(' ', "")
    )
}

pub const VEC_FROM: &str = "`Vec::from` of anything but an array literal is not supported in a differentiated function; write `x.to_vec()`";

pub const LOOP_VALUE: &str = "a loop used as a value is not supported; assign to a `let mut` declared before the loop and use that";

pub const TENSOR_ASSIGN: &str = "a whole array, slice or `Vec` is reassigned; declare it `let mut` once and write its elements (`y[i] = ..`)";

pub const EXIT_IN_EXPRESSION: &str = "`break` or `continue` is supported as a statement of a loop's body or of an `if` in it; move it out of this expression";

pub const RETURN_IN_EXPRESSION: &str = "`return` is supported at the end of a block or directly in an `if` branch; move it out of this expression";

pub fn assign_to_immutable(name: &str) -> String {
    format!("cannot assign to `{name}`, which is not a `let mut` local of this function")
}

pub const ASSIGN_TARGET: &str = "only `let mut` locals and elements of `let mut` local arrays can be assigned; compute a new value with `let` instead";

pub fn call_without_derivative(func: &str) -> String {
    format!("`{func}` is called with an argument that depends on the differentiated parameters; calls are differentiated only into std's float methods so far, so write the computation inline or pass only constants to `{func}`")
}

pub fn method_without_derivative(method: &syn::Ident) -> String {
    format!("the method `{method}` has no derivative rule; use one of the float methods of std (`sin`, `exp`, `powi`, ...) or pass only constants to it")
}

pub fn tuple_arity(expected: usize, found: usize) -> String {
    format!("this pattern binds {expected} values but the expression gives {found}")
}

pub const ARRAY_PATTERN_ON_SLICE: &str = "an array pattern on a slice, a `Vec` or a matrix library's vector is not supported in a differentiated function (its length is known only at run time); index the elements (`x[0]`, `x[1]`), or take the parameter as a fixed array (`&[f64; N]`)";

pub const ARRAY_PATTERN_REST_BINDING: &str = "binding the rest of an array (`rest @ ..`) is not supported in a differentiated function; bind the elements used by name (`[first, .., last]`) or index them";

pub const ARRAY_PATTERN_VALUE: &str = "an array pattern on a value that is not an array is not supported in a differentiated function; bind the value to a name first";

pub const CALL_TUPLE_PATTERN: &str = "destructuring the tuple returned by a differentiated call is not supported yet (its derivative would be a tuple of derivatives); split the callee into one function per part, or return an array and index it";

pub const TUPLE_OUTPUT: &str = "a tuple cannot be used here; bind its parts with `let (a, b) = ..`";

pub fn stub_body(name: &syn::Ident) -> String {
    format!("`{name}` was not generated: `#[differentiate]` reported an error")
}

pub const CLOSURE_EXIT: &str = "a closure with `return` or `?` inside is not supported in a differentiated function; give the closure a single value (`if`/`else` for the cases)";

pub const CLOSURE_VALUE: &str = "a closure is used here as a value, which is not supported in a differentiated function; call it (`f(x)`), or pass it to `map` or `fold` of an iterator chain";

pub fn closure_writes_capture(name: &str) -> String {
    format!("this closure assigns to `{name}`, a variable it captures, which is not supported in a differentiated function; return the new value from the closure and assign it where the closure is called")
}

pub fn closure_arity(expected: usize, got: usize) -> String {
    format!("this closure takes {expected} argument(s) but {got} are given")
}

pub fn iterator_adaptor(name: &str) -> String {
    format!("a loop over `{name}` is not supported in a differentiated function; loop over a range or over the elements of arrays, slices and `Vec`s with `iter`, `iter_mut`, `enumerate`, `zip`, `skip`, `take`, `step_by`, `rev`, `windows`, `chunks` or `chunks_exact` (and compute inside the loop what `{name}` would)")
}

pub const ALWAYS_FAILS: &str =
    "this function fails on every path (`None` or `Err(..)`); there is no value to differentiate";

pub const FAILURE_VALUE: &str = "a failure (`None`, `Err(..)`) is used here as a value; in a differentiated function it can only be returned (`return None;`, `return Err(e);`, or as the value of a branch or of the body)";

pub const FAILURE_OUTSIDE_FALLIBLE: &str = "`None` or `Err(..)` here does not match the function's output; a differentiated function fails with `None` when it returns an `Option`, with `Err(..)` when it returns a `Result`";

pub const OUTCOME_VALUE: &str = "an `Option` or `Result` of a computed value is supported only as the function's result (`Some(v)`, `Ok(v)` returned or as the body's value); keep the float in a local and wrap it where it is returned";

pub const TRY_TARGET: &str = "`?` is supported on a call (`g(x)?`) only; call a function that returns the `Option` or `Result`";

pub const VIEW_VALUE: &str = "a sub-slice, window or chunk is read here as a whole value, which is not supported; index it (`w[0]`), iterate it (`w.iter()`) or take its `len()`, or copy it into a `Vec` with a loop";

pub fn branch_kinds(name: &str) -> String {
    format!("the branches of this `if` give `{name}` values of different kinds (a tuple in one, a single value in the other); give both the same kind")
}

pub const STORE_TARGET: &str = "only elements of a `let mut` local array or `Vec` can be assigned; copy the data into one first (`let mut y = [0.0; N];`)";

pub const JACOBIAN_MODE: &str =
    "`jacobian` is `forward` (one sweep per input) or `reverse` (one sweep per output)";

pub fn matrix_out_param(lib: &str) -> String {
    format!("a `&mut` vector or matrix of {lib} is not supported as an out-parameter; return the value instead, or write it into a `&mut [f64]`")
}

pub const MATRIX_GENERIC_FLOAT: &str = "vectors and matrices of a matrix library are differentiated with `f64` or `f32` elements only; write the element type";

pub const MATRIX_ARITHMETIC: &str = "arithmetic on whole vectors or matrices is not supported in a differentiated function; compute it element by element (`y[i] + b[i]`), or use `dot` or a matrix-vector product, which are differentiated whole";

pub fn matrix_product(lib: &str, what: &str) -> String {
    format!("{what} of {lib} values is not differentiated; only the inner product of two vectors and the matrix-vector product are (`w.dot(&x)`, and `m * v` for nalgebra, `m.dot(&v)` for ndarray)")
}

pub const MATRIX_ITERATION: &str = "iterating over a whole matrix is not supported; loop over its indices and read `m[(i, j)]` (nalgebra) or `a[[i, j]]` (ndarray)";

pub fn method_on_tensor(method: &syn::Ident) -> String {
    format!("the method `{method}` of a whole vector, matrix, array or `Vec` has no derivative rule; compute it from the elements (`x[i]`) in a loop, or use `dot` or a matrix-vector product, which are differentiated whole")
}

pub const MATRIX_WRITTEN_OPERAND: &str = "a vector or matrix that the function writes (`let mut`, or a `mut` parameter) cannot be an operand of `dot` or of a matrix-vector product; compute the product from a vector that is not written, or element by element";
