## Syntax errors (E01): what the parser expected and found, and advice for common slips.

# A token of the language or of the user's text.
syntax-token = `{ $token }`
syntax-found-end-of-file = end of file
syntax-found-doc-comment = a doc comment
syntax-unexpected = unexpected { $found }
# `expected` is one or several alternatives, already joined.
syntax-expected-found = expected { $expected }, found { $found }

## What the parser expected.

syntax-expected-item = an item
syntax-expected-value = a value
syntax-expected-expression = an expression
syntax-expected-type = a type
syntax-expected-clause-field = a clause field
syntax-expected-expectation = an expectation such as `eligible` or `pass HEB-01`
syntax-expected-operator = an operator
syntax-expected-enum-name = a name for the enum
syntax-expected-variant-name = a variant name
syntax-expected-type-name = a name for the type
syntax-expected-field-name = a field name
syntax-expected-param-name = a parameter name
syntax-expected-variable-name = a variable name
syntax-expected-key = a key
syntax-expected-pack-name = a pack name
syntax-expected-clause-id = a clause id such as `HEB-01`
syntax-expected-level = `must`, `should`, `info` or `execution`
syntax-expected-given-or-expect = `given` or `expect`
syntax-expected-comma-or-brace = `,` or `{ "}" }`
syntax-expected-string = a string in quotes
syntax-expected-title = a title in quotes
syntax-expected-test-name = a test name in quotes
syntax-expected-file-name = a file name in quotes
syntax-expected-number = a number
syntax-expected-comparison = a comparison such as `>=`
syntax-expected-bound = a bound such as `>= 0 €`

## Advice for the commonest slips.

syntax-help-passed-takes-an-id = `passed` takes the id of a requirement, without quotes: `passed(ACC-02)`
syntax-help-double-equals = use `==` to compare two values
syntax-help-write-and = write `and`
syntax-help-write-or = write `or`
syntax-help-write-not = write `not`
syntax-help-semicolon = remove the `;`: a line break ends a field, and `,` separates variants and list items
syntax-help-weight-in-header = the weight belongs in the criterion's header: `criterion PRIX "Prix" weight 40 { "{" } … { "}" }`
syntax-help-doc-comment-placement = doc comments document items, fields and enum variants; use `//` for a plain comment
syntax-help-reserved-word = `{ $token }` is a reserved word and cannot be used as a name
syntax-help-clause-starts-with-id = a clause starts with its id, then its title: `requirement HEB-01 "Hébergement" { "{" } … { "}" }`
syntax-help-clause-id-form = a clause id starts with a letter and may hold letters, digits, `-` and `_`
syntax-help-criterion-header = a criterion needs a title in quotes and a weight: `criterion PRIX "Prix" weight 40 { "{" } … { "}" }`
syntax-help-indicator-title = an indicator needs a title in quotes: `indicator DEPENSE "Dépense par catégorie" { "{" } … { "}" }`
syntax-help-risk-title = a risk needs a title in quotes: `risk RISQUE "Risque de dépendance" { "{" } … { "}" }`
syntax-share-needs-binding = a `share` needs `x in collection` before `:`
syntax-share-needs-binding-help = for example `share(e in entries: e.supplier.jurisdiction == HORS_UE, e.annual_spend)`
syntax-help-criterion-title = a criterion needs a title in quotes: `criterion PRIX "Prix" weight 40 { "{" } … { "}" }`
syntax-help-requirement-title = a requirement needs a title in quotes: `requirement HEB-01 "Hébergement" { "{" } … { "}" }`
syntax-help-expectations = write `expect` and one of `eligible`, `ineligible`, `incomplete`, `invalid`, `pass ID`, `fail ID`, `missing ID`, `not_applicable ID` or `score >= N`
syntax-help-item-keywords = an item starts with `enum`, `type`, `descriptor`, `param`, `requirement`, `criterion`, `use`, `set` or `test`

## Strings, nesting, file size, misplaced text.

syntax-unterminated-string = unterminated string
syntax-unterminated-string-label = this string is never closed
syntax-unterminated-string-help = close it with `"` on the same line; write a line break inside a string as `\n`
syntax-nesting-too-deep = expression nested too deeply
syntax-nesting-too-deep-label = this goes past { $levels } levels of nesting
syntax-nesting-too-deep-help = split it into smaller parts: several requirements, or a `param` for a constant
syntax-too-large = input too large
syntax-too-large-label = this file is larger than 4 GiB
syntax-too-large-help = split the rules into several `.clause` files of a pack
syntax-doc-comment-alone = doc comment documents nothing
syntax-doc-comment-alone-label = no item follows this doc comment
syntax-doc-comment-alone-help = put it right before an item, or make it a plain comment with `//`
syntax-stray-brace = unexpected `{ "}" }`
syntax-stray-brace-label = this `{ "}" }` closes nothing
syntax-stray-brace-help = remove it, or look for a `{ "{" }` missing before it
syntax-unclosed = unclosed `{ $bracket }`
syntax-unclosed-label = this `{ $bracket }` is never closed
syntax-unclosed-other = this `{ $bracket }` is not closed either
syntax-unclosed-help = add `{ $closing }` where the block ends
syntax-chained-comparisons = comparisons cannot be chained
syntax-chained-comparisons-second = second comparison
syntax-chained-comparisons-first = first comparison
syntax-chained-comparisons-help = add parentheses to say which comes first, or join two comparisons with `and`: `a < b and b < c`
syntax-count-needs-binding = a `count` with a condition needs `x in collection` before `:`
syntax-count-needs-binding-help = for example `count(s in subprocessors: s.region == EU)`
syntax-aggregate-needs-binding = a `{ $word }` of a value of each element needs `x in collection` before `:`
syntax-aggregate-needs-binding-help = for example `{ $word }(s in services: s.rgaa_rate)`
syntax-test-field-twice = `{ $field }` appears twice in this test
syntax-test-field-second = second `{ $field }`
syntax-test-field-first = first `{ $field }`
syntax-help-one-date-per-test = a test runs at one date: write another test for the other one
syntax-help-one-given-per-test = a test checks one descriptor: write another test for the other one

## Literals: escapes in strings (E0103), numbers, durations, dates and times (E0104).
# `literal` is the literal as written, already in backticks.

e0103-backslash-ends-string = a backslash ends the string
e0103-escapes-nothing = escapes nothing
e0103-escapes-help = the escapes are `\"`, `\\`, `\n`, `\t` and `\u{"{"}…{"}"}`; write a backslash as `\\`
e0103-invalid-unicode-escape = invalid unicode escape { $literal }
e0103-not-a-scalar-value = not a unicode scalar value
e0103-unicode-escape-help = write a code point as `\u{"{"}E9{"}"}`: one to six hexadecimal digits
e0103-invalid-escape = invalid escape { $literal } in a string
e0103-unknown-escape = unknown escape
e0104-invalid-number = invalid number { $literal }
e0104-too-many-decimals = too many decimal places
e0104-too-many-decimals-help = a number has at most 28 digits after the decimal point
e0104-too-many-digits = too many digits
e0104-too-many-digits-help = a number holds at most 28 significant digits, about 7.9 × 10^28
e0104-unknown-duration-unit = unknown duration unit { $literal }
e0104-not-a-unit = not a unit
e0104-duration-units-help = write days, weeks, months or years
e0104-invalid-duration = invalid duration { $literal }
e0104-too-large = too large
e0104-smaller-amount-help = write a smaller amount
e0104-not-a-whole-number = not a whole number
e0104-whole-duration-help = a duration is a whole number of days, weeks, months or years
e0104-invalid-date = invalid date { $literal }
e0104-not-a-date = not a calendar date
e0104-date-form-help = write a date as `YYYY-MM-DD`
e0104-date-form-here-help = write a date as `YYYY-MM-DD`, here `{ $date }`
e0104-months-help = months go from `01` to `12`
# `month` is the month's number, from 1 to 12.
e0104-month-days-help = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year } has { $days } days
e0104-invalid-time = invalid time of day { $literal }
e0104-not-a-time = not a time of day
e0104-time-form-help = write a time of day as `HH:MM`
e0104-time-form-here-help = write a time of day as `HH:MM`, here `{ $time }`
e0104-time-to-the-minute-help = a clause writes a time of day to the minute: `{ $time }`
e0104-hours-help = hours go from `00` to `23`
e0104-minutes-help = minutes go from `00` to `59`
e0104-invalid-datetime = invalid date and time { $literal }
e0104-not-a-datetime = not a date and time of day
e0104-datetime-form-help = write a date and time as `YYYY-MM-DDTHH:MM`
