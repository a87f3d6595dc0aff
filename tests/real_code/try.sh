#!/usr/bin/env bash
# Re-tries functions of the real-code corpus against the current macro and prints the
# class of each: `compiles` or `refused: <first error> (line N: <source line>)`.
#
#   tests/real_code/try.sh                      # every file in tests/real_code/refused/
#   tests/real_code/try.sh path/to/NNN_name.rs  # the files named
#
# Each file is a self-contained module (its `use` lines, the function as its authors
# wrote it with `#[differentiate]` on it, and the helpers it calls). They are built
# together as modules of a scratch crate outside the workspace, with a path dependency
# on this checkout's `autodiff-core` and its own target directory (by default under
# /tmp; set SCRATCH to move it). A build stops at the first errors of some modules, so
# the modules with errors are taken out and the rest built again, until the build is
# clean: what remains compiles. `compiles` is not yet `works`: such a function still
# needs its finite-difference check in tests/tests/real_code.rs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scratch="${SCRATCH:-/tmp/autodiff-real-code-try}"

if [ "$#" -eq 0 ]; then
    set -- "$here"/refused/*.rs
fi

mkdir -p "$scratch/src"
rm -f "$scratch"/src/*.rs
cat > "$scratch/Cargo.toml" <<EOF
[package]
name = "autodiff-real-code-try"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
autodiff-core = { path = "$root/autodiff-core", features = ["nalgebra", "ndarray"] }
num-traits = "0.2.19"
nalgebra = "0.35"
ndarray = "0.17"
approx = "0.5.1"
EOF
# The workspace's versions, so that nothing new is resolved.
cp "$root/Cargo.lock" "$scratch/Cargo.lock"

declare -A file_of
modules=()
for f in "$@"; do
    base="$(basename "$f" .rs)"
    module="m_$base"
    cp "$f" "$scratch/src/$module.rs"
    file_of[$module]="$base"
    modules+=("$module")
done

declare -A refused
remaining=("${modules[@]}")
while [ "${#remaining[@]}" -gt 0 ]; do
    {
        echo '#![allow(warnings)]'
        for m in "${remaining[@]}"; do echo "mod $m;"; done
    } > "$scratch/src/lib.rs"
    if out="$(cd "$scratch" && CARGO_TARGET_DIR="$scratch/target" cargo build --offline \
        --message-format=short 2>&1)"; then
        break
    fi
    # Lines such as `src/m_001_name.rs:12:5: error: ...` (the first one of each module).
    found=0
    while IFS= read -r line; do
        m="$(sed -E 's#^src/([A-Za-z0-9_]+)\.rs:.*#\1#' <<< "$line")"
        if [ -n "${file_of[$m]:-}" ] && [ -z "${refused[$m]:-}" ]; then
            lineno="$(cut -d: -f2 <<< "$line")"
            msg="$(sed -E 's#^[^:]+:[0-9]+:[0-9]+: error(\[E[0-9]+\])?: ##' <<< "$line")"
            code="$(sed -n "${lineno}p" "$scratch/src/$m.rs" | sed -E 's/^ +//')"
            refused[$m]="$msg (line $lineno: $code)"
            found=1
        fi
    done < <(grep -E '^src/[A-Za-z0-9_]+\.rs:[0-9]+:[0-9]+: error' <<< "$out" || true)
    if [ "$found" -eq 0 ]; then
        echo "the build failed with no error in a module of the corpus:" >&2
        echo "$out" >&2
        exit 1
    fi
    next=()
    for m in "${remaining[@]}"; do
        [ -z "${refused[$m]:-}" ] && next+=("$m")
    done
    remaining=("${next[@]+"${next[@]}"}")
done

for m in "${modules[@]}"; do
    if [ -n "${refused[$m]:-}" ]; then
        echo "${file_of[$m]}: refused: ${refused[$m]}"
    else
        echo "${file_of[$m]}: compiles"
    fi
done
