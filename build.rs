//! Compiles every plan file in `assets/plans/` into the app, after checking
//! it: adding a school is adding a file, and a broken file stops the build
//! with the validator's explanation instead of reaching a phone.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read when the script runs, not baked in when it is compiled: a copy
    // of the tree built with the same target folder (scripts/one-plan-build.sh)
    // reuses this compiled script.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join("assets/plans");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("assets/plans exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();

    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let mut out =
        String::from("/// (plan id, packed plan) for every bundled plan, sorted by file name.\n");
    out.push_str("pub const BUNDLED: &[(&str, &[u8])] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let json = std::fs::read_to_string(file).expect("plan file is readable");
        let plan = rusplan_domain::load_plan(&json).unwrap_or_else(|errors| {
            let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{}:\n{}", file.display(), all.join("\n"))
        });
        let stem = file.file_stem().unwrap().to_string_lossy();
        assert_eq!(
            plan.id,
            stem,
            "{}: the plan's id must match its file name",
            file.display()
        );
        // The parents' pages are the only place translations show, and they
        // are rendered ahead of time, natively (crates/prerender): the wasm
        // programs carry none.
        let mut plan = plan;
        if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
            plan.translations.clear();
        }
        // Packed, not JSON: see crates/domain/src/packed.rs for why.
        let packed = out_dir.join(format!("{}.plan", plan.id));
        std::fs::write(&packed, rusplan_domain::packed::pack(&plan)).unwrap();
        writeln!(
            out,
            "    ({:?}, include_bytes!({:?})),",
            plan.id,
            packed.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    // The one rule for the default plan (docs/plan-format.md).
    let default = rusplan_domain::plan::default_plan_id(
        files
            .iter()
            .filter_map(|f| f.file_stem().and_then(|s| s.to_str())),
    )
    .expect("assets/plans/ holds at least one plan");
    writeln!(
        out,
        "/// The plan shown until the user picks another: \
         `rusplan_domain::plan::default_plan_id` of the bundled files.\n\
         pub const DEFAULT_PLAN: &str = {default:?};"
    )
    .unwrap();
    std::fs::write(out_dir.join("bundled_plans.rs"), out).unwrap();

    // The plan files as written and their source texts, for the studio's
    // program only (src/pages/studio.rs): the staff programs read packed plans.
    let mut studio =
        String::from("/// (plan id, plan file) of every bundled plan, by file name.\n");
    studio.push_str("pub const PLAN_FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        let stem = file.file_stem().unwrap().to_string_lossy();
        writeln!(
            studio,
            "    ({stem:?}, include_str!({:?})),",
            file.display().to_string()
        )
        .unwrap();
    }
    studio.push_str("];\n/// (file name, text) of every source text in assets/plans/sources/.\n");
    studio.push_str("pub const SOURCE_FILES: &[(&str, &str)] = &[\n");
    let sources = dir.join("sources");
    println!("cargo:rerun-if-changed={}", sources.display());
    let mut texts: Vec<_> = std::fs::read_dir(&sources)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    texts.sort();
    for text in texts
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
    {
        println!("cargo:rerun-if-changed={}", text.display());
        let name = text.file_name().unwrap().to_string_lossy();
        writeln!(
            studio,
            "    ({name:?}, include_str!({:?})),",
            text.display().to_string()
        )
        .unwrap();
    }
    studio.push_str("];\n");
    std::fs::write(out_dir.join("studio_files.rs"), studio).unwrap();
}
