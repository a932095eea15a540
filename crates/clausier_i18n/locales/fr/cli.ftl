## The command line's own messages.

cli-lang-unknown = la langue « { $value } » n'est pas connue : écrivez « fr » ou « en »
