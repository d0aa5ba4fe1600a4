//! Splitting a speakers cell into names.

use crate::text::fold;

/// Splits a speakers cell: lines, then `;` (or `,` when there is no `;`), then ` and `, ` et `,
/// ` & `, `/`. A credential after a comma (`Name, PhD`) stays with the name.
pub(super) fn split_names(cell: &str) -> Vec<String> {
    const CREDENTIALS: [&str; 10] = [
        "phd", "md", "mba", "cpa", "jr", "sr", "msc", "ing", "fcpa", "llb",
    ];
    let mut out: Vec<String> = Vec::new();
    for line in cell.lines() {
        let sep = if line.contains(';') { ';' } else { ',' };
        for part in line.split(sep) {
            let part = part.trim();
            let key: String = fold(part).chars().filter(|c| c.is_alphanumeric()).collect();
            if sep == ',' && CREDENTIALS.contains(&key.as_str()) {
                if let Some(prev) = out.last_mut() {
                    prev.push_str(", ");
                    prev.push_str(part);
                    continue;
                }
            }
            for name in split_words(part) {
                out.push(name);
            }
        }
    }
    out
}

fn split_words(part: &str) -> Vec<String> {
    let mut names = vec![part.to_string()];
    for sep in [" and ", " et ", " & ", "/"] {
        names = names
            .iter()
            .flat_map(|n| {
                // ASCII lower-casing keeps byte offsets, so they index `n` too.
                let lower = n.to_ascii_lowercase();
                let mut pieces = Vec::new();
                let mut from = 0;
                for (i, _) in lower.match_indices(sep) {
                    pieces.push(n[from..i].to_string());
                    from = i + sep.len();
                }
                pieces.push(n[from..].to_string());
                pieces
            })
            .collect();
    }
    names
        .into_iter()
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_cells_split_the_usual_ways() {
        assert_eq!(
            split_names("Élise Tremblay; François Côté"),
            ["Élise Tremblay", "François Côté"]
        );
        assert_eq!(split_names("Ana, Bo,  , Cy"), ["Ana", "Bo", "Cy"]);
        assert_eq!(split_names("Ana Li, PhD, Bo"), ["Ana Li, PhD", "Bo"]);
        assert_eq!(split_names("Ana and Bo"), ["Ana", "Bo"]);
        assert_eq!(split_names("Ana ET Bo\nCy / Di"), ["Ana", "Bo", "Cy", "Di"]);
        assert_eq!(split_names("Ana, Bo; Cy"), ["Ana, Bo", "Cy"]);
        assert_eq!(split_names("Roland Anderson"), ["Roland Anderson"]);
    }
}
