## Descriptor files: finding, reading and decoding them (D0607), and what their formats
## could not read (D0601).

# An I/O error in words; the operating system's own words for the kinds not named here.
d0607-io-not-found = no such file or folder
d0607-io-permission-denied = permission denied
d0607-io-is-a-folder = it is a folder
d0607-io-not-a-folder = a part of the path is not a folder
# `reason`: one of the d0607-io-… messages, or the operating system's words.
d0607-cannot-read = cannot read `{ $file }`: { $reason }
# `kind`: one of the d0607-kind-… messages.
d0607-not-regular = cannot read `{ $file }`: it is { $kind }, not a regular file
d0607-kind-fifo = a FIFO (named pipe)
d0607-kind-char-device = a character device
d0607-kind-block-device = a block device
d0607-kind-socket = a socket
d0607-kind-folder = a folder
d0607-kind-special = a special file
# `init`: every extension but the last, separated by commas.
d0607-extensions-and = { $init } and { $last }
d0607-not-a-descriptor = `{ $file }` is not a descriptor file: its name must end in { $extensions }
# `limit`: a size with its unit, as `64 MiB`.
d0607-larger-than-limit = `{ $file }` is larger than { $limit }, the largest descriptor read
d0607-line-larger-than-limit = line { $line } of `{ $file }` is larger than { $limit }, the largest descriptor read
# `doubled`: a size as the option is written, as `128MiB`.
d0607-help-raise-limit = a descriptor this large is more likely an export or an archive than an offer; if it is genuine, raise the limit with `--max-descriptor-size { $doubled }`
d0607-too-large = `{ $file }` is too large to be a descriptor file
# `byte`: two hexadecimal digits.
d0607-not-utf8 = `{ $file }` is neither UTF-8 nor Windows-1252: byte 0x{ $byte } is no character
d0607-help-save-utf8 = save the file as UTF-8 (in Excel, « CSV UTF-8 (délimité par des virgules) »)
d0607-workbook-as-text = `{ $file }` is a workbook: it is read from its bytes, not as text
d0607-workbook-empty = `{ $file }` holds no cell: it has no offer
d0607-sheet-too-large = the sheet `{ $sheet }` of `{ $file }` is too large to read
d0607-workbook-too-many-cells = the workbook holds more than { $limit } cells, more than any offer needs: it is not read
# `reason`: the workbook reader's own words.
d0607-workbook-unreadable = the file cannot be read as an { $format } workbook: { $reason }
d0607-help-save-ods = save the file from LibreOffice Calc as an OpenDocument spreadsheet (`.ods`), or export its sheet as CSV
d0607-help-save-xlsx = save the file from Excel as « Classeur Excel (.xlsx) », or export its sheet as CSV

## What a format could not read (D0601).

# `format`: JSON, YAML, TOML, CSV, TSV; `detail`: a message below, or the words of the
# format's parser.
d0601-invalid = invalid { $format }: { $detail }
d0601-too-deep = the data nests deeper than { $depth } levels
d0601-yaml-second-document = a descriptor file holds one document, but a second one starts here
d0601-help-one-descriptor-a-file = put each descriptor in a file of its own
d0601-yaml-alias-without-anchor = this alias names no anchor
# `found`: what the key is, a data-found-… message, of gender `found_gender`.
d0601-yaml-key-not-a-name = a key must be a name, found { $found }{ $found_gender ->
       *[other] {""}
    }
d0601-toml-key-parts = a dotted key of more than { $limit } parts
d0601-help-nest-less = nest the data less deeply
# What JSON expected, in data-expected-found.
d0601-json-expected-comma-or-bracket = `,` or `]`
d0601-json-expected-comma-or-brace = `,` or `{ "}" }`
d0601-json-expected-comma = `,`
d0601-json-expected-key-or-brace = a key in double quotes or `{ "}" }`
d0601-json-expected-key = a key in double quotes
d0601-json-expected-colon = `:` after the key
# What JSON found, in data-expected-found.
d0601-json-found-comment = a comment
d0601-json-found-word = a word
d0601-json-end-of-file = the end of the file
d0601-json-end-of-line = the end of the line
d0601-json-unterminated-object = unterminated object
d0601-json-unterminated-array = unterminated array
d0601-help-json-comma = put a comma between two entries
d0601-help-json-entry = write each entry as `"key": value`
# `open`, `close`: the brackets, `{` and `}` or `[` and `]`.
d0601-help-json-never-closed = the `{ $open }` at line { $line }, column { $column } is never closed: add its `{ $close }`
d0601-help-json-no-comments = JSON has no comments: remove it
d0601-help-json-trailing-comma = remove the comma after the last item
d0601-help-json-quoted-keys = write keys in double quotes, as `"region"`
d0601-help-json-double-quotes = write strings in double quotes
d0601-help-json-one-descriptor = a JSON file holds one descriptor; write one object a line in an `.ndjson` file for many
# CSV and TSV.
d0601-csv-no-header = the file has no header row
d0601-help-csv-header-tabs = the first row names the columns, separated by tabs, as `id⇥name⇥hosting.region`
d0601-help-csv-header = the first row names the columns, as `id,name,hosting.region`
d0601-csv-cell-count = expected { $expected } cells as in the header, found { $found }
# `counts`: d0601-csv-cell-counts.
d0601-csv-cell-counts = the header has { $header ->
        [one] 1 cell
       *[other] { $header } cells
    } and this row has { $row ->
        [one] 1 cell
       *[other] { $row } cells
    }
d0601-separator-comma = `,`
d0601-separator-semicolon = `;`
d0601-separator-tabs = tabs
# `separator`, `found`: d0601-separator-… messages.
d0601-help-csv-row-other-separator = { $counts }: the header separates cells with { $separator } but this row with { $found }; use { $separator } on every row
d0601-help-csv-quote-tab = { $counts }: quote cells that hold a tab, as `"Paris⇥France"`
d0601-help-csv-quote-semicolon = { $counts }: quote cells that hold a semicolon, as `"RGAA;RGPD"`
d0601-help-csv-quote-comma = { $counts }: quote cells that hold a comma, as `"Paris, France"`
d0601-help-csv-empty-cells-tab = { $counts }: give every column a cell, left empty (two tabs in a row) where there is no value
d0601-help-csv-empty-cells-semicolon = { $counts }: give every column a cell, left empty (`;;`) where there is no value
d0601-help-csv-empty-cells-comma = { $counts }: give every column a cell, left empty (`,,`) where there is no value
d0601-csv-unclosed-quote = the `"` that opens this cell is never closed
d0601-help-csv-close-quote = close the quote at the end of the cell; a `"` inside a quoted cell is written twice, as `""`
d0601-csv-header-other-separator = the header is one column, but its name holds { $found }
d0601-help-csv-save-as-csv = this file separates its { $count } columns with { $found }, not { $separator }: save it as CSV (`.csv`), whose separator is found from the header
d0601-csv-unnamed-column = the value `{ $value }` is in a column without a name in the header (column { $column })
d0601-help-csv-name-column = name the column in the header row, as `hosting.region`, or leave its cells empty
# A workbook's questionnaire sheet: a field's path in column A, its value in column B.
d0601-questionnaire-value-without-path = the value `{ $value }` has no field path in column A
d0601-help-questionnaire-path = write the field's path, as `hosting.region`, in column A
d0601-questionnaire-empty = the questionnaire gives no field: its rows below the first are empty
d0601-help-questionnaire-rows = give each field's path in column A and its value in column B

## Columns of a CSV file or a workbook sheet that the pack's fields do not fit.

d0602-csv-column-names-record = the column `{ $column }` names a record, not a value
d0602-help-csv-column-per-field = give each of its fields a column, such as `{ $column }.…`
d0602-csv-record-list = `{ $field }` is a list of records, which a { $format } cell cannot hold
d0602-help-csv-record-list-elsewhere = describe `{ $field }` in a JSON, YAML or TOML descriptor
# `elsewhere`: d0602-help-csv-record-list-elsewhere.
d0602-help-csv-empty-record-list = write `[]` when the list is empty; otherwise { $elsewhere }
d0602-csv-claim-part-missing = the claim of an equivalent for `{ $field }` gives no `{ $column }`
d0602-help-csv-claim-parts = a claim names what is claimed as equivalent, who issued it and the document that proves it: fill the three columns `{ $field }.$equivalent.label`, `.issuer` and `.document`, or none
d0604-csv-column-undeclared = column `{ $column }` is not a field declared by the pack
d0606-csv-column-twice = column `{ $column }` given twice
d0606-help-csv-column-once = give each column once
