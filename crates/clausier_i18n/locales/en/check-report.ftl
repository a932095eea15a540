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
level-execution = execution
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
# What a failing text check says the text is not.
explain-pattern-not-found = the pattern is found nowhere in it
explain-not-siret = not a valid SIRET number (14 digits, Luhn key)
explain-not-uai = not a valid UAI code (7 digits and their key letter)
explain-not-https = not an https address with a host
explain-none-holds = none of these holds
explain-no-element = no element of { $list } satisfies it
explain-either = either
explain-or = or
explain-or-inline = ; or
explain-no-value = has no value: { $reason } ({ $code })
explain-missing = missing { $paths }
explain-document-to-request = document to request:
explain-documents-to-request = documents to request:
proof-asked = proof expected: { $kinds }
proof-or = { " " }or{ " " }
proof-kind-document = a supporting document
proof-kind-registry = a public registry
proof-kind-audit = a third-party audit
proof-kind-declared = a declaration
proof-given-declared = the offer gives only a declaration
proof-given-other = the offer gives { $kind }

## What a requirement expects, in words.
expect-equal = { $value }
expect-on-day = on { $value }
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
word-empty-list = an empty list
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

## Why a computation has no value (R07).
reason-division-by-zero = division by zero
reason-out-of-range = value out of range
reason-time-on-date = hours or minutes added to a date
reason-empty-aggregate = aggregate of an empty list
reason-no-table-entry = the table has no entry for { $key }
reason-business-end-before-start = the end of a business duration is before its start
reason-business-closes-first = the closing time of a business duration is not after its opening time

## The Markdown report.
markdown-title = Check report: { $pack } { $version }
markdown-pack = Pack
markdown-date = Date
markdown-descriptors = Descriptors
markdown-invalid-on-no-lot = Invalid, on no lot
markdown-failures = Failures
markdown-no-failure = None: every descriptor is eligible.
markdown-no-requirement-failed = no requirement failed
markdown-column-source = Source
markdown-column-status = Status
markdown-column-score = Score
markdown-column-rank = Rank
markdown-at = at { $place }

## JUnit and SARIF, for continuous integration and code-scanning tools.
junit-fails = { $clause } ({ $level }) fails
junit-undecided = { $clause } ({ $level }) cannot be decided: { $why }
junit-not-applicable = not applicable
junit-invalid = invalid descriptor
sarif-fails-for = { $clause } ({ $level }) fails for { $offer }
sarif-undecided-for = { $clause } ({ $level }) cannot be decided for { $offer }: { $why }
data-error-at = at { $place }
data-error-help = help: { $help }

## The workbook.
xlsx-title = Analysis of offers: { $pack }
xlsx-subject = { $pack } { $version } ({ $hash }), evaluated on { $date }
xlsx-ranking = Ranking
xlsx-requirements = Requirements
xlsx-reasons = Reasons
xlsx-params = Parameters
xlsx-summary = Summary
xlsx-number = No.
xlsx-offer = Offer
xlsx-file = File
xlsx-status = Status
xlsx-rank = Rank
xlsx-score = Score
xlsx-out-of = { $criterion } (out of { $weight })
xlsx-failed = Requirements not met
xlsx-missing = Missing data
xlsx-clause = Clause
xlsx-level = Level
xlsx-outcome = Outcome
xlsx-reason = Reason
xlsx-data = data
xlsx-data-error = data error
xlsx-param = Parameter
xlsx-pack = Pack
xlsx-value = Value in effect
xlsx-default = Declared value
xlsx-set-in = Changed in
xlsx-version = Version
xlsx-hash = Pack fingerprint
xlsx-date = Evaluation date
xlsx-clausier = Clausier version
xlsx-offers = Offers
xlsx-eligible = Eligible
xlsx-ineligible = Ineligible
xlsx-incomplete = Incomplete
xlsx-invalid = Invalid
xlsx-offers-on-lot = Offers on the lot
xlsx-lot = Lot { $lot }
xlsx-warning = Warning

# R0704: an aggregate a criterion reads is zero over the eligible offers. `aggregate` is
# as the clause writes it, `value` in words.
r0704-zero-aggregate = `{ $aggregate }` is { $value } over the eligible offers, so this criterion does not rank them: a division by it has no value and a ratio to it is 0 for every offer
r0704-zero-aggregate-in-lot = `{ $aggregate }` is { $value } over the eligible offers of lot `{ $lot }`, so this criterion does not rank them: a division by it has no value and a ratio to it is 0 for every offer
# After the path of a value whose evidence expired before the date of evaluation.
explain-expired = expired on { $date }: its evidence is no longer valid
# Before the documents an offer still has to supply, grouped per requirement.
report-documents-to-provide = documents to provide
report-documents-to-provide-title = Documents to provide

## A claimed equivalent to a label, examined by the buyer (R2111-12 to R2111-17).
status-review = under review
outcome-review = under review
report-summary-review = , { $review } under review
review-claim = claims { $label }, issued by { $issuer } (document: { $document }), as equivalent for { $path }
review-not-admitted = no equivalent admitted by this requirement: { $reason }
review-pending = awaiting the buyer's decision: the offer is neither scored nor ranked until then
review-accepted = equivalent accepted by { $by } on { $at }: { $reason }
review-refused = equivalent refused by { $by } on { $at }: { $reason }
