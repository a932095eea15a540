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
editor-lens-value-at = : `{ $path }` is `{ $value }`
editor-lens-value = { " " }is `{ $value }`
editor-lens-path = : `{ $path }`
editor-lens-position = { " " }(line { $line }, column { $column })

## Hover over a diagnostic, after the first paragraph of its code's explanation.
editor-explain-in-full = `{ $command }` explains it in full.

## Completion: what a keyword starts, shown beside it.
editor-detail-requirement = a requirement: `requirement ID "title" {"{"} … {"}"}`
editor-detail-criterion = a criterion: `criterion ID "title" weight N {"{"} … {"}"}`
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
editor-detail-evidence = a supporting document; after a descriptor path, a required one
editor-detail-lots = the lots of `[document]` the clause applies to, such as `"1", "2"`
editor-detail-require = the condition to meet
editor-detail-score = the score, from 0 to 100
editor-detail-passed = whether the offer passed a `should` requirement: `passed(ID)`
editor-detail-sum = the sum of a list: `sum(xs)` or `sum(x in xs: x.value)`
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

## The server itself, on its standard error.
editor-cannot-start = error: cannot start the language server: { $error }
