## The language server's own words: hovers, lenses and inlay hints. Code stays as
## written (signatures, names, values); only the words around it are translated.

## Hover over a name.
editor-hover-field-of = field of `{ $owner }`
editor-hover-accepted-values = accepted values: { $values }
editor-hover-declared-as = declared as `{ $value }`
editor-hover-set-by = , set by `{ $pack }` at { $location }
editor-hover-variant = variant { $index } of { $count } of `{ $enum }`
editor-hover-local = a variable bound in `{ $clause }`
editor-hover-a-record = a record
editor-hover-requirement =
    requirement { $id }
    level { $level }
editor-hover-criterion =
    criterion { $id }
    weight { $weight }
editor-hover-indicator = indicator { $id }
editor-hover-risk = risk { $id }
editor-hover-rule-checked = Rule checked: { $rule }
editor-hover-note = Note: { $note }
editor-hover-references = References:
editor-hover-evidence = Evidence:
editor-hover-every-lot = Applies to every lot
editor-hover-lots = Lots:

## The values a field accepts, from its `where` bounds.
editor-bounds-from-to = from { $lower } to { $upper }
editor-bounds-both = { $lower } and { $upper }
editor-bounds-at-least = at least { $value }
editor-bounds-more-than = more than { $value }
editor-bounds-at-most = at most { $value }
editor-bounds-less-than = less than { $value }
editor-bounds-any = any value

## Hover over a function of the standard library, after its signature.
editor-function-text-unknown = { $meaning }; unknown when `text` is absent
editor-function-matches = whether the regular expression `pattern` is found anywhere in `text` (anchor it with `^` and `$`); the pattern is compiled once, with the Rust `regex` crate's syntax
editor-function-siret = whether `text` is a valid SIRET number: 14 digits and a valid Luhn key (for La Poste, SIREN 356000000, digits summing to a multiple of 5)
editor-function-uai = whether `text` is a valid UAI code: 7 digits, then the letter of their number modulo 23
editor-function-https-url = whether `text` is an absolute URL with the scheme `https` and a host
editor-function-weekday = the day of the week of `d`, from `lundi` to `dimanche`; unknown when `d` is absent
editor-function-business-duration = the hours and minutes between `start` and `end` counted only on the days of `days`, from `opens` to `closes`; public holidays count as business days; unknown when an argument is, no value when `end` is before `start` or `opens` is not before `closes`

## Inlay hints: a parameter's effective value.
editor-hint-set-by = = { $value } (set by { $pack })
editor-hint-replaced-by = → { $value } (set by { $pack })
editor-hint-tooltip = `{ $name }` is set to `{ $value }` by `{ $pack }` at { $location }; `{ $declaring }` declares `{ $default }`

## The check lens above each requirement, and its hover.
editor-lens-pack-does-not-compile = the pack does not compile: fix its errors to check the descriptors
editor-lens-counts = ✓ { $pass } pass · ✗ { $fail } fail · ? { $missing } missing
editor-lens-not-applicable = { $count } not applicable
editor-lens-hover-head = **{ $id }** against the declared descriptors ({ $date }): { $counts }
editor-lens-hover-fail = Fail:
editor-lens-hover-missing = Missing data:

## Hover over a diagnostic, after the first paragraph of its code's explanation.
editor-explain-in-full = `{ $command }` explains it in full.

## Completion: what a keyword starts, shown beside it.
editor-detail-requirement = a requirement: `requirement ID "title" {"{"} … {"}"}`
editor-detail-criterion = a criterion: `criterion ID "title" weight N {"{"} … {"}"}`
editor-detail-indicator = an indicator over the whole inventory: `indicator ID "title" {"{"} value … {"}"}`
editor-detail-risk = a risk of each entry: `risk ID "title" {"{"} value … {"}"}`
editor-detail-param = a parameter: `param name: type = value`
editor-detail-descriptor = fields of the descriptor
editor-detail-enum = an enumeration
editor-detail-type = a named type
editor-detail-test = a test: `test "name" {"{"} given …; expect … {"}"}`
editor-detail-use = clauses of a dependency
editor-detail-set = a parameter of a dependency
editor-detail-level = `must`, `should`, `info` or `execution`
editor-detail-when = the condition under which the clause applies
editor-detail-text = the legal text
editor-detail-note = a published remark, shown under the text
editor-detail-ref = a legal reference
editor-detail-no-equivalent = the requirement admits no equivalent of the certification it demands, for the published reason
editor-detail-from = the kinds of proof the document must come with
editor-detail-proof-document = a document: certificate, attestation
editor-detail-proof-registry = an entry in a public registry
editor-detail-proof-audit = a report of an audit by a third party
editor-detail-evidence = a supporting document; after a descriptor path, a required one
editor-detail-lots = the lots of `[document]` the clause applies to, such as `"1", "2"`
editor-detail-require = the condition to meet
editor-detail-score = the score, from 0 to 100
editor-detail-value = what it computes
editor-detail-by = the fields the entries are grouped by
editor-detail-spend = the amount the priority weighs
editor-detail-ends = the date the entry's contract ends
editor-detail-window = how long before the end a change can be prepared
editor-detail-alternatives = the catalogue categories the entry may move to
editor-detail-passed = whether the offer passed a `should` requirement: `passed(ID)`
editor-detail-sum = the sum of a list: `sum(xs)` or `sum(x in xs: x.value)`
editor-detail-entries = every entry of the inventory (of the group, in a grouped indicator)
editor-detail-share = the percent of a list's elements: `share(e in entries: p)` or `share(e in entries: p, e.weight)`
editor-detail-mean = the mean of a list: `mean(xs)` or `mean(x in xs: x.value)`
editor-detail-min = the smallest value of a list: `min(xs)` or `min(x in xs: x.value)`
editor-detail-max = the largest value of a list: `max(xs)` or `max(x in xs: x.value)`
editor-detail-weekday = the day of the week of a date or datetime: `weekday(d) in jours_ouvres`
editor-detail-business-duration = the time between two datetimes on the given days, between an opening and a closing time
editor-detail-matches = whether a pattern is found in a text: `matches(x.url, "^https://")`
editor-detail-siret = whether a text is a valid SIRET number: 14 digits, Luhn key
editor-detail-uai = whether a text is a valid UAI code: 7 digits and their key letter
editor-detail-https-url = whether a text is an `https` address with a host

## Code actions: what an action does, as the editor's menu shows it.
editor-action-add-field = add field `{ $field }` to { $owner }
editor-action-the-descriptor = the descriptor
editor-action-change-level = change level to { $level }

## Rename: why a new name is refused.
editor-rename-no-name = there is no name to rename here
editor-rename-invalid = `{ $name }` is not a valid name: { $reason }
editor-rename-used = `{ $name }` is already used by { $by }
editor-rename-in-dependency = `{ $name }` is declared by the dependency `{ $pack }`: rename it in that pack, then in the packs that use it
editor-rename-empty = it is empty
editor-rename-clause-id-form = a clause id starts with a letter, then letters, digits, `_` or `-`
editor-rename-name-form = a name starts with a letter or `_`, then letters, digits or `_`
editor-rename-keyword = it is a keyword
editor-rename-by-field = another field of this record
editor-rename-by-param = a parameter
editor-rename-by-other-param = another parameter
editor-rename-by-descriptor-field = a descriptor field
editor-rename-by-variant = another variant of this enum
editor-rename-by-builtin-type = a built-in type
editor-rename-by-enum = an enum
editor-rename-by-type = a type
editor-rename-by-clause = another clause
editor-rename-by-param-or-field = a parameter or a descriptor field

## Links of a clause file.
editor-link-test-descriptor = Open the test's descriptor
editor-link-page = Open the page

## Hover over a keyword: what the word does in a clause file.
editor-keyword-requirement = a rule an offer is checked against: `requirement ID "title" { "{" } … { "}" }`, with one `require` line
editor-keyword-criterion = a weighted award criterion: `criterion ID "title" weight N { "{" } … { "}" }`, with one `score` line
editor-keyword-param = a named constant of the pack, which a dependent pack may override with `set`
editor-keyword-descriptor = the fields a vendor's descriptor gives, with their types
editor-keyword-enum = a type whose values are the variants listed, in order
editor-keyword-type = a name for a type, usable wherever a type is expected
editor-keyword-test = a test of the pack, run by `clausier test`: a descriptor (`given`) and what is expected of it (`expect`)
editor-keyword-use = brings in the clauses of a dependency declared in `pack.toml`, all of them or a selection
editor-keyword-set = overrides a parameter of a dependency: `set DEP::NAME = VALUE`
editor-keyword-level = the kind of requirement: `must` (the default), `should`, `info` or `execution`
editor-keyword-when = the condition under which the requirement applies; otherwise it is not applicable
editor-keyword-text = the legal text of the clause, as published in the tender
editor-keyword-note = a published remark, shown under the clause's text
editor-keyword-ref = a reference to the law or a standard, listed with the clause
editor-keyword-from = after the path of a required document, the kinds of proof accepted (`document`, `registry`, `audit`): a value without a `$source` of one of them is not enough, and the offer is incomplete
editor-keyword-no-equivalent = the requirement admits no equivalent of the certification it demands (a legal obligation, not a label in the sense of articles R2111-12 to R2111-17): a claimed equivalent is not examined, and the reason is published
editor-keyword-evidence = a document the candidate joins to its offer
editor-keyword-lots = the lots the clause applies to; without it, every lot
editor-keyword-require = the condition an offer must meet to pass the requirement; unknown when a field it reads is absent
editor-keyword-score = the criterion's score, a number or a percent clamped to [0, 1]; in a test, `expect score` checks the total
editor-keyword-weight = the criterion's weight; the weights of a pack should sum to 100
editor-keyword-given = the descriptor of a test: written inline, or the name of a descriptor file
editor-keyword-expect = what a test expects: the offer's status, a requirement's result or the score
editor-keyword-date = the date a test runs at, the value of `today` in it
editor-keyword-must = a specification: an offer that fails it is irregular (*irrégulière*), so ineligible
editor-keyword-should = a desirable feature: an offer that fails it stays eligible, and the criterion that scores it with `passed(ID)` gives fewer points
editor-keyword-info = information only: evaluated and shown in reports, never scored
editor-keyword-execution = an execution condition the candidate commits to: an offer that fails it is irregular, as for `must`
editor-keyword-all = true when the condition holds for every element of the list (true over an empty list)
editor-keyword-any = true when the condition holds for at least one element of the list (false over an empty list)
editor-keyword-count = the number of elements of a list, or of those for which a condition holds: `count(x in xs: p)`
editor-keyword-has = whether the descriptor gives the field; never unknown
editor-keyword-in = membership in a list, a set or a table; in `all` and `any`, the list the variable goes over
editor-keyword-and = true when both sides are; false as soon as one side is false, even if the other is unknown
editor-keyword-or = true as soon as one side is true, even if the other is unknown
editor-keyword-not = the opposite of a condition; unknown stays unknown
editor-keyword-implies = `a implies b`: false only when `a` is true and `b` false
editor-keyword-if = `if c then a else b`: `a` when `c` is true, else `b`; unknown when `c` is
editor-keyword-today =
    the evaluation date: the `--date` of the command, or the date the editor gives (the `date` initialization option); without it, the deadline for offers (`[document] deadline` in `pack.toml`), else the current date; in a test, its `date` line
editor-keyword-lowest-highest = the smallest or largest value of a field among the eligible offers of the run (criteria only)
editor-keyword-bool = a truth value
editor-keyword-null = an absent value in a test's data
editor-keyword-as = gives a dependency's requirement another level: `use DEP::{ "{" }ID as should{ "}" }`
editor-keyword-passed = `passed(ID)`: whether the offer passed the `should` requirement `ID` (criteria only)
editor-keyword-aggregate = the sum, mean, smallest or largest of a list's elements, or of an expression for each element
editor-keyword-outcome = the status of the whole offer a test expects
editor-keyword-status = the result of one requirement a test expects, before its id
editor-keyword-review = the status of a test's offer that waits on the buyer's review of a claimed equivalent; before an id, that of a requirement under review

## Formatting refused.
editor-format-syntax-error = cannot format this file: it has a syntax error at line { $line }, column { $column }: { $message }
editor-format-unsafe = cannot format this file: the formatter could not keep its meaning, so it left it unchanged

## The server's log: finding and watching the packs of the workspace folders.
editor-log-too-many-folders = more than { $count } folders under { $root }: the rest is not searched for packs
editor-log-unreadable-folder = cannot read the folder { $folder }: { $error }
editor-log-unreadable-manifest = cannot read { $path }: { $error }
editor-log-invalid-manifest = { $path } is not a valid manifest: descriptor files opened alone are not matched to its pack
editor-log-cannot-watch = cannot watch { $folder } for changes on disk: { $error }
editor-log-no-watcher = changes on disk are seen only when files are saved in the editor: { $error }

## The server itself, on its standard error.
editor-cannot-start = error: cannot start the language server: { $error }
