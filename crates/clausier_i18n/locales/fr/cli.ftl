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

## Ce que les commandes ont fait, sur la sortie d'erreur.

award-wrote = { $count } fichiers écrits dans `{ $folder }`
award-no-letter = remarque : pas de lettre pour `{ $id }` : son offre est à égalité au premier rang, et l'acheteur départage les offres à égalité
award-no-letter-in-lot = remarque : pas de lettre pour `{ $id }` sur le lot { $lot } : son offre est à égalité au premier rang, et l'acheteur départage les offres à égalité
# `packs` : les jeux de clauses verrouillés, `nom version`, séparés par des virgules.
lock-wrote = `{ $path }` écrit : { $packs }
lock-up-to-date = à jour : `{ $path }` : { $packs }
pack-keygen-wrote = clé secrète `{ $secret }` écrite (gardez-la secrète) et clé publique `{ $public }` : { $key }
pack-signed = `{ $path }` écrit : { $name } { $version } signé par { $key }
pack-verified = `{ $path }` est vérifié : { $name } { $version } signé par { $key }
check-too-many-jobs = remarque : `--jobs { $asked }` dépasse ce que cette machine peut employer ; vérification avec { $most } tâches (au plus 4 par processeur, et 256)
check-repeated-id = avertissement : l'identifiant `{ $id }` du descripteur de `{ $source }` est déjà celui d'un descripteur précédent : chacun est vérifié et classé séparément
check-more-repeated-ids = avertissement : { $count } autres descripteurs reprennent un identifiant déjà vu
check-repeated-id-help = {"  "}aide : demandez à chaque candidat un `id` qui lui soit propre, afin que le rapport nomme chaque offre une seule fois
check-recorded = exécution n° { $id } enregistrée dans le journal
check-decision-stale = avertissement : la décision n° { $id } sur `{ $clause }` pour `{ $descriptor }` n'est pas appliquée : l'offre a changé depuis cette décision
log-empty = le journal ne contient aucune exécution
log-run-line = n° { $id }  { $when }  { $command }  { $pack } { $version }  date d'évaluation { $date }  { $counts }
log-show-header = exécution n° { $id } du { $when } : { $command }, jeu de clauses { $pack } { $version }, date d'évaluation { $date }
log-show-verdict = { $entry } : { $details }
log-show-lot = lot { $lot }
log-show-rank = rang { $rank }
log-show-decisions = décisions appliquées : { $ids }
log-verify-ok = la chaîne tient : { $runs ->
        [one] { $runs } exécution vérifiée
       *[other] { $runs } exécutions vérifiées
    } et { $decisions ->
        [one] { $decisions } décision vérifiée
       *[other] { $decisions } décisions vérifiées
    }
log-verify-run-changed = l'exécution n° { $id } a été modifiée depuis son enregistrement : son empreinte ne correspond plus à son contenu
log-verify-run-unlinked = la chaîne est rompue à l'exécution n° { $id } : l'exécution qui la précédait a été supprimée ou remplacée
log-verify-decision-changed = la décision n° { $id } a été modifiée depuis son enregistrement : son empreinte ne correspond plus à son contenu
log-verify-decision-unlinked = la chaîne est rompue à la décision n° { $id } : la décision qui la précédait a été supprimée ou remplacée
log-replay-same = l'exécution n° { $id } rejouée donne le même rapport, octet pour octet
log-replay-different = l'exécution n° { $id } rejouée donne un autre rapport (- enregistré, + rejoué) :
review-verdict-accepted = acceptée
review-verdict-refused = refusée
review-recorded = décision n° { $id } enregistrée : l'équivalence de `{ $descriptor }` pour `{ $clause }` est { $verdict }
