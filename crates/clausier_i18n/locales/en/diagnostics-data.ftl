## Problems in a vendor's descriptor (D06): what was expected and found, and how to write it.

# Where a problem is, when the report cannot quote the file.
data-at-line-column = at line { $line }, column { $column }
# The caret under a value, when the message does not name its path.
data-at-path = at `{ $path }`

# `expected` and `found` are phrases below; French makes the participles agree with
# them (`expected_gender`, `found_gender`: `feminine` or `masculine`), English does not.
data-expected-found = expected { $expected }, found { $found }{ $expected_gender ->
       *[other] {""}
    }{ $found_gender ->
       *[other] {""}
    }
data-root-not-record = expected a record of fields at the top of the descriptor, found { $found }{ $found_gender ->
       *[other] {""}
    }

## What a value was expected to be.

data-expected-bool = `true` or `false`
data-expected-int = a whole number such as `12`
data-expected-number = a number such as `4.5`
data-expected-percent = a percentage such as `87.5%`
data-expected-money = an amount in euros such as `4.50 €`
data-expected-date = a date such as `2027-06-30`
data-expected-time = a time of day such as `08:30`
data-expected-datetime = a date and time such as `2027-01-04T08:30`
data-expected-duration = a duration such as `P6M` or `6 months`
data-expected-string = a string
data-expected-list = a list
data-expected-table = a table
data-expected-spdx = an SPDX licence expression such as `AGPL-3.0-or-later`
data-expected-enum-such-as = a `{ $name }` value such as `{ $first }`
data-expected-enum-named = a `{ $name }` value
data-expected-enum = an enum value
data-expected-record-named = a `{ $name }` record
# `fields` is the first field names, in backticks, joined by commas.
data-expected-record-with = a record with fields such as { $fields }
data-expected-record = a record
data-expected-value = a value

## What was found instead.

# The vendor's text as written.
data-found-written = `{ $text }`
data-found-nothing = nothing
data-found-bool = a boolean
data-found-number = a number
data-found-string = a string
data-found-percent = a percentage
data-found-money = an amount of money
data-found-date = a date
data-found-duration = a duration
data-found-time = a time of day
data-found-datetime = a date and time
data-found-broken = a value that could not be read
data-found-list = a list
data-found-record = a record

## Values the schema refuses.

data-too-many-values = the data expands to too many values
data-help-yaml-aliases = YAML aliases repeat their anchor's data: write the values out instead
data-help-no-absent-in-list = a list cannot hold an absent value: remove it
data-outside-range = `{ $value }` is outside the allowed range
# `range` is one of the data-range-… messages.
data-help-range = `{ $path }` must be { $range }
data-range-from-to = from { $lower } to { $upper }
data-range-both = { $lower } and { $upper }
data-range-at-least = at least { $value }
data-range-more-than = more than { $value }
data-range-at-most = at most { $value }
data-range-less-than = less than { $value }
data-range-any = any value
# `value` is the vendor's text, already quoted.
data-unknown-variant = unknown `{ $name }` value { $value }
# `values` is the enum's value names, in backticks, joined by commas.
data-help-one-of = `{ $name }` is one of { $values }
data-help-did-you-mean-one-of = did you mean `{ $near }`? `{ $name }` is one of { $values }
data-help-name-alone = write the value's name alone: `{ $variant }`
data-number-too-large = number { $value } is too large: numbers range from -79228162514264337593543950335 to 79228162514264337593543950335
data-help-smaller-unit = give the value in a smaller unit, or check it for a typing slip
data-number-too-precise = number { $value } has too many digits: a number has at most 28 digits after the decimal point, and about 28 digits in all
data-help-round = round the value to fewer decimal places

## How to write a value of the declared type.

data-help-remove-quotes = remove the quotes: numbers are written without them
data-help-add-quotes = put the value in quotes to make it a string
data-help-exact-decimals = numbers are exact decimals of at most 28 digits
data-help-date-form = write dates year-month-day, as `2027-06-30`
# `value` is the vendor's text, already quoted.
data-help-no-such-day = { $value } is not a day of the calendar
data-help-date-without-time = a date has no time of day: write it as `2027-06-30`
data-help-time-form = write a time of day hours:minutes from `00:00` to `23:59`, as `08:30` or `08:30:00`
data-help-datetime-form = write a date and time year-month-day, `T`, then hours:minutes, as `2027-01-04T08:30` or `2027-01-04T08:30:00`
data-help-datetime-offset = give the local time in France without an offset or `Z`, as `2027-01-04T08:30`
data-help-duration-form = write durations in ISO 8601 (`P6M`, `P30D`, `P1Y2M10D`, `P2W`, `PT12H`, `P1DT2H`, `PT30M`) or in words (`6 months`, `30 days`, `1 year`, `24 hours`, `90 minutes`)
data-help-decimal-point = write decimals with a point: `{ $fixed }`
data-help-percent-form = write a number of percent, `87.5`, or a string with the sign, `"87.5%"`
data-help-money-form = write a number of euros, `4.5`, or a string with the currency, `"4.50 €"`
data-help-bool-form = write `true` or `false` without quotes

## Keys the pack does not declare.

data-more-undeclared = { $count ->
        [one] { $count } more field is not declared by the pack
       *[other] { $count } more fields are not declared by the pack
    }
data-help-more-undeclared = only the first { $shown } undeclared fields are named; compare the file with the schema the buyer publishes (`clausier schema`)

data-names-and-more = { $names }, and { $count } more
data-expected-lot-id = a lot id as a string
data-help-lot-ids-as-strings = write each lot id as a string, as `"lots": ["1", "2"]`

## Keys given twice, or not declared.

# `key` is the vendor's key, already quoted.
data-duplicate-key = key { $key } given twice
data-help-first-key = the first { $key } is on line { $line }; give each key once
data-undeclared-field = field { $key } is not declared by the pack
data-did-you-mean = did you mean `{ $near }`?
data-help-no-lots = the contract is not divided into lots: remove `lots`

## Workbooks.

# A problem in a workbook's cell: `message` is the problem itself.
data-in-cell = in sheet `{ $sheet }`, cell { $cell }: { $message }

## The lots an offer bids for (D0609).

# `lots` is the lots of the contract, each as `id` (title), joined by commas.
data-offer-names-no-lot = the offer does not say which lots it bids for
data-help-name-the-lots = give the ids of its lots in the top-level key `lots`, as `"lots": ["1"]`; the lots of the contract are { $lots }
# `id` is the vendor's text, already quoted.
data-unknown-lot = no lot of the contract has the id { $id }
data-help-lots = the lots of the contract are { $lots }
data-help-did-you-mean-lot = did you mean `{ $id }`? the lots of the contract are { $lots }
# `title` is the vendor's text, already quoted.
data-help-lot-title = { $title } is the title of the lot `{ $id }`: name it by its id, `{ $id }`

## Files and formats.

data-help-each-key-and-table-once = give each key and each table once
data-read-as-encoding = `{ $file }` is not UTF-8: it was read as { $encoding }
data-help-check-accents = check its accented letters in this report; save the file as UTF-8 to be sure (in Excel, « CSV UTF-8 (délimité par des virgules) »)
data-help-json-shape = a JSON descriptor is an object, as `{ "{" } "id": "vendor-042", … { "}" }`
data-help-ndjson-shape = each line of an NDJSON file is one JSON object
data-help-yaml-shape = a YAML descriptor is a mapping of field names to values
data-help-publiccode-key = the publiccode.yml standard writes { $key } so; the solution is read without this value
data-help-toml-shape = a TOML descriptor is a table of field names and values
data-help-given-shape = a test's data is a record, as `given { "{" } hosting: { "{" } region: "EU" { "}" } { "}" }`

## The `$`-keyed form of a value: where it comes from, until when it holds.
data-evidence-unknown-key = { $key } is not a key of a value's evidence
data-evidence-no-value = this value's evidence gives no `$value`
data-help-evidence-keys = write the value as `{"{"}"$value": …, "$source": …, "$valid_until": "YYYY-MM-DD"{"}"}`: `$value` is required, the others are optional
data-evidence-bad-date = `$valid_until` must be a date
data-help-evidence-date = write the last day the value holds, as `2027-03-31`
data-evidence-bad-kind = the source of a value must be one of its kinds
data-evidence-no-kind = the source of a value does not say its `kind`
data-help-evidence-kinds = the kinds of source are { $kinds }
data-evidence-unknown-source-key = { $key } is not a key of a value's source
data-help-evidence-source-keys = a source has a `kind`, and optionally a `reference` and an `issuer`
data-evidence-not-text = a source's reference and issuer are texts
data-evidence-equivalent-not-record = `$equivalent` must be a record
data-evidence-unknown-equivalent-key = { $key } is not a key of a claim of an equivalent
data-evidence-equivalent-not-text = the { $key } of a claim of an equivalent must be a text that is not empty
data-evidence-equivalent-lacks = this claim of an equivalent does not give its { $key }
data-help-evidence-equivalent-keys = write the claim as `{"{"}"label": …, "issuer": …, "document": …{"}"}`: what is claimed as equivalent, who issued it, and the document that proves it
