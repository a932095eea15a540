## The command line's own messages.

cli-lang-unknown = unknown language `{ $value }`: write `fr` or `en`
