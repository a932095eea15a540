## The command line's own messages.

cli-lang-unknown = unknown language `{ $value }`: write `fr` or `en`

## Severities, as `explain --list` names them.
severity-error = error
severity-warning = warning
severity-info = info
