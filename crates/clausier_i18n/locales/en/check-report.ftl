## The check report: the words around the results, in every format a person reads.

report-pack = pack:
report-date = date:
report-date-deadline = the deadline for offers, `[document] deadline` in pack.toml
report-date-today = today: pack.toml gives no `[document] deadline` and no `--date` was given
report-clauses-from = clauses from:
report-params = params:
report-param-set-in = set in { $place } (default { $default })
report-param-computed = computed from { $from } (default { $default })
report-column-id = ID
report-column-source = SOURCE
report-column-status = STATUS
report-column-score = SCORE
report-column-rank = RANK
report-lot = lot { $lot }
report-score = score { $score }
report-rank = rank { $rank }
report-warning = warning
report-help = help:
report-summary = { $total ->
    [one] { $total } descriptor
   *[other] { $total } descriptors
  }: { $eligible } eligible, { $ineligible } ineligible, { $incomplete } incomplete, { $invalid } invalid

## Statuses of an offer.
status-eligible = eligible
status-ineligible = ineligible
status-incomplete = incomplete
status-invalid = invalid

## Levels and outcomes of a requirement.
level-must = must
level-should = should
level-info = info
outcome-pass = pass
outcome-fail = fail
outcome-missing = missing
outcome-not-applicable = not applicable
outcome-no-effect = does not affect eligibility

## A criterion's line.
criterion-weight = weight { $weight }
criterion-points = score { $score }, { $points } points
criterion-clamped = (clamped)
criterion-no-score = no score
criterion-missing = missing { $paths }
criterion-not-scored = not scored

## Explanations: what the offer declared and what the requirement expects.
explain-declared = { $path } is { $value }
explain-absent = { $path } is absent
explain-at = line { $line }, column { $column }
explain-expects = the requirement expects { $expected }
explain-every-element = required of every element of { $list }
explain-counting-none = counting none of them
explain-counting = counting
explain-none-holds = none of these holds
explain-no-element = no element of { $list } satisfies it
explain-either = either
explain-or = or
explain-or-inline = ; or
explain-no-value = has no value: { $reason } ({ $code })
explain-missing = missing { $paths }
explain-document-to-request = ; document to request:
explain-documents-to-request = ; documents to request:

## What a requirement expects, in words.
expect-equal = { $value }
expect-not-equal = a value other than { $value }
expect-at-most = at most { $value }
expect-below = less than { $value }
expect-at-least = at least { $value }
expect-above = more than { $value }
expect-on-or-before = on or before { $value }
expect-before = before { $value }
expect-on-or-after = on or after { $value }
expect-after = after { $value }
expect-at-or-before-time = at or before { $value }
expect-before-time = before { $value }
expect-at-or-after-time = at or after { $value }
expect-after-time = after { $value }
expect-one-of = { $values }
expect-none-of = a value other than { $values }
expect-yes = yes
expect-no = no
expect-given = a value
word-yes = yes
word-no = no
list-last-or = or
list-last-and = and

## A contract divided into lots.
lots-heading = Lot { $lot } — { $title }
lots-invalid-heading = Invalid, on no lot
lots-entries = { $descriptors ->
    [one] { $descriptors } descriptor
   *[other] { $descriptors } descriptors
  }, { $entries ->
    [one] { $entries } entry
   *[other] { $entries } entries
  } (one per lot an offer bids for)
lots-counts = { $eligible } eligible, { $ineligible } ineligible, { $incomplete } incomplete
lots-invalid = { $invalid } invalid
lots-offers = { $total ->
    [one] { $total } offer
   *[other] { $total } offers
  }
