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

## What the commands did, on standard error.

award-wrote = wrote { $count } files into `{ $folder }`
award-no-letter = note: no letter for `{ $id }`: its offer is tied at the first rank, and the buyer decides between the tied offers
award-no-letter-in-lot = note: no letter for `{ $id }` on lot { $lot }: its offer is tied at the first rank, and the buyer decides between the tied offers
# `packs` is the packs locked, `name version`, joined by commas.
lock-wrote = wrote `{ $path }`: { $packs }
lock-up-to-date = up to date: `{ $path }`: { $packs }
pack-keygen-wrote = wrote the secret key `{ $secret }` (keep it private) and the public key `{ $public }`: { $key }
pack-signed = wrote `{ $path }`: { $name } { $version } signed by { $key }
pack-verified = `{ $path }` verifies: { $name } { $version } signed by { $key }
check-too-many-jobs = note: `--jobs { $asked }` is more than this machine can use; checking with { $most } jobs (at most 4 per processor, and 256)
check-repeated-id = warning: the id `{ $id }` of the descriptor in `{ $source }` is already the id of an earlier descriptor: each is checked and ranked on its own
check-more-repeated-ids = warning: { $count } more descriptors repeat an earlier id
check-repeated-id-help = {"  "}help: ask each vendor for an `id` of its own, so that the report names every offer once
check-recorded = run { $id } recorded in the log
check-decision-stale = warning: decision { $id } on `{ $clause }` for `{ $descriptor }` is not applied: the offer changed since that decision
log-empty = the log holds no run
log-run-line = #{ $id }  { $when }  { $command }  { $pack } { $version }  evaluated on { $date }  { $counts }
log-show-header = run { $id } of { $when }: { $command }, pack { $pack } { $version }, evaluated on { $date }
log-show-verdict = { $entry }: { $details }
log-show-lot = lot { $lot }
log-show-rank = rank { $rank }
log-show-decisions = decisions applied: { $ids }
log-verify-ok = the chain holds: { $runs ->
        [one] { $runs } run
       *[other] { $runs } runs
    } and { $decisions ->
        [one] { $decisions } decision
       *[other] { $decisions } decisions
    } verified
log-verify-run-changed = run { $id } was changed since it was recorded: its hash no longer matches its content
log-verify-run-unlinked = the chain is broken at run { $id }: the run before it was removed or replaced
log-verify-decision-changed = decision { $id } was changed since it was recorded: its hash no longer matches its content
log-verify-decision-unlinked = the chain is broken at decision { $id }: the decision before it was removed or replaced
log-replay-same = run { $id } replayed gives the same report, byte for byte
log-replay-different = run { $id } replayed gives another report (- recorded, + replayed):
review-verdict-accepted = accepted
review-verdict-refused = refused
review-recorded = decision { $id } recorded: the equivalent of `{ $descriptor }` for `{ $clause }` is { $verdict }
