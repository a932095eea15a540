//! `cargo bench -p clausier_benches`: checking and loading 10,000 descriptors against the
//! shipped `edtech-fr` pack, on one thread and on all cores.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use clausier_benches::{ndjson_workload, workspace_root};
use clausier_data::load::{Format, LoadOptions, load_text};
use clausier_eval::{RunOptions, compile, run};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const DESCRIPTORS: usize = 10_000;

fn benches(c: &mut Criterion) {
    let root = workspace_root();
    let pack =
        clausier_pack::load_pack(&root.join("rules/edtech-fr")).expect("the example pack loads");
    let schema = &pack.checked.pack.schema;
    let program = compile(pack.checked.valid().expect("the example pack compiles"));
    let text = ndjson_workload(&root.join("examples/edtech-fr"), DESCRIPTORS).expect("workload");
    let options = LoadOptions::default();
    let date = jiff::civil::date(2026, 11, 28);
    let all_cores = std::thread::available_parallelism().map_or(1, |n| n.get());

    let mut group = c.benchmark_group("edtech-fr");
    group.sample_size(10);
    group.throughput(Throughput::Elements(DESCRIPTORS as u64));

    group.bench_function("load 10k NDJSON descriptors", |b| {
        b.iter(|| {
            black_box(load_text(
                schema,
                "bench.ndjson",
                black_box(&text),
                Format::Ndjson,
                &options,
            ))
        })
    });

    let descriptors = load_text(schema, "bench.ndjson", &text, Format::Ndjson, &options);
    for jobs in [1, all_cores] {
        let run_options = RunOptions::new(date, jobs);
        group.bench_function(
            format!("evaluate 10k loaded descriptors, {jobs} thread(s)"),
            |b| {
                b.iter(|| {
                    black_box(run(
                        &program,
                        pack.info.clone(),
                        black_box(&descriptors),
                        &run_options,
                    ))
                })
            },
        );
        group.bench_function(
            format!("load and check 10k descriptors, {jobs} thread(s)"),
            |b| {
                b.iter(|| {
                    let loaded = load_text(
                        schema,
                        "bench.ndjson",
                        black_box(&text),
                        Format::Ndjson,
                        &options,
                    );
                    black_box(run(&program, pack.info.clone(), &loaded, &run_options))
                })
            },
        );
    }
    group.finish();

    // The whole workload, then only its valid descriptors: a sixth of the workload is
    // invalid by design, and invalid data is read again with positions for its messages.
    let valid: String = text
        .lines()
        .zip(&descriptors)
        .filter(|(_, descriptor)| !descriptor.is_invalid())
        .map(|(line, _)| format!("{line}\n"))
        .collect();
    for (name, text) in [
        ("edtech-fr, 1 thread", &text),
        ("edtech-fr valid, 1 thread", &valid),
    ] {
        single_thread(c, name, text, schema, &program, &pack.info, date);
    }
}

/// One thread throughout, to compare per descriptor with the cost of merely parsing the
/// same lines into `serde_json::Value`, the floor any checker reading JSON pays.
fn single_thread(
    c: &mut Criterion,
    name: &str,
    text: &str,
    schema: &clausier_check::types::Schema,
    program: &clausier_eval::Program,
    info: &clausier_eval::report::PackInfo,
    date: jiff::civil::Date,
) {
    let options = LoadOptions::default();
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a thread pool");
    let lines: Vec<&str> = text.lines().collect();
    let run_options = RunOptions::new(date, 1);
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("floor: serde_json::Value of each line", |b| {
        b.iter(|| {
            for line in &lines {
                let value: serde_json::Value = serde_json::from_str(black_box(line)).expect("JSON");
                black_box(value);
            }
        })
    });
    group.bench_function("load only", |b| {
        b.iter(|| {
            one_thread.install(|| {
                black_box(load_text(
                    schema,
                    "bench.ndjson",
                    black_box(text),
                    Format::Ndjson,
                    &options,
                ))
            })
        })
    });
    group.bench_function("load and evaluate", |b| {
        b.iter(|| {
            one_thread.install(|| {
                let loaded = load_text(
                    schema,
                    "bench.ndjson",
                    black_box(text),
                    Format::Ndjson,
                    &options,
                );
                black_box(run(program, info.clone(), &loaded, &run_options))
            })
        })
    });
    group.finish();
}

criterion_group!(check, benches);
criterion_main!(check);
