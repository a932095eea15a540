## The command line's own messages.

cli-lang-unknown = la langue « { $value } » n'est pas connue : écrivez « fr » ou « en »

## Severities, as `explain --list` names them.
severity-error = erreur
severity-warning = avertissement
severity-info = info

## Ce qu'a fait `clausier fmt`, sur la sortie d'erreur.

cli-fmt-reformatted = { $count ->
        [one] { $count } fichier remis en forme
       *[other] { $count } fichiers remis en forme
    }
cli-fmt-would-reformat = { $count ->
        [one] { $count } fichier serait remis en forme
       *[other] { $count } fichiers seraient remis en forme
    }
cli-fmt-already-formatted = { $count ->
        [one] { $count } fichier déjà en forme
       *[other] { $count } fichiers déjà en forme
    }
cli-fmt-left-unchanged = { $count ->
        [one] { $count } fichier laissé tel quel à cause d'erreurs
       *[other] { $count } fichiers laissés tels quels à cause d'erreurs
    }
cli-fmt-stdin-would-reformat = l'entrée standard serait remise en forme
cli-fmt-no-clause-file = avertissement : aucun fichier `.clause` dans `{ $folder }`

# Ce que dit `validate` d'un jeu de clauses sans erreur. `has_dependencies` vaut 1 quand
# le jeu a des dépendances, listées dans `dependencies` sous la forme `nom version`,
# séparées par des virgules.
validate-no-errors = jeu de clauses `{ $name }` { $version }{ $has_dependencies ->
        [1] {" "}(avec { $dependencies })
       *[0] {""}
    } : aucune erreur{ $warnings ->
        [0] {""}
        [one] , { $warnings } avertissement
       *[other] , { $warnings } avertissements
    }
