## The command line's own messages.

cli-lang-unknown = unknown language `{ $value }`: write `fr` or `en`

## Severities, as `explain --list` names them.
severity-error = error
severity-warning = warning
severity-info = info

## What `clausier fmt` did, on standard error.

cli-fmt-reformatted = { $count ->
        [one] 1 file
       *[other] { $count } files
    } reformatted
cli-fmt-would-reformat = { $count ->
        [one] 1 file
       *[other] { $count } files
    } would be reformatted
cli-fmt-already-formatted = { $count ->
        [one] 1 file
       *[other] { $count } files
    } already formatted
cli-fmt-left-unchanged = { $count ->
        [one] 1 file
       *[other] { $count } files
    } left unchanged because of errors
cli-fmt-stdin-would-reformat = standard input would be reformatted
cli-fmt-no-clause-file = warning: no `.clause` file in `{ $folder }`

# What `validate` says of a pack without errors. `has_dependencies` is 1 when the pack
# has dependencies, listed in `dependencies` as `name version`, joined by commas.
validate-no-errors = pack `{ $name }` { $version }{ $has_dependencies ->
        [1] {" "}(with { $dependencies })
       *[0] {""}
    }: no errors{ $warnings ->
        [0] {""}
        [one] , { $warnings } warning
       *[other] , { $warnings } warnings
    }
