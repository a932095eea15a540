//! The pest parser generated from `grammar/clausier.pest`.

#[derive(pest_derive::Parser)]
#[grammar = "../../grammar/clausier.pest"]
pub(super) struct ClausierParser;
