## A pack that cannot be loaded (E08): its files, its manifest `pack.toml`, its
## dependencies, its lock `pack.lock` and its signature.

e08-cannot-read = cannot read `{ $path }`: { $reason }
e08-cannot-write = cannot write `{ $path }`: { $reason }
e08-not-utf8 = `{ $path }` is not valid UTF-8
e08-too-large = `{ $path }` is too large ({ $size } bytes)
e08-outside-workspace = `{ $path }` leads out of the workspace, to `{ $target }`
# `kind` is one of the e08-kind-… messages.
e08-not-a-regular-file = `{ $path }` is not a regular file: it is { $kind }
e08-kind-folder = a folder
e08-kind-fifo = a FIFO
e08-kind-device = a device
e08-kind-socket = a socket
e08-kind-other = not a regular file
# `limit` is a size such as `16 MiB` or an e08-size-in-bytes message.
e08-over-limit = `{ $path }` is larger than the limit of { $limit } for a pack file ({ $size } bytes)
e08-size-in-bytes = { $size } bytes
e08-invalid-file-limit = `{ $value }` is not a size for `{ $variable }`
e08-not-a-clause-file = `{ $path }` is not a `.clause` file
e08-no-clause-files = no `.clause` file in `{ $path }`
e08-single-file-lock = `{ $path }` is a single clause file, which has no `pack.lock`
e08-lock-missing = `{ $path }` does not exist
e08-test-file-absolute = the test file `{ $path }` is an absolute path
e08-label-here = here
e08-label-test-reads-file = the test reads this file

e08-help-cannot-read = check the path: a pack is a folder of `.clause` files, or a single `.clause` file, and a link must lead to an existing file
e08-help-not-utf8 = save the file with the UTF-8 encoding
e08-help-too-large = a clause file or manifest may hold at most 4 GiB
e08-help-outside-workspace = a pack reads only files inside its workspace, the Git repository that holds the root pack (or, outside one, the folder that holds it): copy the file into the pack
e08-help-not-a-regular-file = a pack's files are plain files: replace this entry with the file itself
e08-help-over-limit = if the file is meant to be this large, raise the limit: `{ $variable }={ $limit }`
e08-help-invalid-file-limit = give a number of bytes or a size such as `64MiB` (at most 4 GiB); the default is { $default }
e08-help-not-a-clause-file = give the pack's folder, or a single file whose name ends in `.clause`
e08-help-no-clause-files = add a `.clause` file; hidden folders and `target` folders are not searched
e08-help-single-file-lock = put the file in a folder with a `pack.toml`, and lock the folder
e08-help-lock-missing = `--frozen` does not write the lock: run `{ $command }` and commit `pack.lock`
e08-help-test-file-absolute = name the file relative to the clause file, inside the pack

## Words every table of a manifest uses.

e08-label-invalid-toml = invalid TOML
# The TOML reader's own words, in English.
e08-invalid-toml = { $reason }
e08-label-unknown-key = unknown key
# `name` is what was probably meant, as it is written.
e08-help-did-you-mean = did you mean `{ $name }`?
# `found` is one of the e08-toml-… messages.
e08-must-be-string = `{ $key }` must be a string, not { $found }
e08-must-be-string-list = `{ $key }` must be a list of strings, not { $found }
# `what` names the table (`[dependencies]`, a dependency).
e08-must-be-table = { $what } must be a table, not { $found }
e08-label-expected-table = expected a table
e08-toml-string = a string
e08-toml-integer = an integer
e08-toml-number = a number
e08-toml-boolean = a boolean
e08-toml-date = a date
e08-toml-list = a list
e08-toml-table = a table

## The manifest `pack.toml` (E0801).

e0801-help-manifest-is-toml = a manifest is a TOML file with a `[pack]` table
e0801-empty-name = the pack name is empty
e0801-label-empty-name = empty name
e0801-help-empty-name = name the pack, such as `name = "edtech-fr"`
e0801-not-a-version = `{ $version }` is not a version
e0801-label-not-a-version = expected MAJOR.MINOR.PATCH
e0801-help-not-a-version = write a version as three numbers, such as `1.0.0` or `2.1.0-beta.1`
e0801-unknown-pack-key = unknown key `{ $key }` in `[pack]`
# `keys` is the keys, in backticks, joined by commas.
e0801-help-pack-keys = the keys of `[pack]` are { $keys }
e0801-unknown-table = unknown table `[{ $table }]`
e0801-label-unknown-table = unknown table
e0801-help-tables = a manifest has the tables `[pack]`, `[dependencies]`, `[params]`, `[workspace]` and `[document]`
e0801-help-dependency = declare a dependency as `edtech-fr = {"{"} path = "../edtech-fr", version = "^1.0" {"}"}`
e0801-a-dependency = a dependency
e0801-dependency-without-path = the dependency `{ $name }` has no path
e0801-label-version-alone = a version alone does not say where the pack is
e0801-help-dependency-by-path = packs are found by path: `{ $name } = {"{"} path = "../{ $name }", version = "{ $version }" {"}"}`
e0801-dependency-not-table = the dependency `{ $name }` must be a table, not { $found }
e0801-label-expected-dependency-table = expected `{"{"} path = …, version = … {"}"}`
e0801-empty-path = the path of `{ $name }` is empty
e0801-label-empty-path = empty path
e0801-help-empty-path = give the folder of the pack, relative to this `pack.toml`
e0801-not-a-requirement = `{ $text }` is not a version requirement
e0801-help-requirement = write a requirement such as `^1.0` (1.0.0 up to 2.0.0), `~1.2` (1.2.x) or `=1.2.3`
e0801-not-a-key = `{ $text }` is not a publisher's key
e0801-help-pin-key = pin the key the publisher gives, as `clausier pack keygen` writes it in its `.pub` file: `key = "ed25519:…"`
e0801-unknown-dependency-key = unknown key `{ $key }` in the dependency `{ $name }`
e0801-help-dependency-keys = a dependency has the keys `path`, `version` and `key`
e0801-label-path-missing = `path` is missing
e0801-help-path = give the folder of the pack, relative to this `pack.toml`: `path = "../{ $name }"`
e0801-help-params = override a dependency's parameter in a table named after it: `[params.edtech-fr]` then `max_price = "5.50 €"`
e0801-param-outside-table = `{ $key }` under `[params]` must be a table named after a dependency
e0801-label-not-dependency-table = not a dependency's table
e0801-a-params-table = a `[params]` table
e0801-out-of-range = `{ $name }` is out of range
e0801-label-out-of-range = not a decimal number Clausier can hold
e0801-help-decimal = write the number in decimal
e0801-not-a-number = `{ $name }` is not a number Clausier can hold
e0801-label-not-finite = not a finite decimal number
e0801-help-decimal-example = write the number in decimal, such as `4.5`
e0801-param-has-time = `{ $name }` has a time of day
e0801-label-date-and-time = a date and a time
e0801-help-date-param = a `date` parameter is a day, such as `2027-01-12`
e0801-param-is-array = `{ $name }` is a TOML array
e0801-label-toml-array = a TOML array
e0801-help-list-in-string = write a list as in a clause file, inside a string: `'["CSV", "JSON"]'` or `"[EU, EEA]"`
e0801-param-is-table = `{ $name }` is a table
e0801-help-param-value = a parameter's value is a string in clause syntax (`"5.50 €"`), a number or a boolean

## Keys and signatures (E0810 to E0813).

e08-key-prefix = a public key starts with `ed25519:`
e08-key-not-32-bytes = the key after `ed25519:` is not 32 bytes in base64
e08-key-not-ed25519 = the key after `ed25519:` is not an Ed25519 public key
# `what` is one of the messages below, about the file `path`.
e08-key-file = `{ $path }` { $what }
e08-not-secret-key-file = is not a secret key file: it has no `ed25519-secret:` line
e08-not-public-key-file = is not a public key file: it has no `ed25519:` line
e08-no-valid-key = holds no valid key: { $reason }
e08-help-key-file = give a key file that `clausier pack keygen` wrote, unchanged
e08-not-signed = `{ $path }` does not exist: the pack is not signed
e08-help-not-signed = sign the pack with `clausier pack sign PACK --key SECRET_KEY_FILE`
e08-other-key = the pack `{ $pack }` is signed by another key: `{ $key }`
e08-help-other-key = take the pack from its publisher, signed by the key you expect
e08-changed-since-signed = the pack `{ $pack }` changed since it was signed
e08-help-changed-since-signed = take the pack again from its publisher; if you publish it, review the change and sign it again
e08-single-file-signature = `{ $path }` is a single clause file, which has no `pack.sig`
e08-help-single-file-signature = put the file in a folder with a `pack.toml`, and sign the folder
e08-help-signature-file = `pack.sig` is written by `clausier pack sign`: ask the publisher to sign the pack again
e08-key-not-string = `{ $key }` must be a string
e08-signature-key-missing = `pack.sig` has no `{ $key }`
e08-signature-format = this `pack.sig` is not of format { $format }
e08-label-unknown-format = unknown format
e08-label-not-a-key = not a key
e08-signature-not-64-bytes = the signature is not 64 bytes in base64
e08-label-not-a-signature = not a signature

## Dependencies (E0802 to E0804, E0808).

e0808-dependency-not-found = the dependency `{ $name }` is not found at `{ $path }`
e0808-help-dependency-path = give the path of the pack's folder, relative to this `pack.toml`
e0808-named-otherwise = the pack at `{ $path }` is named `{ $name }`, not `{ $declared }`
e0808-label-declared-as = declared as `{ $declared }`
e0808-help-own-name = declare the dependency under the pack's own name: `{ $name } = {"{"} path = "{ $path }" {"}"}`
e0808-not-a-pack = the dependency `{ $name }` at `{ $path }` is not a pack
e0808-help-not-a-pack = a dependency is the folder of a pack: its `pack.toml` and `.clause` files
e0808-label-not-a-folder = not a folder
e0808-label-no-clause-file = no `.clause` file in this folder
# `cycle` is the packs' names, in backticks, joined by arrows.
e0802-cycle = the packs depend on each other in a cycle: { $cycle }
e0802-label-depends-here = `{ $pack }` depends on `{ $dependency }` here
e0802-help-cycle = remove one of these dependencies: what two packs share belongs in a third pack both depend on
e0803-version-mismatch = `{ $name }` is version { $version }, which does not match the requirement `{ $requirement }`
e0803-label-requires = requires `{ $requirement }`
e0803-help-version = read what changed in `{ $name }`, then require a version it has, such as `^{ $version }`
e0804-two-versions-of = two versions of the pack `{ $pack }`: { $version } in `{ $path }` and { $other_version } in `{ $other_path }`
e0804-two-copies-of = two versions of the pack `{ $pack }`: { $version } in `{ $path }`
e0804-label-second-copy = this is a second copy of `{ $pack }`
e0804-help-same-folder = make every pack depend on the same folder of `{ $pack }`
e08-pinned-not-signed = the dependency `{ $name }` is pinned to a key, and `{ $path }` does not exist
e08-label-must-be-signed = the pack must be signed by this key
e08-help-pinned-not-signed = take the signed pack from its publisher, with its `pack.sig`; a publisher signs it with `{ $command }`
e08-dependency-other-key = the dependency `{ $name }` is signed by another key: `{ $key }`
e08-help-dependency-other-key = take the pack from the publisher of this key; if the publisher changed its key, check the new one with them before pinning it
e08-dependency-changed = the dependency `{ $name }` changed since it was signed
e08-label-signed-by-key = signed by this key
e08-help-dependency-changed = take the pack again from its publisher; a publisher who made the change reviews it and signs again with `{ $command }`
e08-dependency-outside = the dependency `{ $name }` is outside the workspace
e08-label-leads-out = this path leads out of the workspace
e08-help-dependency-outside = the workspace is the Git repository that holds the root pack (or, outside one, the folder that holds it): copy the dependency into it and give a path inside it

## The lock `pack.lock` (E0806, E0807).

e08-lock-out-of-date-plain = the lock is out of date
# `reason` is one of the e08-lock-… differences.
e08-lock-out-of-date = `pack.lock` is out of date: { $reason }
e08-label-locked-here = locked here
e08-help-frozen = `--frozen` does not rewrite the lock: run `{ $command }`, review the change and commit `pack.lock`
e08-help-accept-lock = review the change, then run `{ $command }` to accept it
# Two differences said one after the other.
e08-lock-and-then = { $first }; { $then }
e08-lock-not-locked = the pack `{ $pack }` is not in `pack.lock`
e08-lock-version = the pack `{ $pack }` is version { $version }, and `pack.lock` has { $locked }
e08-lock-path = the pack `{ $pack }` is at `{ $path }`, and `pack.lock` has `{ $locked }`
e08-lock-changed = the pack `{ $pack }` changed since `pack.lock` was written
# `changes` is the e08-lock-file-… messages, joined by e08-lock-list.
e08-lock-files-changed = the pack `{ $pack }` changed since `pack.lock` was written: { $changes }
e08-lock-list = { $first }, { $then }
e08-lock-file-changed = `{ $path }` changed
e08-lock-file-added = `{ $path }` was added
e08-lock-file-removed = `{ $path }` was removed
e08-lock-dependencies-changed = the dependencies of the pack `{ $pack }` changed since `pack.lock` was written
e08-lock-no-longer-dependency = the pack `{ $pack }` is in `pack.lock` but no longer a dependency
e08-help-lock-file = `pack.lock` is written by `clausier lock`: run it to write the file again
e08-lock-format = this `pack.lock` is not of format { $format }
e08-lock-key-missing = `pack.lock` has no `{ $key }`
e08-lock-pack-not-list = `pack` must be a list of `[[pack]]` tables
e08-lock-entry-not-table = an entry of `pack` must be a table
e08-lock-entry-key-missing = a `[[pack]]` entry has no `{ $key }`
e08-lock-dependencies-not-list = `dependencies` must be a list of strings
e08-lock-files-not-table = `files` must be a table of file hashes

## The tender's `[document]` table (E0814 to E0816).

e0815-help-document = describe the tender as `[document]` then `title = "…"`, `buyer = "…"`, `deadline = 2027-03-15`…
e0814-unknown-key = unknown key `{ $key }` in `[document]`
e0814-help-keys = the keys of `[document]` are { $keys }
e0816-deadline-before-launch = the deadline for offers, { $deadline }, is before the launch, { $launch }
e0816-label-before-launch = before `launch`
e0816-help-dates = offers are received after the procedure is launched: check both dates of `[document]`
e0815-empty = `{ $name }` is empty
e0815-label-empty = empty text
# `meaning` is one of the e0815-meaning-… messages.
e0815-help-empty = write the { $meaning } as it will be printed, or leave the key out
e0815-label-expected-string = expected a string
e0815-help-quotes = write the { $meaning } in double quotes: `{ $name } = "…"`
e0815-meaning-title = title of the tender
e0815-meaning-buyer = name of the buyer
e0815-meaning-object = object of the contract
e0815-meaning-procedure = procedure
e0815-meaning-value = value
e0815-not-a-day = `{ $name }` is not a day of the calendar
e0815-label-no-such-day = no such day
e0815-help-day = write a day as YEAR-MONTH-DAY: `{ $example }`
e0815-help-day-alone = give the day alone: `{ $example }`
e0815-date-not-toml-date = `{ $name }` must be a TOML date, not { $found }
e0815-help-without-quotes = write the date without quotes: `{ $name } = { $text }`
e0815-help-day-without-quotes = write a day as YEAR-MONTH-DAY, without quotes: `{ $example }`
e0815-label-expected-date = expected a date
e0815-help-language = `language` is `"fr"` (French) or `"en"` (English)
e0815-not-a-language = `{ $text }` is not a language of `clausier render`
e0815-label-fr-or-en = expected `fr` or `en`
e08-label-expected-list = expected a list
e08-toml-strings = strings
e08-toml-integers = integers
e08-toml-numbers = numbers
e08-toml-booleans = booleans
e08-toml-dates = dates
e08-toml-lists = lists
e08-toml-tables = tables

## The lots of `[document]`.

e0815-help-lots = list the lots in order: `lots = [{"{"} id = "1", title = "Espace numérique de travail" {"}"}, {"{"} id = "2", title = "Ressources pédagogiques" {"}"}]`
e0815-lots-not-list = `lots` must be a list, not { $found }
e0815-lot-empty-title = a lot has an empty title
e0815-lot-empty-id = a lot has an empty id
e0814-help-lot-keys = a lot has the keys `id` and `title`
e0814-unknown-lot-key = unknown key `{ $key }` in a lot of `[document]`
e0815-lot-key-missing = a lot has no `{ $key }`
e0815-label-key-missing = no `{ $key }`
e0815-lot-not-table = a lot must be a table with `id` and `title`, not { $found }
e0815-lot-id-twice = two lots have the id `{ $id }`
e0815-label-id-taken = already the id of an earlier lot
e0815-help-id-taken = each lot has its own id: `{ $id }` is already « { $title } »
e0815-lot-key-not-string = the `{ $key }` of a lot must be a string, not { $found }
e0815-help-lot-quotes = write it in double quotes: `{ $key } = "…"`

## The `[workspace]` table.

e0801-help-workspace = declare the descriptors to check the pack against as `[workspace]` then `descriptors = ["examples/**/*.json"]`
e0801-unknown-workspace-key = unknown key `{ $key }` in `[workspace]`
e0801-help-workspace-keys = `[workspace]` has one key, `descriptors`: a list of globs
# `found` is one of the plural e08-toml-… messages.
e0801-descriptors-not-strings = `descriptors` must be a list of strings, not of { $found }
e0801-empty-pattern = a descriptor pattern is empty
e0801-label-empty-pattern = empty
e0801-pattern-not-relative = `{ $pattern }` is not relative to the pack's folder
e0801-label-pattern-not-relative = write a `/`-separated path relative to this `pack.toml`
e0801-pattern-not-glob = `{ $pattern }` is not a valid glob

## A parameter's value set in `[params]`.

e08-param-extra-text = unexpected text after the value
e08-label-param-extra-text = this is not part of the value
e08-help-param-one-expression = a parameter's value is one expression, such as `"5.50 €"`
