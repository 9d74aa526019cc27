//! Compiles the lexicon files (`src/text/lexicon/*.txt`, data a clinician can review) into
//! the tables the reader loads, so nothing is parsed, expanded or folded at start-up.
#![allow(clippy::panic)]

#[allow(dead_code)]
#[path = "src/text/lexicon/compile.rs"]
mod compile;
#[allow(dead_code)]
#[path = "src/text/fold.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/text/lexicon/spec.rs"]
mod spec;

use std::path::Path;

fn main() {
    let root =
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|e| panic!("CARGO_MANIFEST_DIR: {e}"));
    let dir = Path::new(&root).join("src/text/lexicon");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/text/fold.rs");
    println!("cargo::rerun-if-changed=src/text/lexicon");
    let compiled = compile::compile(
        |name| {
            std::fs::read_to_string(dir.join(name))
                .unwrap_or_else(|e| panic!("lexicon file {name}: {e}"))
        },
        |phrase| {
            let mut folded = String::new();
            fold::fold_into(phrase, &mut folded, None);
            folded
        },
    );
    let source = compiled.to_rust().unwrap_or_else(|e| panic!("{e}"));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    std::fs::write(Path::new(&out).join("lexicon_tables.rs"), source)
        .unwrap_or_else(|e| panic!("writing the lexicon tables: {e}"));
}
