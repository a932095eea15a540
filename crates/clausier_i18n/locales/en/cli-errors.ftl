## The command's own failures (E09): arguments that cannot make a run, outputs that
## cannot be written.

e09-stdin-twice = `-` is given twice
e09-help-stdin-once = standard input can be read once; give `-` a single time
e09-no-descriptor-in = no descriptor in `{ $folder }`
# `extensions`: the descriptor extensions, as d0607-extensions-and lists them.
e09-help-descriptor-extensions = descriptors are files ending in { $extensions }; hidden files and folders are skipped
e09-descriptor-is-output = `{ $file }` is both a descriptor to check and the report's output
e09-help-output-elsewhere = write the report to another file: this one would be overwritten by the report
e09-no-record = no descriptor to check: the inputs hold no record
e09-help-no-record = give files or folders of descriptors, or NDJSON on standard input with `-`; a CSV file needs a row below its header, an NDJSON file a non-blank line

## Outputs.

# `reason`: a d0607-io-… message, e09-not-a-file, e09-too-many-links, or the operating
# system's words.
e09-cannot-write = cannot write `{ $file }`: { $reason }
e09-not-a-file = it is not a file
e09-too-many-links = too many symbolic links
e09-help-give-file-name = give a file name, as `{ $example }`
e09-help-write-to-file = write the report to a file, to a FIFO or to `-` for standard output
e09-help-links-loop = the links lead back to themselves: give the file's own path
e09-help-check-folder = check that the folder exists and that you may write in it
e09-cannot-write-stdout = cannot write to standard output: { $reason }
# `what`: an e09-what-… message.
e09-binary-on-terminal = { $what } is not written to a terminal
e09-what-questionnaire = an Excel questionnaire
e09-what-workbook = an Excel workbook
e09-what-word-document = a Word document
e09-help-give-output = give the file to write: `--output { $example }` (or redirect standard output to a file)

## Inputs read by the command itself.

# `reason`: a d0607-io-… message, or the operating system's words.
e09-cannot-read = cannot read `{ $file }`: { $reason }
e09-cannot-read-stdin = cannot read standard input: { $reason }
e09-stdin-with-paths = `-` cannot be combined with other paths
e09-help-stdin-alone = format standard input alone: `clausier fmt - < rules.clause`
e09-cannot-format-not-utf8 = cannot format `{ $file }`: it is not UTF-8 text
e09-cannot-format-stdin-not-utf8 = cannot format standard input: it is not UTF-8 text
e09-help-save-utf8 = save the file as UTF-8
# `reason`: the formatter's own words.
e09-cannot-format = cannot format `{ $file }`: { $reason }
e09-help-fmt-bug = this is a bug of `clausier fmt`; please report it with the file
e09-input-changed = `{ $file }` changed while it was being checked
e09-help-check-a-copy = with award criteria the input is read more than once: check a copy that nothing writes to
# `reason`: a d0607-io-… message, or the operating system's words.
e09-cannot-spool-stdin = cannot keep a copy of standard input: { $reason }
e09-help-tmpdir = with award criteria standard input is read more than once, from a temporary file: set TMPDIR to a folder with room for it

## Reports and documents that their renderer could not write; `reason` is the renderer's
## own words.

# `format`: JSON, NDJSON, CSV, SARIF.
e09-cannot-render-report = cannot write the report as { $format }: { $reason }
e09-cannot-render-workbook = cannot write the report as an Excel workbook: { $reason }
e09-cannot-render-diagnostics = cannot write the diagnostics as JSON: { $reason }
e09-cannot-render-schema = cannot write the schema as JSON: { $reason }
e09-cannot-render-questionnaire = cannot write the questionnaire: { $reason }
e09-cannot-render-award = cannot write the Word documents: { $reason }
# `files`: the paths, in backticks, separated by commas.
e09-folder-holds-documents = the folder already holds { $files }: nothing was written
e09-help-force-or-other-folder = give `--force` to replace them, or another folder with `--output-dir`
e09-cannot-write-into = cannot write into `{ $folder }`: { $reason }
e09-cannot-render-tender = cannot write the Word document: { $reason }

## What `render` refuses to publish (E0817).

# `kind`: `requirement` or `criterion`, which choose the words.
e0817-no-text-to-publish = the { $kind ->
        [criterion] criterion
       *[requirement] requirement
    } `{ $id }` has no `text` to publish
e0817-label-no-legal-text = no legal text
e0817-help-write-text-or-draft = a published tender states every clause: write its legal text with `text "…"`, or render a working draft with `--draft`, which marks it « [Texte à rédiger] »

## The closing line of a pack refused: ``error: could not compile pack `edtech-fr` (2
## errors, 1 warning)``, after the severity word.

e09-refusal-colon = :
# `what`: an e09-refusal-… message; `errors`, `warnings`: counts.
e09-refusal = { $what } pack `{ $pack }` ({ $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    })
e09-refusal-could-not-compile = could not compile
e09-refusal-cannot-publish = cannot publish

## `clausier explain` asked for a code the catalogue lacks.

e09-unknown-code = unknown code `{ $code }`
e09-help-explain-list = `clausier explain --list` lists every code
e09-help-explain-did-you-mean = did you mean `{ $code }`? `clausier explain --list` lists every code
# `codes`: the codes, in backticks, separated by commas.
e09-help-explain-one-of = did you mean one of { $codes }? `clausier explain --list` lists every code

## The decision log (`--record`, `clausier log`, `clausier review`)
e09-log-not-a-log = `{ $location }` is not a Clausier log: { $reason }
e09-help-log-not-a-log = give the file of a log made by `clausier check --record`, or a new file name to make one
e09-log-cannot-connect = cannot connect to the PostgreSQL server `{ $location }`: { $reason }
e09-help-log-cannot-connect = check that the server runs, that the URL's address, user and database are right, and that the server accepts that user
e09-log-missing = the log `{ $path }` does not exist
e09-help-log-missing = a log is made by `clausier check … --record { $path }`; check the path
e09-log-database = the log could not be read or written: { $reason }
e09-log-no-run = the log has no run { $run }
e09-help-log-no-run = `clausier log DB` lists the recorded runs and their numbers
e09-log-stdin = an offer read from standard input can be neither recorded nor matched with the log's decisions
e09-log-cannot-read = cannot read `{ $path }` for the log: { $reason }
e09-log-replay-unreadable = run { $run } cannot be replayed: what it recorded cannot be read
e09-log-replay-cannot-write = run { $run } cannot be replayed: cannot write its files to a temporary folder: { $reason }
e09-review-unknown-clause = the pack `{ $pack }` has no requirement `{ $clause }`
e09-review-no-equivalent = requirement `{ $clause }` admits no equivalent, a decision would change nothing: { $reason }
e09-review-no-label = requirement `{ $clause }` demands no label nor certification: no equivalent is examined there, a decision would change nothing
e09-review-one-offer = `{ $path }` must hold one offer for a decision to name it; it holds { $count }
e09-review-who = who decides? give `--by NAME` (the USER variable is empty)
