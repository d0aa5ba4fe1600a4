//! `showcall assets EVENT` (the branding checklist) and `showcall assets check FILE --kind K`.

use crate::print;
use showcall_core::asset_check::{check_file, check_label, presets};
use showcall_core::branding::{readiness, AssetStatus, BrandItem, Readiness};
use showcall_core::i18n::Lang;
use showcall_core::model::{EventData, Owner};
use std::path::Path;
use std::process::ExitCode;

/// The checklist as JSON: a documented contract (docs/cli.md).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Checklist<'a> {
    event_id: &'a str,
    event_name: &'a str,
    readiness: Readiness,
    items: &'a [BrandItem],
}

pub fn checklist(data: &EventData, json: bool, lang: Lang) {
    let r = readiness(&data.brand_items);
    if json {
        print::json(&Checklist {
            event_id: &data.event.id,
            event_name: &data.event.name,
            readiness: r,
            items: &data.brand_items,
        });
        return;
    }
    let fr = lang == Lang::FrCa;
    if fr {
        println!(
            "{} — image de marque : {}/{} éléments requis approuvés ({} %)",
            data.event.name,
            r.approved,
            r.required,
            r.percent()
        );
    } else {
        println!(
            "{} — branding: {}/{} required items approved ({}%)",
            data.event.name,
            r.approved,
            r.required,
            r.percent()
        );
    }
    for it in &data.brand_items {
        let owner = match (it.owner, fr) {
            (Owner::Customer, false) => "customer",
            (Owner::Customer, true) => "client",
            (Owner::Analyst, false) => "analyst",
            (Owner::Analyst, true) => "analyste",
        };
        let due = it
            .due
            .map(|d| d.to_string())
            .unwrap_or_else(|| "----------".into());
        let req = match (it.required, fr) {
            (true, _) => "",
            (false, false) => " (optional)",
            (false, true) => " (facultatif)",
        };
        println!(
            "{:<9} {due}  {owner:<8}  {}{req}  [{} file(s)]",
            it.status.label(lang),
            it.title,
            it.files.len()
        );
        if it.status == AssetStatus::Rejected {
            println!("          ↳ {}", it.reason);
        }
    }
}

pub fn check(file: &Path, kind: &str, json: bool, lang: Lang) -> ExitCode {
    let spec = presets()
        .remove(kind)
        .expect("clap allows known kinds only");
    let r = check_file(file, kind, &spec, lang);
    if json {
        print::json(&r);
    } else {
        let (exp, found) = if lang == Lang::FrCa {
            ("attendu", "trouvé")
        } else {
            ("expected", "found")
        };
        for c in &r.checks {
            let mark = match (c.ok, c.skipped) {
                (_, true) => "--  ",
                (true, _) => "ok  ",
                (false, _) => "FAIL",
            };
            println!(
                "{mark} {:<13} {exp} {}; {found} {}",
                c.check, c.expected, c.found
            );
        }
        if let Some(c) = r.checks.iter().find(|c| c.skipped) {
            eprintln!(
                "note: {} not run — {}",
                check_label(&c.check, lang),
                c.found
            );
        }
    }
    ExitCode::from(if r.ok() { 0 } else { 1 })
}
