//! The TypeScript types of the agenda import's preview (everything `preview_agenda` and
//! `import_agenda` send or receive) are generated from the Rust types and committed as
//! `ui/src/features/agenda/bindings.ts`; the core types they use are imported from the core's
//! `ui/src/bindings.ts`. This test fails when the file is stale; run it with `UPDATE_BINDINGS=1`
//! to rewrite it.

use showcall_agenda::*;
use std::any::TypeId;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use ts_rs::{Config, Dependency, TS};

/// One declared type: its TypeScript declaration, its Rust identity and what it refers to.
struct Decl {
    text: String,
    id: TypeId,
    deps: Vec<Dependency>,
}

fn decl<T: TS + 'static>(cfg: &Config) -> Decl {
    Decl {
        text: T::decl(cfg),
        id: TypeId::of::<T>(),
        deps: T::dependencies(cfg),
    }
}

fn decls(cfg: &Config) -> Vec<Decl> {
    vec![
        // values
        decl::<DateOrder>(cfg),
        decl::<OrderBasis>(cfg),
        decl::<DateOrderUsed>(cfg),
        // mapping
        decl::<Field>(cfg),
        decl::<How>(cfg),
        decl::<MappedColumn>(cfg),
        decl::<MappingReport>(cfg),
        // row issues
        decl::<IssueCode>(cfg),
        decl::<RowIssue>(cfg),
        // rows and the file
        decl::<SourceCell>(cfg),
        decl::<FileFormat>(cfg),
        decl::<SheetInfo>(cfg),
        // plan
        decl::<StageRef>(cfg),
        decl::<PersonRef>(cfg),
        decl::<PlannedSession>(cfg),
        decl::<Outcome>(cfg),
        decl::<RowPlan>(cfg),
        decl::<PersonMatch>(cfg),
        decl::<NewItem>(cfg),
        decl::<Counts>(cfg),
        decl::<ImportPlan>(cfg),
        decl::<Prepared>(cfg),
        decl::<showcall_agenda::RowsPage>(cfg),
        decl::<showcall_agenda::Previewed>(cfg),
        decl::<showcall_agenda::SameAs>(cfg),
        // the app's import
        decl::<AgendaTarget>(cfg),
        decl::<AgendaImported>(cfg),
    ]
}

fn ui(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src")
        .join(path)
}

/// The names `export type NAME` declares in a generated file.
fn declared_in(ts: &str) -> BTreeSet<String> {
    ts.lines()
        .filter_map(|l| l.strip_prefix("export type "))
        .filter_map(|rest| rest.split([' ', '<', '=']).next())
        .map(str::to_string)
        .collect()
}

fn generate() -> String {
    let cfg = Config::new();
    let decls = decls(&cfg);
    let ours: HashSet<TypeId> = decls.iter().map(|d| d.id).collect();
    // Every type referred to but not declared here is the core's.
    let core: BTreeSet<String> = decls
        .iter()
        .flat_map(|d| &d.deps)
        .filter(|dep| !ours.contains(&dep.type_id))
        .map(|dep| dep.ts_name.clone())
        .collect();
    let in_core = declared_in(&std::fs::read_to_string(ui("bindings.ts")).unwrap_or_default());
    for name in &core {
        assert!(
            in_core.contains(name),
            "the agenda types use `{name}`, which ui/src/bindings.ts does not declare: \
             add it to crates/core/tests/bindings.rs"
        );
    }
    let mut out = String::from(
        "// Generated from the Rust types in crates/agenda by `UPDATE_BINDINGS=1 cargo test -p showcall-agenda --test bindings`.\n// Do not edit by hand.\n\n",
    );
    if !core.is_empty() {
        let names: Vec<&str> = core.iter().map(String::as_str).collect();
        out.push_str(&format!(
            "import type {{ {} }} from \"../../bindings\";\n\n",
            names.join(", ")
        ));
    }
    for d in decls {
        out.push_str("export ");
        out.push_str(&d.text);
        out.push_str("\n\n");
    }
    out.trim_end().to_string() + "\n"
}

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = ui("features/agenda/bindings.ts");
    let fresh = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/features/agenda/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p showcall-agenda --test bindings`"
    );
}
