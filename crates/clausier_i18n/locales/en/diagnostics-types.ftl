## Expressions (E02, E03): names, paths, types, operators, tables and functions.

# A type named with its article, for prose; `vowel` is `yes` when the name starts with a vowel.
e03-a-ty = { $vowel ->
        [yes] an
       *[other] a
    } `{ $ty }`
# The label under an operand of the wrong type; `a_ty` is `e03-a-ty`.
e03-this-is = this is { $a_ty }

## Conditions and types.

e0301-expected-found = expected `{ $expected }`, found `{ $found }`
e0301-condition-of-require = `require` needs a condition
e0301-condition-of-when = `when` needs a condition
e0301-condition-of-operand = `{ $op }` needs conditions on both sides
e0301-condition-of-not = `not` needs a condition
e0301-condition-of-if = the condition of `if` must be true or false
e0301-condition-of-filter = the body after `:` must be a condition
e0301-help-compare-with-threshold = compare it with a threshold to get a condition, such as `… >= { $example }`
e0301-help-compare-with-string = compare it with a string to get a condition, such as `… == "…"`
e0301-help-compare-with-variant = compare it with a variant to get a condition, such as `… == { $example }`
e0301-help-quantify = use `all x in …: …`, `any x in …: …` or `count(…) > 0` to get a condition
e0301-help-name-a-field = name one of its fields, such as `gar.compliant`
e0301-help-read-an-entry = read one of its entries, such as `table["key"]`
e0301-list-items-differ = list items of different types: `{ $first }` and `{ $other }`
e0301-list-items-help = a list holds values of one type
e0301-if-branches-differ = `if` branches of different types: `{ $then }` and `{ $else }`
e0301-if-branches-help = both branches must give a value of the same type
e0301-table-value-help = the values of this table are of type `{ $expected }`
e0301-expected-key-found = expected a key of type `{ $expected }`, found `{ $found }`
e0301-map-key-help = the keys of this map are of type `{ $expected }`

## Literals out of range.

e0104-duration-too-large = duration too large
e0104-duration-too-large-label = this duration cannot be represented
e0104-duration-too-large-help = a duration is at most a few thousand years

## Operators.

e0303-negate = cannot apply `-` to `{ $ty }`
e0303-negate-help = only numbers, percents, amounts of money and durations have a negative

## Collections.

e0305-needs-collection = `{ $construct }` needs a list or a set, found `{ $found }`
e0305-in-help = write the values to look for as a list: `x in [a, b]`

## Comparing offers: `passed`, `lowest` and `highest`.

e0315-passed-outside-score = `passed` can only be used in the `score` of a criterion
e0315-passed-outside-score-label = `passed` weighs a requirement in the award
e0315-passed-outside-score-help = a requirement judges each offer on its own data: write its condition in `when` or `require`
e0307-aggregate-outside-score = `{ $aggregate }` can only be used in the `score` of a criterion
e0307-aggregate-outside-score-label = `{ $aggregate }` compares offers with each other
e0307-aggregate-outside-score-help = a requirement judges each offer alone: compare the field with a parameter instead
e0308-needs-numeric-field = `{ $aggregate }` needs a descriptor field of type `int`, `number`, `percent` or `money`
# `a_ty` is `e03-a-ty`.
e0308-field-is = this field is { $a_ty }
e0308-field-of-variable = `{ $field }` is a field of a variable, not of the descriptor
e0308-not-a-field = this is not a descriptor field
e0308-needs-numeric-field-help = name the field to compare across offers, such as `{ $aggregate }(pricing.per_student)`

## Tables.

e0321-table-not-expected = a table is written only as a value of a declared map or record type
e0321-type-expected-here = a `{ $expected }` is expected here
e0321-no-table-expected-here = no table is expected here
e0321-table-not-expected-help = declare a parameter of that type, such as `param features: map<string, set<Feature>> = { "{" } "IDO": [sso] { "}" }`, and name it here
e0206-key-twice = the key `{ $key }` is given twice
e0206-given-again-here = given again here
e0206-first-given-here = first given here
e0206-key-twice-help = give each key of a table once
e0206-record-field-twice = the field `{ $field }` is given twice
e0206-field-twice-help = give each field of a record once
e0202-not-a-variant = `{ $key }` is not a variant of `{ $enum }`
e0202-key-is-a-variant = a key of this table is a variant
# `variants`: the variants' names, separated by commas.
e0202-the-variants-are = the variants are { $variants }
e0201-unknown-record-field = unknown field `{ $field }` in this record
e0201-record-has-no-such-field = the record has no such field
# `fields`: the fields' names, separated by commas.
e0201-its-fields-are = its fields are { $fields }
# `fields`: the absent fields, in backticks, separated by commas.
e0321-record-lacks = this record does not give { $fields }
e0321-record-lacks-label = every field of a parameter's record has a value
# `fields`: the absent fields joined by `: …, `.
e0321-record-lacks-help = add `{ $fields }: …`
e0321-value-computed = the values of a table are written as they are
e0321-value-computed-label = this is computed
e0321-value-computed-help = write the value itself, such as a list of variants or an amount
e0322-index-not-a-map = `[…]` reads an entry of a map, but this is `{ $found }`
e0322-index-not-a-map-help = name a parameter of type `map<K, V>`; for a list, use `any x in xs: …` or `count(…)`

## Suggestions.

e02-did-you-mean = did you mean `{ $name }`?
# A list of names read as one: `init` holds all but the last, already joined by commas.
e02-names-and = { $init } and { $last }
# The title of a fix that writes a name or a path in place of another.
e02-fix-replace = replace with `{ $name }`
e02-fix-write = write `{ $name }`

## Paths: fields, parameters, enum variants and variables.

e03-not-a-descriptor-field = not a descriptor field
e03-what-variable = a variable bound by `all`, `any` or `count`
e03-what-variant = an enum variant
e0310-what-param = a parameter, which always has a value
# `what` is one of `e03-what-…` or `e0310-what-param`.
e0310-has-needs-field = `has` needs a descriptor field, but `{ $path }` is { $what }
e0310-has-needs-field-help = write the path of a descriptor field, such as `has security.iso27001_expires`
e0410-what-param = a parameter
# `what` is one of `e03-what-…` or `e0410-what-param`.
e0410-document-not-a-field = a required document is a descriptor field, but `{ $path }` is { $what }
e0410-document-not-a-field-help = declare where offers give the document, such as `documents: { "{" } homologation: string { "}" }` in `descriptor`, and write `evidence documents.homologation "…"`
e0203-enum-not-a-value = expected a value, found the enum `{ $enum }`
e0203-enum-not-a-value-label = an enum is a type, not a value
e0203-enum-not-a-value-help = name one of its variants, such as `{ $enum }.{ $example }`
# `enums` is `e02-names-and` of the enums' names.
e0209-ambiguous-variant = the variant `{ $variant }` is ambiguous: it belongs to { $enums }
e0209-ambiguous-variant-label = which enum is meant cannot be told from here
# `choices`: the qualified names, as alternatives.
e0209-ambiguous-variant-help = name the enum: write { $choices }
e0201-unknown-field = unknown field `{ $field }` in `{ $owner }`
e0201-unknown-field-label = `{ $owner }` has no such field
# `fields` is `e02-names-and` of the fields' names.
e0201-has-the-fields = `{ $owner }` has the fields { $fields }
# `a_ty` is `e03-a-ty`.
e0201-not-a-record = `{ $owner }` is { $a_ty }, it has no field `{ $field }`
# `kind` is `set` or `list`.
e0201-collection-has-no-fields = { $kind ->
        [set] a set
       *[other] a list
    } has no fields
e0201-collection-has-no-fields-help = use `all x in { $owner }: x.{ $field } …` to look inside { $kind ->
        [set] a set
       *[other] a list
    }
e0201-only-records-have-fields = only records have fields
e0202-unknown-variant = unknown variant `{ $variant }` in `{ $enum }`
e0202-unknown-variant-label = `{ $enum }` has no such variant
e0203-unknown-name = unknown name `{ $name }`
e0203-unknown-name-label = not a field, a parameter or an enum variant
e0203-unknown-name-help = a path starts with a descriptor field, a parameter, an enum variant or a variable bound by `all`, `any` or `count`

## Literals in the wrong unit. `what` is `threshold`, `value`, `number` or `duration`.

e03-write-as-percent = write the { $what } as a percent: `{ $literal }`
e03-write-in-euros = write the { $what } in euros: `{ $literal }`
e03-write-with-unit = write the duration with a unit: `{ $literal }`
e03-write-as-number = write the { $what } as a plain number: `{ $literal }`
e03-write-date-unquoted = write the date without quotes: `{ $literal }`
e03-write-variant-unquoted = write the variant without quotes: `{ $literal }`
e03-write-variants-unquoted = write the variants without quotes: `[{ $variants }]`

## Comparisons, membership and arithmetic.

e0304-not-ordered = `{ $op }` needs ordered values, but `{ $ty }` has no order
e0304-not-ordered-label = this compares by order
e0304-strings-help = strings compare only for equality: use `==` or `!=`
e0304-equality-only-help = `{ $ty }` values compare only with `==` and `!=`
e0302-incomparable = cannot compare `{ $left }` with `{ $right }`
e0302-incomparable-note = values of different types never compare
# `item` and `collection` are `e03-a-ty`.
e0302-cannot-look-for = cannot look for { $item } in { $collection }
e0302-holds-values = this holds `{ $ty }` values
e0319-time-on-date = hours or minutes added to a date
e0319-duration-has-time = this duration has hours or minutes
e0319-date-without-time = this is a date, without a time of day
e0319-never-a-value = this would never have a value
e0319-time-on-date-help = move the date by days, weeks, months or years, or compare durations (`delay <= 48 hours`)
e0303-invalid-operands = cannot apply `{ $op }` to `{ $left }` and `{ $right }`
e0303-invalid-operands-label = `{ $op }` does not apply to these types
e0303-add-note = `+` adds numbers, percents to percents, money to money, and durations to dates, datetimes or durations
e0303-sub-note = `-` subtracts numbers, percents from percents, money from money, durations from dates, datetimes or durations, dates from dates and datetimes from datetimes
e0303-mul-note = `*` multiplies numbers, and a percent, an amount of money or a duration by a number
e0303-div-note = `/` divides numbers, a percent or an amount of money by a number, and two percents or two amounts of money

## Functions.

# After "takes …, found": how many arguments were given.
e03-found-arguments = { $count ->
        [0] no argument
        [one] 1 argument
       *[other] { $count } arguments
    }
e03-for-example = for example `{ $example }`
# `expected` is one of `e0301-expects-…`; `found` is `e03-found-arguments`.
e0301-takes-found = `{ $function }` takes { $expected }, found { $found }
e0301-takes = `{ $function }` takes { $expected }
e0301-expects-text-and-pattern = a text and a pattern
e0301-expects-one-text = one text
e0301-expects-one-date = one date or datetime
e0301-expects-business-arguments = a start, an end, the days counted, an opening and a closing time
e0301-expects-arguments = { $count } arguments
e0301-reads-a-text = `{ $function }` reads a text
e0301-expected-date-found = expected `date` or `datetime`, found `{ $found }`
e0301-gives-the-weekday = `{ $function }` gives the day of the week of a date
# `which` is one of `e0301-business-argument-…`.
e0301-argument-is = argument { $position } of `{ $function }` is { $which }
e0301-business-argument-start = the start, a `datetime`
e0301-business-argument-end = the end, a `datetime`
e0301-business-argument-days = the days counted, a `set<weekday>`
e0301-business-argument-opens = the opening time, a `time`
e0301-business-argument-closes = the closing time, a `time`
e0323-closes-before-opening = the business hours close before they open
e0323-closes-before-opening-label = closes at or before the opening time
e0323-opens-here = opens here
e0323-closes-before-opening-note = business hours cannot run past midnight: the duration would never have a value
e0323-closes-before-opening-help = write the opening time first: `08:00, 18:00`
e0317-pattern-not-literal = the pattern of `matches` must be a string in quotes
e0317-pattern-computed = this is computed
e0317-pattern-not-literal-note = the pattern is checked once, when the pack is compiled
e0317-pattern-not-literal-help = write the pattern itself: `matches(site, "^https://")`
# `what` is `e0316-too-large`, `e0316-unreadable`, or `e0316-detail`.
e0316-invalid-pattern = invalid pattern: { $what }
# What the `regex` crate says is wrong, in its own words (English).
e0316-detail = { $detail }
e0316-too-large = the pattern is too large once compiled (more than { $mebibytes } MiB)
e0316-too-large-help = write a shorter pattern, with smaller repetition counts
e0316-unreadable = the pattern cannot be read
e0316-syntax-help = patterns follow the syntax of the Rust `regex` crate: escape `( ) [ ] {"{"} {"}"} . * + ? ^ $ | \` with `\\` to mean the character itself
e0316-regex-help = patterns follow the syntax of the Rust `regex` crate
e0218-unknown-function = unknown function `{ $name }`
e0218-unknown-function-label = no function has this name
# `functions` is `e02-names-and` of the functions' names.
e0218-the-functions-are = the functions are { $functions }

## Sums, means, minimums and maximums of lists.

# `types` is `e0303-numeric-types` or `e0303-ordered-types`.
e0303-aggregate-values = `{ $function }` does not apply to values of `{ $ty }`
e0303-aggregate-list = `{ $function }` does not apply to a list of `{ $ty }`
e0303-each-value-is = each value is `{ $ty }`
e0303-list-of = a list of `{ $ty }`
e0303-aggregate-help = `{ $function }` takes values of type { $types }
e0303-numeric-types = `int`, `number`, `percent`, `money` or `duration`
e0303-ordered-types = `int`, `number`, `percent`, `money`, `date`, `time`, `datetime`, `duration` or an enum

## Indicators and risks over an inventory
e0324-entries-in-per-entry-rule = an aggregate over all entries in a per-entry rule
e0324-entries-in-per-entry-rule-label = `entries` is the whole inventory
e0324-entries-in-per-entry-rule-help = a requirement, criterion, risk, `when`, parameter or test sees one entry at a time; sum or count the whole inventory in an `indicator`, whose `value` may read `entries`
e0325-grouping-field-type = an indicator cannot group by `{ $path }`, which is `{ $found }`
e0325-not-a-field = an indicator groups entries by a field of the descriptor
e0325-grouping-help = group by a descriptor field whose type is an enum or `string`
e0326-field-outside-aggregate = `{ $path }` is a field of one entry, read in an indicator over all entries
e0326-field-outside-aggregate-label = which entry?
e0326-field-outside-aggregate-help = read it for each entry inside an aggregate over `entries`, such as `sum(e in entries: e.{ $path })`
e0327-unknown-proof-kind = `{ $word }` is not a kind of proof
e0327-declared-is-no-proof = a declaration is no proof: `declared` cannot be required
e0327-not-a-proof-kind = not a kind of proof
e0327-kinds = the kinds of proof are { $kinds }; a value without `$source` is a declaration, which the line without `from` is enough to require
e0327-did-you-mean = did you mean `{ $kind }`?
e0301-share-weight = the weight of a `share` must be `int`, `number` or `money`, found `{ $found }`
e0301-share-weight-help = weigh each element by a number or an amount: `share(e in entries: p, e.annual_spend)`
e0301-risk-value = the `value` of a risk must be `int` or `number`, found `{ $found }`
e0301-risk-value-help = score each entry with a number, such as `weights[criticality] + count(lock_in)`
e0301-risk-spend = the `spend` of a risk must be `money`, found `{ $found }`
e0301-risk-spend-help = give the amount the entry costs, such as `spend annual_spend`
e0301-risk-ends = the `ends` of a risk must be a `date`, found `{ $found }`
e0301-risk-ends-help = give the date the entry's contract ends, such as `ends contract_end`
e0301-risk-window = the `window` of a risk must be a `duration`, found `{ $found }`
e0301-risk-window-help = give how long before the end a change can be prepared, such as `window 18 months`
e0301-risk-alternatives = the `alternatives` of a risk must be a list or a set of `string`, found `{ $found }`
e0301-risk-alternatives-help = give the catalogue categories the entry may move to, such as `alternatives categories[category]`
