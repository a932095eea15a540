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
e0206-field-twice = the field `{ $field }` is given twice
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
