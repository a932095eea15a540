## The checker's diagnostics on the structure of a pack: types and the descriptor
## (E02, E03), parameters, clauses, composition, lots, placeholders and tests (E04).

# `variants` is a list of names in backticks.
e02-enum-variants-note = `{ $name }` has the variants { $variants }

## Types and the descriptor.

e0204-unknown-type = unknown type `{ $name }`
e0204-unknown-type-label = no type has this name
e0204-element-type-help = give the type of the elements: `{ $name }<string>`
e0204-did-you-mean = did you mean `{ $name }`?
e0204-replace-with = replace with `{ $name }`
e0204-types-help = the types are `bool`, `int`, `number`, `percent`, `money`, `date`, `time`, `datetime`, `duration`, `string`, `weekday`, `list<T>`, `set<T>`, records and the declared `enum`s and `type`s

e0206-builtin-type = `{ $name }` is a builtin type
e0206-builtin-type-label = this name is taken by a builtin type
e0206-choose-another-name = choose another name
e0206-type-twice = the type `{ $name }` is declared twice
e0206-type-twice-help = rename one of them, or merge them into one declaration
e0206-declared-again-here = declared again here
e0206-first-declared-here = first declared here
e0206-remove-one = remove one of them
e0206-variant-twice = the variant `{ $variant }` is declared twice in `{ $enum }`
e0206-field-twice = the field `{ $name }` is declared twice
e0206-enum-other-variants = the enum `{ $name }` is declared by `{ $first_pack }` and, with other variants, by `{ $this_pack }`
e0206-declared-here-in = declared here in `{ $pack }`
e0206-first-declared-in = first declared in `{ $pack }`
# `first` and `this` are lists of names in backticks.
e0206-enum-variants-note = `{ $first_pack }` gives the variants { $first }; `{ $this_pack }` gives { $this }
e0206-enum-other-variants-help = give the enum the same variants in the same order in both packs, or rename one of them
e0206-type-differently = the type `{ $name }` is declared by `{ $first_pack }` and, differently, by `{ $this_pack }`
e0206-type-differently-help = give the type the same fields, with the same types, in both packs, or rename one of them

e0207-other-bounds = the descriptor field `{ $path }` is declared with other bounds
# `bounds` is one of the data-range-… messages.
e0207-declared-with-bounds = declared here as { $bounds }
e0207-first-declared-here = first declared here
e0207-other-bounds-help = give the field the same `where` in every `descriptor` block, or give it once
e0207-two-types-two-packs = the descriptor field `{ $path }` is declared as `{ $old }` by `{ $first_pack }` and as `{ $new }` by `{ $this_pack }`
e0207-declared-here-as-in = declared here as `{ $type }` in `{ $pack }`
e0207-first-declared-as-in = first declared as `{ $type }` in `{ $pack }`
e0207-two-types = the descriptor field `{ $path }` is declared as `{ $old }` and as `{ $new }`
e0207-declared-here-as = declared here as `{ $type }`
e0207-first-declared-as = first declared as `{ $type }`
e0207-two-types-help = give the field the same type in every `descriptor` block, or rename one of them

e0210-recursive = the type `{ $name }` contains itself
e0210-recursive-label = `{ $name }` is used inside its own definition
e0210-declared-here = declared here
# `chain` is the type names in backticks joined by arrows.
e0210-cycle-note = the types refer to each other: { $chain }
e0210-recursive-help = a descriptor is finite data: describe the nested part with a type that does not refer back

e0217-reserved = the descriptor field `{ $name }` is reserved
e0217-reserved-label = reserved for the lots an offer bids for
e0217-reserved-help = choose another name, such as `{ $name }_offered`; a descriptor names the lots its offer bids for in its top-level `{ $name }` key

e0311-unordered = the field `{ $field }` is a `{ $type }`, whose values have no bounds
e0311-unordered-label = a bound applies to an `int`, a `number`, a `percent` or `money`
e0311-unordered-help = remove the `where`, or check the value in a requirement
e0311-wrong-type = the bound of `{ $field }` is not a `{ $type }`
e0311-wrong-type-label = expected a `{ $type }`
# `example` is a bound in backticks, such as `>= 1`.
e0311-wrong-type-help = write the bound in the field's unit, such as { $example }
e0311-two-lower = the field `{ $field }` has two lower bounds
e0311-two-upper = the field `{ $field }` has two upper bounds
e0311-second-lower = a second lower bound
e0311-second-upper = a second upper bound
e0311-keep-one = keep one of them
e0311-empty-range = no value of `{ $field }` can satisfy its bounds
# `range` is one of the data-range-… messages.
e0311-empty-range-label = the range { $range } admits no value
e0311-default-note = without `where`, a `{ $type }` is { $range }
e0311-empty-range-help = give a lower bound below the upper bound; a side you give replaces the default

e0320-descriptor-map = the descriptor field `{ $name }` is a map, which only a parameter may be
e0320-descriptor-map-label = a vendor's descriptor cannot give a map
e0320-descriptor-map-help = declare a list of records instead, such as `list<{ "{" } code: string, purpose: string { "}" }>`
e0320-map-key = the keys of a map are strings or enum variants, not `{ $found }`
e0320-map-key-label = not a key type
e0320-map-key-help = write `map<string, …>` or `map<AnEnum, …>`

## Composition across packs: `use`, `set` and `[params]`.

e0205-brought-in-twice = the clause `{ $id }` is brought in twice, as `{ $first }` and as `{ $again }`
e0205-brought-in-again-as = brought in again as `{ $level }`
e0205-first-brought-in-as = first brought in as `{ $level }`
e0205-brought-in-twice-help = bring `{ $id }` in once, with the level the tender asks for
e0205-id-in-two-packs = the clause id `{ $id }` is used by `{ $first_pack }` and by `{ $this_pack }`
e0205-clause-comes-in-here = the clause of `{ $pack }` comes in here
e0205-id-in-two-packs-help = rename your own clause, or bring in a selection that leaves one of them out: `use DEP::{ "{" }ID, …{ "}" }`

e0206-param-set-twice = the parameter `{ $param }` is set twice
e0206-set-again-here = set again here
e0206-first-set-here = first set here
e0206-param-set-twice-help = keep one override: a `set` in a clause file or a key under `[params]` in `pack.toml`
e0206-param-set-by-two = the parameter `{ $param }` is set by `{ $first_pack }` and by `{ $this_pack }`
e0206-set-by-here = set by `{ $pack }` here
e0206-param-set-by-two-note = neither pack depends on the other, so neither override can win
e0206-param-set-by-two-help = remove one of them, or set `{ $param }` in a pack that depends on both

e0211-unknown-pack = unknown pack `{ $name }`
e0211-unknown-pack-label = no dependency has this name
# `dependencies` is a list of names in backticks.
e0211-dependencies-note = the dependencies of `{ $pack }` are { $dependencies }
e0211-did-you-mean = did you mean `{ $name }`?
e0211-replace-with = replace with `{ $name }`
e0211-dependency-elsewhere-help = `{ $name }` is a dependency of another pack: declare it under `[dependencies]` in the `pack.toml` of `{ $pack }` too
e0211-declare-dependency-help = declare it under `[dependencies]` in `pack.toml`

e0213-unknown-clause = the pack `{ $pack }` has no clause `{ $id }`
e0213-unknown-clause-label = no requirement or criterion has this id
e0213-did-you-mean = did you mean `{ $name }`?
e0213-replace-with = replace with `{ $name }`
e0213-no-clauses-help = `{ $pack }` has no clause to bring in
# `ids` is a list of clause ids in backticks.
e0213-clauses-help = the clauses of `{ $pack }` are { $ids }
e0213-many-clauses-help = `clausier validate` the pack `{ $pack }` to see its { $count } clauses

e0214-unknown-param = the pack `{ $pack }` has no parameter `{ $name }`
e0214-unknown-param-label = no parameter has this name
e0214-did-you-mean = did you mean `{ $name }`?
e0214-replace-with = replace with `{ $name }`
e0214-no-params-help = `{ $pack }` declares no parameter to override
# `params` is a list of names in backticks.
e0214-params-help = the parameters of `{ $pack }` are { $params }

e0403-criterion-level = `{ $id }` is a criterion, which has no level
e0403-criterion-level-label = not allowed on a criterion
e0403-criterion-level-help = a criterion is weighted, not `must` or `should`: write `{ $id }` alone

## Requirements and criteria.

e0205-id-used-twice = the clause id `{ $id }` is used twice
e0205-used-again-here = used again here
e0205-first-used-here = first used here
e0205-id-used-twice-help = give each requirement and criterion of the pack its own id

# `found` is a type name; `vowel` is `yes` when it starts with a vowel.
e0306-score-not-numeric = a score is a number or a percent, found `{ $found }`
e0306-this-is = this is { $vowel ->
        [yes] an
       *[other] a
    } `{ $type }`
e0306-bool-score-help = give points for a condition with `if CONDITION then 1 else 0`
e0306-money-score-help = divide amounts to get a number, such as `lowest(pricing.per_student) / pricing.per_student`
e0306-score-help = a score is a number or a percent from 0 to 1

e0401-no-require = the requirement `{ $id }` has no `require`
e0401-no-require-label = this requirement checks nothing
e0401-no-require-help = add a line `require CONDITION` with what an offer must meet

e0402-given-twice = `{ $field }` is given twice
e0402-given-again-here = given again here
e0402-first-given-here = first given here
e0402-keep-one-joined-help = keep one `{ $field }`, joining the conditions with `and`
e0402-keep-one-help = keep one `{ $field }`

e0403-criterion-document = a criterion cannot require a document
e0403-criterion-document-label = a required document belongs to a requirement
e0403-criterion-document-help = move this line to the requirement the document supports, or write `evidence "{ $label }"` to only name the document
e0403-not-allowed-in-requirement = `{ $field }` is not allowed in a requirement
e0403-not-allowed-in-criterion = `{ $field }` is not allowed in a criterion
e0403-not-allowed-here = not allowed here
e0403-requirement-help = a requirement passes or fails with `require`; a score belongs in a `criterion`
e0403-criterion-level-weight-help = a criterion is weighted, not `must` or `should`: set its `weight` instead
e0403-criterion-no-equivalent-help = a criterion does not decide on an equivalent of a label: write `no_equivalent` in the requirement that demands the certification
e0403-criterion-conditions-help = a criterion only scores eligible offers; put conditions in a `requirement`, or use `if … then … else …` in the `score`

e0404-no-score = the criterion `{ $id }` has no `score`
e0404-no-score-label = this criterion scores nothing
e0404-no-score-help = add a line `score EXPRESSION`, a number or a percent from 0 to 1

e0405-no-weight = the criterion `{ $id }` has no weight
e0405-no-weight-label = a criterion needs a weight
e0405-no-weight-help = write `weight N` after the title, with N more than 0 and at most 100
e0405-weight-out-of-range = the weight of `{ $id }` must be more than 0 and at most 100, found `{ $found }`
e0405-out-of-range = out of range
e0405-weight-help = weights are points out of 100 shared by the criteria of the pack

## Parameters.

e0206-param-twice = the parameter `{ $name }` is declared twice
e0206-param-twice-help = remove one of them, or rename it

e0208-shadows-field = the parameter `{ $name }` has the name of a descriptor field
e0208-shadows-field-label = this parameter could never be read
e0208-field-declared-here = the descriptor field is declared here
e0208-shadows-field-help = rename the parameter, such as `max_{ $name }`: the path `{ $name }` names the field

e0309-cannot-be-computed = the value of the parameter `{ $name }` cannot be computed
e0309-write-the-value = write the value itself
e0309-not-constant = the value of the parameter `{ $name }` is not a constant
# `example` is a value as a clause writes it.
e0309-write-the-value-such-as = write the value itself, such as `{ $example }`
# `want` and `found` are type names; `vowel` is `yes` when `found` starts with a vowel.
e0309-wrong-type = the parameter `{ $name }` is declared `{ $want }` but its value is { $vowel ->
        [yes] an
       *[other] a
    } `{ $found }`
e0309-declared-here = declared `{ $type }` here
e0309-write-a-type-such-as = write { $vowel ->
        [yes] an
       *[other] a
    } `{ $type }`, such as `{ $example }`
e0309-reads-descriptor-field = `{ $field }` is a descriptor field, known only when an offer is checked
e0309-reads-another-param = `{ $name }` is another parameter
e0309-reads-today = `today` depends on the date of the evaluation
e0309-reads-has = `has` reads the descriptor
# Why a parameter's value cannot be computed.
e0309-not-a-constant = this is not a constant
e0309-divides-by-zero = this divides by zero
e0309-out-of-range = this is out of the range of values
e0309-do-not-combine = these values do not combine
e0309-time-on-date = a date has no time of day to add hours or minutes to

## Test blocks.

# `named` is `no` for a test without a name.
e0406-no-given = { $named ->
        [no] this test
       *[other] the test `{ $name }`
    } has no `given`
e0406-no-given-label = this test checks no descriptor
e0406-no-given-help = add the descriptor's data, as `given { "{" } hosting: { "{" } region: "EU" { "}" } { "}" }`, or a file, as `given "offre.json"`
e0406-expects-nothing = { $named ->
        [no] this test
       *[other] the test `{ $name }`
    } expects nothing
e0406-expects-nothing-label = this test cannot fail
e0406-expects-nothing-help = add what the offer should give, as `expect eligible` or `expect fail HEB-01`

e0212-criterion = `{ $id }` is a criterion, which has a score, not a status
# `status` is the word of the `expect` line: `pass`, `fail`, `missing`, `not_applicable`.
e0212-criterion-label = `expect { $status }` needs a requirement
e0212-criterion-declared-here = the criterion is declared here
e0212-criterion-help = expect the offer's total score instead, as `expect score >= 60`
e0212-unknown-requirement = unknown requirement `{ $id }` in a test
e0212-unknown-requirement-label = no requirement of the pack has this id
e0212-did-you-mean = did you mean `{ $name }`?
e0212-replace-with = replace with `{ $name }`
e0212-no-requirement-note = the pack has no requirement
# `ids` is a list of requirement ids in backticks.
e0212-requirements-note = the requirements are { $ids }

## Placeholders in texts: `{max_price}`.

e0312-unknown-param = unknown parameter `{ $name }` in a placeholder
e0312-unknown-param-label = no parameter has this name
e0312-did-you-mean = did you mean `{ $name }`?
e0312-replace-with = replace with `{ $name }`
e0312-no-params-help = a placeholder names a parameter declared with `param`; write `{ "{" }{ "{" }` and `{ "}" }{ "}" }` for braces in the text
# `params` is a list of names in backticks.
e0312-params-help = the parameters of this pack are { $params }; write `{ "{" }{ "{" }` and `{ "}" }{ "}" }` for braces in the text
e0312-no-field = `{ $path }` has no field `{ $field }` in a placeholder
e0312-no-field-label = no such field
e0312-not-a-record-help = `{ $path }` is not a record: write `{ "{" }{ $path }{ "}" }`
# `fields` is a list of names in backticks.
e0312-fields-help = the fields of `{ $path }` are { $fields }

e0313-unclosed = unclosed `{ "{" }` in a text
e0313-unclosed-label = this `{ "{" }` opens no placeholder
e0313-unclosed-help = close the placeholder with `{ "}" }` right after the parameter's name, or write `{ "{" }{ "{" }` for a brace in the text
e0313-unopened = unopened `{ "}" }` in a text
e0313-unopened-label = this `{ "}" }` closes no placeholder
e0313-unopened-help = write `{ "}" }{ "}" }` for a brace in the text
e0313-empty = empty placeholder in a text
e0313-empty-label = no parameter is named here
e0313-empty-help = write a parameter's name between the braces, or `{ "{" }{ "{" }{ "}" }{ "}" }` for braces in the text
e0313-not-a-name = a placeholder holds one parameter name
e0313-not-a-name-label = this is not a parameter name
e0313-not-a-name-help = write `{ "{" }max_price{ "}" }` with no space, or `{ "{" }{ "{" }` and `{ "}" }{ "}" }` for braces in the text

## `passed(ID)` in a criterion's score.

e0314-criterion = `{ $id }` is a criterion, which is scored, not passed
e0314-unknown-requirement = no requirement `{ $id }` is in effect in this pack
e0314-not-a-requirement = not a requirement of the pack
e0314-did-you-mean = did you mean `{ $name }`?
e0314-replace-with = replace with `{ $name }`
e0314-help = name a `should` requirement of the pack, or bring a dependency's in with `use DEP::{ "{" }ID{ "}" }`

# `level` is `must`, `should`, `info` or `execution`.
e0315-cannot-score = `{ $id }` is { $level ->
        [info] an
        [execution] an
       *[other] a
    } `{ $level }` requirement, which `passed` cannot score
e0315-requirement-of-level = { $level ->
        [info] an
        [execution] an
       *[other] a
    } `{ $level }` requirement
e0315-info-help = an `info` requirement is never used in the award: make it `level should` to score it
e0315-not-should-help = every scored offer passes it, so all would get the same points: score a `should` requirement instead

# `lots` is the lot ids in backticks, joined by commas; `count` how many.
e0409-not-asked = `{ $id }` is not asked in { $count ->
        [one] lot
       *[other] lots
    } { $lots }, which this criterion scores
e0409-not-asked-label = not asked in { $count ->
        [one] lot
       *[other] lots
    } { $lots }
e0409-not-asked-help = limit the criterion to the lots of `{ $id }` with a `lots` line, or add { $lots } to the `lots` of the requirement

## Lots.

e0215-unknown-lot = no lot has the id `{ $lot }`
e0215-unknown-lot-label = not a lot of `[document]`
e0215-did-you-mean = did you mean `{ $name }`?
# `lots` is each lot's id in backticks and title in brackets, joined by commas.
e0215-lots-help = the lots of `[document]` are { $lots }

e0407-no-declared-lots = `lots` names lots, but the pack declares none
e0407-no-declared-lots-label = the pack declares no lots
e0407-no-declared-lots-help = declare the lots in `pack.toml`: `[document]` then `lots = [{ "{" } id = "1", title = "…" { "}" }]`, or remove this line for a contract in one piece

e0408-named-twice = the lot `{ $lot }` is named twice
e0408-named-again-here = named again here
e0408-first-named-here = first named here
e0408-named-twice-help = name each lot once

## Parameters computed from others.

e0216-computed-from-itself = the parameter `{ $name }` is computed from itself
e0216-computed-from-itself-label = this value reads the parameter it defines
e0216-computed-from-itself-help = write the value as a constant, such as a date or an amount
# `names` is the parameters' names in backticks, joined by commas.
e0216-cycle = the parameters { $names } are computed from each other
e0216-cycle-label = this value starts the cycle
e0216-cycle-help = write the value of one of them as a constant, such as a date or an amount
e0216-computed-here = `{ $name }` is computed here
# One step of the cycle, then the steps that follow it.
e0216-step = `{ $from }` is computed from `{ $to }`
e0216-steps = { $step }, { $rest }

## Indicators and risks
e0411-no-value = `{ $id }` has no `value`
e0411-no-value-label = this computes nothing
e0411-no-value-help = add a line `value EXPRESSION` with what it computes
e0403-not-allowed-in-indicator = `{ $field }` is not allowed in an indicator
e0403-indicator-help = an indicator has `value`, `by`, `text`, `note` and `ref`; a condition on one entry belongs in a `requirement`
e0403-not-allowed-in-risk = `{ $field }` is not allowed in a risk
e0403-risk-help = a risk has `value`, `spend`, `ends`, `window`, `alternatives`, `text`, `note` and `ref`
e0403-too-many-groupings = an indicator groups by at most two fields
e0403-too-many-groupings-help = keep two fields in `by`, and declare another indicator for the others
