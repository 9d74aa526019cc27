//! No import circle in `src/`: no module file may use, directly or through others, a module
//! that uses it back. A circle makes every file in it depend on every other, so none can be
//! read, tested or moved alone (issue "Structure": the crate once had one of 54 files).
//!
//! The graph is built from the source with `syn`: one node per file of `src/`, an edge from a
//! file to the file of every module its code names, whether in a `use` (`use crate::…`,
//! `use super::…`, `use self::…`, a child module's name), in a path in the code
//! (`crate::x::y`, `super::x::y`, `child::y`), in a macro's tokens (`$crate::…` too) or in a
//! serde attribute (`serialize_with = "crate::…"`). A path is followed through the module
//! tree as far as its segments name modules, so `crate::rules::units::rows::Row` is an edge
//! to `rules/units/rows.rs` and `super::plural` (a function of the family's `mod.rs`) an edge
//! to that `mod.rs`. The files of each strongly connected component of more than one file
//! are a circle.
#![allow(
    clippy::disallowed_methods, // tests sort directly; the crate sorts through src/sort.rs
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use proc_macro2::{TokenStream, TokenTree};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// One module: the file it is written in, its parent and its child modules.
struct Module {
    file: PathBuf,
    parent: Option<usize>,
    children: HashMap<String, usize>,
    /// Child modules declared inside a macro call (`rule_table! { mod over_billed: … }`):
    /// the macro's expansion uses them by name.
    macro_children: Vec<usize>,
}

struct Tree {
    modules: Vec<Module>,
    /// Parsed files, by path relative to the root's `src/`.
    files: BTreeMap<PathBuf, syn::File>,
}

/// Parses `src/lib.rs` under `root` and every file its `mod` declarations reach.
fn load(src: &Path) -> Tree {
    let mut tree = Tree {
        modules: Vec::new(),
        files: BTreeMap::new(),
    };
    add_file(
        &mut tree,
        src,
        PathBuf::from("lib.rs"),
        None,
        PathBuf::new(),
    );
    tree
}

fn add_file(
    tree: &mut Tree,
    src: &Path,
    rel: PathBuf,
    parent: Option<usize>,
    dir: PathBuf,
) -> usize {
    let text = fs::read_to_string(src.join(&rel))
        .unwrap_or_else(|e| panic!("{}: {e}", src.join(&rel).display()));
    let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", rel.display()));
    let id = tree.modules.len();
    tree.modules.push(Module {
        file: rel.clone(),
        parent,
        children: HashMap::new(),
        macro_children: Vec::new(),
    });
    let items = file.items.clone();
    tree.files.insert(rel.clone(), file);
    add_items(tree, src, &rel, id, &items, dir);
    id
}

fn add_items(
    tree: &mut Tree,
    src: &Path,
    rel: &Path,
    id: usize,
    items: &[syn::Item],
    dir: PathBuf,
) {
    for item in items {
        if let syn::Item::Macro(m) = item {
            // `mod name` inside a macro call declares a file module.
            let tokens: Vec<TokenTree> = m.mac.tokens.clone().into_iter().collect();
            for pair in tokens.windows(2) {
                if let [TokenTree::Ident(kw), TokenTree::Ident(name)] = pair {
                    if kw == "mod" {
                        let name = name.to_string();
                        let child = add_file_module(tree, src, id, &dir, &name);
                        tree.modules[id].children.insert(name, child);
                        tree.modules[id].macro_children.push(child);
                    }
                }
            }
            continue;
        }
        let syn::Item::Mod(m) = item else { continue };
        let name = m.ident.to_string();
        let child = match &m.content {
            Some((_, inner)) => {
                let cid = tree.modules.len();
                tree.modules.push(Module {
                    file: rel.to_path_buf(),
                    parent: Some(id),
                    children: HashMap::new(),
                    macro_children: Vec::new(),
                });
                add_items(tree, src, rel, cid, inner, dir.join(&name));
                cid
            }
            None => add_file_module(tree, src, id, &dir, &name),
        };
        tree.modules[id].children.insert(name, child);
    }
}

/// `mod name;` in module `id` whose files live in `dir`: `name.rs` or `name/mod.rs`.
fn add_file_module(tree: &mut Tree, src: &Path, id: usize, dir: &Path, name: &str) -> usize {
    let flat = dir.join(format!("{name}.rs"));
    let (file, child_dir) = if src.join(&flat).exists() {
        (flat, dir.join(name))
    } else {
        (dir.join(name).join("mod.rs"), dir.join(name))
    };
    add_file(tree, src, file, Some(id), child_dir)
}

/// The paths one module's code names, as segment lists (`use` trees expanded).
#[derive(Default)]
struct Paths {
    paths: Vec<Vec<String>>,
}

impl Paths {
    fn use_tree(&mut self, prefix: &mut Vec<String>, t: &syn::UseTree) {
        match t {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let mut p = prefix.clone();
                if n.ident != "self" {
                    p.push(n.ident.to_string());
                }
                // `use x::y;` names `y`: keep the path whole even when it is one segment.
                p.push(String::new());
                self.paths.push(p);
            }
            syn::UseTree::Rename(r) => {
                let mut p = prefix.clone();
                if r.ident != "self" {
                    p.push(r.ident.to_string());
                }
                p.push(String::new());
                self.paths.push(p);
            }
            syn::UseTree::Glob(_) => {
                let mut p = prefix.clone();
                p.push(String::new());
                self.paths.push(p);
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }

    /// `crate::a::b`, `$crate::a`, `super::a`, `self::a`, `name::a` sequences in tokens.
    fn tokens(&mut self, ts: TokenStream) {
        let tokens: Vec<TokenTree> = ts.into_iter().collect();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Literal(l) => {
                    let s = l.to_string();
                    let s = s.trim_matches('"');
                    if s.contains("::")
                        && s.chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == ':')
                    {
                        self.paths.push(s.split("::").map(str::to_string).collect());
                    }
                }
                TokenTree::Ident(id) => {
                    let mut path = vec![id.to_string()];
                    let mut j = i + 1;
                    loop {
                        let colons = matches!((tokens.get(j), tokens.get(j + 1)),
                            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if a.as_char() == ':' && b.as_char() == ':');
                        match (colons, tokens.get(j + 2)) {
                            (true, Some(TokenTree::Ident(next))) => {
                                path.push(next.to_string());
                                j += 3;
                            }
                            _ => break,
                        }
                    }
                    if path.len() > 1 {
                        self.paths.push(path);
                    }
                    i = j.max(i + 1);
                    continue;
                }
                TokenTree::Punct(_) => {}
            }
            i += 1;
        }
    }
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        // An inline module is its own module (see `module_items`); its `mod` line is no edge.
        for a in &m.attrs {
            self.visit_attribute(a);
        }
    }
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }
    fn visit_path(&mut self, p: &'ast syn::Path) {
        if p.segments.len() > 1 {
            self.paths
                .push(p.segments.iter().map(|s| s.ident.to_string()).collect());
        }
        syn::visit::visit_path(self, p);
    }
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.visit_path(&m.path);
        self.tokens(m.tokens.clone());
    }
    fn visit_attribute(&mut self, a: &'ast syn::Attribute) {
        if let syn::Meta::List(l) = &a.meta {
            self.tokens(l.tokens.clone());
        }
        if let syn::Meta::NameValue(nv) = &a.meta {
            if nv.path.is_ident("doc") {
                return; // doc comments mention paths in prose
            }
        }
        syn::visit::visit_attribute(self, a);
    }
}

/// The items of module `id` (a file's top level, or an inline module's body).
fn module_items(tree: &Tree, id: usize) -> Vec<syn::Item> {
    let m = &tree.modules[id];
    let file = &tree.files[&m.file];
    // Walk down from the file's own module to the inline module.
    let mut chain = Vec::new();
    let mut cur = id;
    while tree.modules[cur].file == m.file {
        match tree.modules[cur].parent {
            Some(p) if tree.modules[p].file == m.file => {
                let name = tree.modules[p]
                    .children
                    .iter()
                    .find(|(_, &c)| c == cur)
                    .map(|(n, _)| n.clone())
                    .unwrap();
                chain.push(name);
                cur = p;
            }
            _ => break,
        }
    }
    let mut items = file.items.clone();
    for name in chain.iter().rev() {
        items = items
            .iter()
            .find_map(|i| match i {
                syn::Item::Mod(m) if m.ident == name.as_str() => {
                    m.content.as_ref().map(|c| c.1.clone())
                }
                _ => None,
            })
            .unwrap();
    }
    items
}

/// Follows `path` from module `from` through the module tree; the module it ends in.
fn resolve(tree: &Tree, from: usize, path: &[String]) -> Option<usize> {
    let (mut cur, rest) = match path.first()?.as_str() {
        "crate" | "$crate" => (0, path.get(1..)?),
        "self" => (from, path.get(1..)?),
        "super" => {
            let mut cur = from;
            let mut n = 0;
            while path.get(n).map(String::as_str) == Some("super") {
                cur = tree.modules[cur].parent?;
                n += 1;
            }
            (cur, path.get(n..)?)
        }
        first => {
            let child = *tree.modules[from].children.get(first)?;
            (child, path.get(1..)?)
        }
    };
    for seg in rest {
        match tree.modules[cur].children.get(seg) {
            Some(&c) => cur = c,
            None => break,
        }
    }
    Some(cur)
}

/// The file graph of the crate under `src`: file → files it uses.
fn graph(src: &Path) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let tree = load(src);
    let mut g: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for id in 0..tree.modules.len() {
        let items = module_items(&tree, id);
        let mut paths = Paths::default();
        for item in &items {
            paths.visit_item(item);
            if let syn::Item::Macro(m) = item {
                paths.tokens(m.mac.tokens.clone());
            }
        }
        let file = tree.modules[id].file.clone();
        let edges = g.entry(file.clone()).or_default();
        for &c in &tree.modules[id].macro_children {
            edges.insert(tree.modules[c].file.clone());
        }
        for p in &paths.paths {
            let p: Vec<String> = p.iter().filter(|s| !s.is_empty()).cloned().collect();
            let p = if p.first().map(String::as_str) == Some("$") {
                p[1..].to_vec()
            } else {
                p
            };
            if let Some(target) = resolve(&tree, id, &p) {
                let tf = &tree.modules[target].file;
                if *tf != file {
                    edges.insert(tf.clone());
                }
            }
        }
    }
    g
}

/// The strongly connected components of more than one file (Tarjan).
fn circles(g: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<Vec<PathBuf>> {
    struct State<'a> {
        g: &'a BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        index: HashMap<&'a PathBuf, usize>,
        low: HashMap<&'a PathBuf, usize>,
        stack: Vec<&'a PathBuf>,
        on_stack: BTreeSet<&'a PathBuf>,
        next: usize,
        out: Vec<Vec<PathBuf>>,
    }
    fn connect<'a>(s: &mut State<'a>, v: &'a PathBuf) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        let g = s.g;
        for w in g.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                connect(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                comp.push(w.clone());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                s.out.push(comp);
            }
        }
    }
    let mut s = State {
        g,
        index: HashMap::new(),
        low: HashMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in g.keys() {
        if !s.index.contains_key(v) {
            connect(&mut s, v);
        }
    }
    s.out
}

fn describe(circles: &[Vec<PathBuf>]) -> String {
    circles
        .iter()
        .map(|c| {
            format!(
                "a circle of {} files: {}",
                c.len(),
                c.iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn count_rs(dir: &Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            if p.is_dir() {
                count_rs(&p)
            } else {
                usize::from(p.extension().is_some_and(|x| x == "rs"))
            }
        })
        .sum()
}

#[test]
fn src_has_no_import_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let g = graph(&src);
    let on_disk = count_rs(&src);
    assert_eq!(
        g.len(),
        on_disk,
        "the module tree reaches {} of the {on_disk} .rs files under src/",
        g.len()
    );
    let found = circles(&g);
    assert!(
        found.is_empty(),
        "import circles in src/ (each file uses, directly or through others, a file that uses it back; move what both need into a leaf module):\n{}",
        describe(&found)
    );
}

/// The graph function finds the kinds of circle the crate once had: a family `mod.rs` and
/// its rule files through `super::` helpers, a macro exported at the crate root, a
/// `crate::item` of `lib.rs`, a serde attribute naming a function.
#[test]
fn fixture_circles_are_found() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import-circle/src");
    let found = circles(&graph(&src));
    let files: Vec<Vec<String>> = found
        .iter()
        .map(|c| c.iter().map(|p| p.display().to_string()).collect())
        .collect();
    assert_eq!(
        files,
        vec![vec![
            "config.rs".to_string(),
            "lib.rs".to_string(),
            "report.rs".to_string(),
            "rules/mod.rs".to_string(),
            "rules/units/mod.rs".to_string(),
            "rules/units/over_billed.rs".to_string(),
        ]],
        "{}",
        describe(&found)
    );
}

/// Set `CHARTLINT_GRAPH_SRC` to a crate's `src/` to print its circles (e.g. an older
/// checkout's, to count the files of its circle).
#[test]
fn print_circles_of_another_tree() {
    let Ok(dir) = std::env::var("CHARTLINT_GRAPH_SRC") else {
        return;
    };
    let found = circles(&graph(Path::new(&dir)));
    println!("{}", describe(&found));
}
