use clausier_diagnostics::FileId;
use std::time::Instant;
fn run(name: &str, text: &str) {
    let t = Instant::now();
    let parse = clausier_syntax::parse(FileId(0), text);
    let errs: Vec<_> = parse.diagnostics.iter().take(3).map(|d| format!("{} {}", d.code, d.message)).collect();
    println!("{name}: {} bytes, {} items, {} diags {:?} in {:?}", text.len(), parse.ast.items.len(), parse.diagnostics.len(), errs, t.elapsed());
}
#[test]
fn perf() {
    let deep = |n: usize| format!("param p: int = {}1{}\nparam q: int = 2\n", "(".repeat(n), ")".repeat(n));
    std::thread::Builder::new().stack_size(2 << 20).spawn(move || {
        run("deep256", &deep(256));
        run("deep255", &deep(250));
        let data = |n: usize| format!("test \"t\" {{ given {{ a: {}1{} }} }}\n", "[".repeat(n), "]".repeat(n));
        run("data250", &data(250));
        let ty = |n: usize| format!("type T = {}int{}\n", "list<".repeat(n), ">".repeat(n));
        run("type250", &ty(250));
        let ifs = |n: usize| format!("param p: int = {}1\n", "if a then 1 else ".repeat(n));
        run("if250", &ifs(250));
        let alls = |n: usize| format!("requirement A \"a\" {{ require {}true }}\n", "all x in xs: ".repeat(n));
        run("all250", &alls(250));
        let nots = |n: usize| format!("param p: bool = {}true\n", "not ".repeat(n));
        run("not250", &nots(250));
        run("not100k", &nots(100_000));
        run("deep100k", &deep(100_000));
        let chain = |n: usize| format!("param p: int = 1{}\n", " + 1".repeat(n));
        run("chain250", &chain(250));
        run("chain100k", &chain(100_000));
        let implies = |n: usize| format!("param p: bool = a{}\n", " implies a".repeat(n));
        run("implies100k", &implies(100_000));
        let ten = 10 * 1024 * 1024;
        let mut big = String::new();
        while big.len() < ten { big.push_str(&"(".repeat(1000)); }
        run("10MB parens", &format!("param p: int = {big}\nparam q: int = 1\n"));
    }).unwrap().join().unwrap();
}
#[test]
fn big_ordinary() {
    let sample = std::fs::read_to_string("tests/fixtures/edtech.clause").unwrap();
    let n: usize = std::env::var("MB").map(|m| m.parse().unwrap()).unwrap_or(1);
    let mut big = String::new();
    let mut i = 0;
    while big.len() < n << 20 { big.push_str(&sample.replace("HEB-01", &format!("HEB-{i}"))); i += 1; }
    run("ordinary", &big);
    let broken = big.replace("require hosting.region == EU", "require hosting.region == ");
    run("ordinary-broken", &broken);
}
#[test]
fn chain_only() {
    let n: usize = std::env::var("N").map(|m| m.parse().unwrap()).unwrap_or(100000);
    let chain = format!("param p: int = 1{}\n", " + 1".repeat(n));
    run("chain", &chain);
    let chain = format!("param p: int = ({})\n", "1 + 1) + (".repeat(n));
    run("chain-balanced", &chain);
}
