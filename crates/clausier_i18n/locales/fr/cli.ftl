## The command line's own messages.

cli-lang-unknown = la langue « { $value } » n'est pas connue : écrivez « fr » ou « en »

## Severities, as `explain --list` names them.
severity-error = erreur
severity-warning = avertissement
severity-info = info
