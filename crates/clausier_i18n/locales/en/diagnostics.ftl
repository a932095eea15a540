## The words around every diagnostic, then the diagnostics themselves by family.

diagnostic-severity-error = error
diagnostic-severity-warning = warning
diagnostic-severity-info = note
# Before the advice of a diagnostic: `= help: did you mean …`
diagnostic-help = help: { $help }
# Before a note of a diagnostic, where the editor shows it under the message.
diagnostic-note = note: { $note }
# Alternatives in a message: `a, b or c`.
diagnostic-alternatives = { $init } or { $last }
