//! Only a pack without errors can be handed to the compiler.

mod common;

use common::check;

#[test]
fn a_pack_without_errors_is_valid_warnings_and_all() {
    let outcome = check(
        "descriptor { id: string, hosted: bool }\n\
         param unused: int = 3\n\
         requirement HEB \"Hébergement\" { text \"Les données sont hébergées.\" require hosted }\n",
    );
    assert!(
        !outcome.checked.diagnostics.is_empty(),
        "a warning is expected"
    );
    let valid = outcome
        .checked
        .valid()
        .expect("warnings do not stop a pack");
    assert_eq!(valid.requirements.len(), 1);
}

#[test]
fn a_pack_with_an_error_is_not_valid() {
    let outcome = check(
        "descriptor { id: string, hosted: bool }\n\
         requirement HEB \"Hébergement\" { text \"Les données sont hébergées.\" require hostd }\n",
    );
    assert!(outcome.checked.has_errors(), "{}", outcome.diagnostics());
    assert!(outcome.checked.valid().is_none());
}
