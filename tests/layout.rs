//! The source tree keeps its layers: the domain, the store and i18n know nothing of the
//! browser's state or views; state knows nothing of views; shared components know nothing
//! of pages; and no area of the app imports another area's pages. Every folder opens with a
//! comment saying what lives there.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort_unstable();
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The code of a file without its comments (line comments and doc comments), so that a
/// doc link to another layer is not taken for an import.
fn code(path: &Path) -> String {
    fs::read_to_string(path)
        .expect("readable file")
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `(file, forbidden path)` for every use of a forbidden path in the files under `dir`.
fn uses_of(dir: &str, forbidden: &[&str]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for file in rust_files(&src().join(dir)) {
        let text = code(&file);
        for f in forbidden {
            if text.contains(f) {
                found.push((file.display().to_string(), f.to_string()));
            }
        }
    }
    found
}

#[test]
fn lower_layers_never_import_upper_ones() {
    let ui_up = ["crate::pages", "crate::app"];
    let state_up = ["crate::pages", "crate::app", "crate::ui"];
    let core_up = ["crate::pages", "crate::app", "crate::ui", "crate::state"];
    let mut found = uses_of("ui", &ui_up);
    found.extend(uses_of("state", &state_up));
    for dir in ["domain", "store", "i18n"] {
        found.extend(uses_of(dir, &core_up));
    }
    assert!(found.is_empty(), "upward imports: {found:#?}");
}

#[test]
fn no_area_imports_another_areas_pages() {
    let pages = src().join("pages");
    let mut found = Vec::new();
    for file in rust_files(&pages) {
        let text = code(&file);
        // A page reaches its own area's files through `super::`, never through the crate
        // path of the pages, and never climbs out of its area.
        for forbidden in ["crate::pages", "super::super"] {
            if text.contains(forbidden) {
                found.push((file.display().to_string(), forbidden));
            }
        }
        let top_level = file.parent() == Some(pages.as_path());
        if top_level && !file.ends_with("mod.rs") && text.contains("super::") {
            found.push((file.display().to_string(), "super::"));
        }
    }
    assert!(found.is_empty(), "imports across areas: {found:#?}");
}

#[test]
fn pages_are_one_folder_per_area() {
    let pages = src().join("pages");
    let loose: Vec<_> = fs::read_dir(&pages)
        .expect("pages folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .filter(|n| n != "mod.rs" && n != "not_found.rs")
        .collect();
    assert!(loose.is_empty(), "pages outside an area folder: {loose:?}");
}

#[test]
fn every_folder_opens_with_a_comment() {
    let mut missing = Vec::new();
    let mut dirs = vec![src()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("readable folder") {
            let path = entry.expect("entry").path();
            if !path.is_dir() {
                continue;
            }
            dirs.push(path.clone());
            let has_rust = rust_files(&path).iter().any(|f| f.parent() == Some(&path));
            if !has_rust {
                continue; // catalogue folders hold text, not modules
            }
            let inside = path.join("mod.rs");
            let beside = path.with_extension("rs");
            let module = if inside.exists() { inside } else { beside };
            let text = fs::read_to_string(&module).unwrap_or_default();
            if !text.starts_with("//!") {
                missing.push(module.display().to_string());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "folders without an opening comment: {missing:?}"
    );
}

#[test]
fn views_never_build_change_batches() {
    // Every write is an action in `state/actions` (or `state::record_save`): a page or a
    // shared component calls it and shows the outcome.
    let mut found = uses_of("pages", &["Changes", ".commit("]);
    found.extend(uses_of("ui", &["Changes", ".commit("]));
    assert!(found.is_empty(), "views writing records: {found:#?}");
}

/// The public actions of `state/actions/deals.rs`: `(name, signature up to its body)`.
fn deal_actions() -> Vec<(String, String)> {
    let text = code(&src().join("state/actions/deals.rs"));
    text.match_indices("pub fn ")
        .chain(text.match_indices("pub async fn "))
        .map(|(at, head)| {
            let rest = &text[at + head.len()..];
            let name = rest
                .split('(')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            let signature = rest.split('{').next().unwrap_or_default().to_string();
            (name, signature)
        })
        .collect()
}

#[test]
fn deal_pages_write_through_named_actions() {
    // A deal changes only through an action named after what the rep does: the page
    // gathers the input, the action reads the stored deal, applies the domain's rule and
    // commits. No view changes a deal itself and saves the whole record.
    let generic_saves = [
        "deals::save(",
        "deals::save_deal(",
        "save_deal(",
        "deals::put(",
        "deals::update(",
    ];
    let mut found = uses_of("pages", &generic_saves);
    found.extend(uses_of("ui", &generic_saves));
    assert!(found.is_empty(), "views saving a whole deal: {found:#?}");

    // Nor does an action take a whole deal to save: each takes the deal's id and plain
    // inputs.
    let actions = deal_actions();
    let whole: Vec<_> = actions
        .iter()
        .filter(|(name, sig)| name == "save" || sig.contains(": Deal") || sig.contains(": &Deal"))
        .collect();
    assert!(
        whole.is_empty(),
        "deal actions taking a whole deal: {whole:#?}"
    );

    // The named actions are there, and the deal pages use them.
    let named = [
        "answer_questions",
        "set_override",
        "clear_override",
        "move_to",
        "set_next_step",
        "win",
        "close_lost",
        "decline",
        "reopen",
        "tick",
        "untick",
        "add_person",
        "set_role",
        "remove_person",
        "add_need",
        "remove_need",
        "set_buying_stage",
        "set_competitor",
        "add_competitive_point",
        "remove_competitive_point",
        "add_plan_action",
        "remove_plan_action",
        "save_step_notes",
        "add_main_point",
        "remove_main_point",
        "move_main_point",
        "record_rehearsal",
        "clear_rehearsal",
    ];
    let defined: Vec<&str> = actions.iter().map(|(n, _)| n.as_str()).collect();
    let missing: Vec<_> = named.iter().filter(|n| !defined.contains(n)).collect();
    assert!(missing.is_empty(), "deal actions missing: {missing:?}");
    let pages: String = rust_files(&src().join("pages/deals"))
        .iter()
        .map(|f| code(f))
        .collect();
    let unused: Vec<_> = named
        .iter()
        .filter(|n| !pages.contains(&format!("deals::{n}(")))
        .collect();
    assert!(
        unused.is_empty(),
        "deal actions no deal page calls: {unused:?}"
    );
}
