use clausier_diagnostics::FileId;
#[test]
fn scratch() {
    let path = std::env::var("SCRATCH").unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let parse = clausier_syntax::parse(FileId(0), &text);
    println!("{}", clausier_syntax::debug::debug_tree(&parse.ast));
    for d in &parse.diagnostics {
        let l = d.primary_label().unwrap();
        let idx = clausier_diagnostics::LineIndex::new(&text);
        let lc = idx.line_col(&text, l.span.start);
        println!("{} {}:{} {} [{}] help={:?}", d.code, lc.line, lc.column, d.message, l.message, d.help);
    }
}
