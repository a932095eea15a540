//! `cargo bench -p clausier_benches --bench ide`: what a drafter waits for in the editor,
//! on a pack of 5,000 lines: a keystroke's new diagnostics (parse the changed file, check
//! the whole pack, collect the file's diagnostics) and completion after `hosting.`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use clausier_benches::large_pack::large_pack;
use clausier_benches::workspace_root;
use clausier_ide::{Analysis, FileId, Lang};
use criterion::{Criterion, criterion_group, criterion_main};

const PACK_LINES: usize = 5_000;

fn benches(c: &mut Criterion) {
    let files = large_pack(&workspace_root().join("rules/edtech-fr"), PACK_LINES).expect("pack");
    let lines: usize = files.iter().map(|(_, text)| text.lines().count()).sum();
    assert!(lines >= PACK_LINES, "the pack has {lines} lines");
    let texts: Vec<(FileId, String)> = files
        .iter()
        .enumerate()
        .map(|(index, (_, text))| (FileId(index as u32), text.clone()))
        .collect();
    let edited = files
        .iter()
        .position(|(name, _)| name.starts_with("hebergement-"))
        .expect("a copy of hebergement.clause");
    let file = FileId(edited as u32);
    let original = files[edited].1.clone();
    let mut analysis = Analysis::new("edtech-fr", texts);
    assert!(
        analysis.diagnostics(file).iter().all(|d| !d.is_error()),
        "the large pack compiles"
    );

    let mut group = c.benchmark_group(format!("ide, {lines}-line pack"));
    group.sample_size(20);

    // Each keystroke alternates between two texts so that every iteration really changes
    // the file; the second has an error, as text being typed often does.
    let typing = original.replacen("hosting.region", "hosting.regio", 1);
    let mut flip = false;
    group.bench_function("didChange to diagnostics", |b| {
        b.iter(|| {
            flip = !flip;
            let text = if flip { &typing } else { &original };
            analysis.set_file_text(file, text.clone());
            black_box(analysis.diagnostics(file))
        });
    });

    let with_dot = original.replacen("hosting.region", "hosting.", 1);
    let offset = with_dot.find("hosting.").expect("a use of hosting") + "hosting.".len();
    analysis.set_file_text(file, with_dot);
    let items = analysis.completions(file, offset as u32, Lang::Fr);
    assert!(
        items.iter().any(|item| item.label == "region"),
        "completion after `hosting.` offers `region`"
    );
    group.bench_function("completion after hosting.", |b| {
        b.iter(|| black_box(analysis.completions(file, black_box(offset as u32), Lang::Fr)));
    });
    group.finish();
}

criterion_group!(ide, benches);
criterion_main!(ide);
