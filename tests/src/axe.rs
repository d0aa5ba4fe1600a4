//! Accessibility checks with axe-core in the real window: the `axe-core` npm package (a dev
//! dependency of ui/, installed by `npm ci`) is read from `ui/node_modules` and injected into
//! the page through WebDriver, then run against the WCAG 2.x A and AA rules.

use crate::App;
use std::fmt::Write as _;

/// The axe-core rule tags checked: WCAG 2.0, 2.1 and 2.2, levels A and AA.
pub const TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// One element that breaks a rule.
#[derive(Debug, Clone)]
pub struct Node {
    /// axe's CSS selector path to the element (one entry per frame or shadow root).
    pub target: Vec<String>,
    /// The start of the element's HTML.
    pub html: String,
    /// axe's explanation (for contrast: the colours, the size and the ratio found).
    pub summary: String,
}

/// One rule broken on the page, with the elements that break it.
#[derive(Debug, Clone)]
pub struct Violation {
    pub id: String,
    /// minor, moderate, serious or critical.
    pub impact: String,
    pub help: String,
    pub nodes: Vec<Node>,
}

/// The axe-core script from ui/node_modules.
pub fn source() -> String {
    let path = crate::root().join("ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run `npm ci` in ui/: axe-core is a dev dependency)",
            path.display()
        )
    })
}

/// Puts axe-core into the current window's page (once per page: a window that already has it
/// keeps it).
pub async fn inject(app: &App) {
    let has = app
        .client
        .execute("return typeof window.axe === 'object'", vec![])
        .await
        .expect("ask the page for axe");
    if has == serde_json::Value::Bool(true) {
        return;
    }
    // The script body runs as a function whose `window` is the page's: axe sets `window.axe`.
    app.client
        .execute(&format!("{}\nreturn true;", source()), vec![])
        .await
        .expect("inject axe-core");
}

/// Runs axe-core over the whole document of the current window and returns what it found.
pub async fn run(app: &App) -> Vec<Violation> {
    inject(app).await;
    let script = r#"
        const done = arguments[arguments.length - 1];
        window.axe
          .run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
          .then((r) => done({ ok: r.violations.map((v) => ({
              id: v.id,
              impact: v.impact || '',
              help: v.help,
              nodes: v.nodes.map((n) => ({
                target: n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : String(t)),
                html: n.html,
                summary: n.failureSummary || '',
              })),
            })) }))
          .catch((e) => done({ error: String(e && e.stack || e) }));
    "#;
    let out = app
        .client
        .execute_async(script, vec![serde_json::json!(TAGS)])
        .await
        .expect("axe.run answers");
    if let Some(e) = out.get("error") {
        panic!("axe.run failed: {e}");
    }
    let str_of = |v: &serde_json::Value, k: &str| {
        v.get(k)
            .and_then(|s| s.as_str())
            .unwrap_or_default()
            .to_string()
    };
    out.get("ok")
        .and_then(|v| v.as_array())
        .expect("axe.run returns its violations")
        .iter()
        .map(|v| Violation {
            id: str_of(v, "id"),
            impact: str_of(v, "impact"),
            help: str_of(v, "help"),
            nodes: v
                .get("nodes")
                .and_then(|n| n.as_array())
                .into_iter()
                .flatten()
                .map(|n| Node {
                    target: n
                        .get("target")
                        .and_then(|t| t.as_array())
                        .into_iter()
                        .flatten()
                        .filter_map(|t| t.as_str().map(str::to_string))
                        .collect(),
                    html: str_of(n, "html"),
                    summary: str_of(n, "summary"),
                })
                .collect(),
        })
        .collect()
}

/// How many elements break a rule, over all the violations.
pub fn count(violations: &[Violation]) -> usize {
    violations.iter().map(|v| v.nodes.len()).sum()
}

/// The first `max` characters of `s` on one line.
fn short(s: &str, max: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        one
    } else {
        format!("{}…", one.chars().take(max).collect::<String>())
    }
}

/// The violations of one screen for people to read: rule, impact, each element's selector, the
/// start of its HTML and axe's explanation.
pub fn describe(screen: &str, violations: &[Violation]) -> String {
    let mut s = format!(
        "{screen}: {} rule(s) broken by {} element(s)\n",
        violations.len(),
        count(violations)
    );
    for v in violations {
        let _ = writeln!(
            s,
            "  [{}] {} — {} ({} element(s))",
            v.impact,
            v.id,
            v.help,
            v.nodes.len()
        );
        for n in &v.nodes {
            let _ = writeln!(s, "    at   {}", n.target.join(" | "));
            let _ = writeln!(s, "    html {}", short(&n.html, 160));
            for line in n.summary.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let _ = writeln!(s, "         {}", short(line, 200));
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_violation_reads_with_its_rule_selector_and_html() {
        let v = vec![Violation {
            id: "color-contrast".into(),
            impact: "serious".into(),
            help: "Elements must meet minimum color contrast ratio thresholds".into(),
            nodes: vec![Node {
                target: vec![".tally > span".into()],
                html: format!("<span   class=\"tally\">\n{}</span>", "x".repeat(300)),
                summary:
                    "Fix any of the following:\n  Element has insufficient color contrast of 3.1"
                        .into(),
            }],
        }];
        let text = describe("report (en)", &v);
        assert!(
            text.starts_with("report (en): 1 rule(s) broken by 1 element(s)"),
            "{text}"
        );
        assert!(text.contains("[serious] color-contrast"), "{text}");
        assert!(text.contains("at   .tally > span"), "{text}");
        assert!(text.contains("html <span class=\"tally\"> xxx"), "{text}");
        assert!(text.contains("…"), "long html is cut: {text}");
        assert!(text.contains("contrast of 3.1"), "{text}");
        assert_eq!(count(&v), 1);
        assert_eq!(describe("x", &[]), "x: 0 rule(s) broken by 0 element(s)\n");
    }
}
