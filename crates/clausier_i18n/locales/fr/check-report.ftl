## The check report: the words around the results, in every format a person reads.

report-pack = jeu de clauses :
report-date = date :
report-date-deadline = la date limite de remise des offres, « [document] deadline » dans pack.toml
report-date-today = aujourd'hui : pack.toml ne donne pas de « [document] deadline » et aucune date n'a été donnée par --date
report-clauses-from = clauses issues de :
report-params = paramètres :
report-param-set-in = fixé dans { $place } (par défaut { $default })
report-param-computed = calculé à partir de { $from } (par défaut { $default })
report-column-id = IDENTIFIANT
report-column-source = FICHIER
report-column-status = STATUT
report-column-score = NOTE
report-column-rank = RANG
report-lot = lot { $lot }
report-score = note { $score }
report-rank = rang { $rank }
report-warning = avertissement
report-help = aide :
report-summary = { $total ->
    [one] { $total } offre
   *[other] { $total } offres
  } : { $eligible } { $eligible ->
    [one] éligible
   *[other] éligibles
  }, { $ineligible } { $ineligible ->
    [one] inéligible
   *[other] inéligibles
  }, { $incomplete } { $incomplete ->
    [one] incomplète
   *[other] incomplètes
  }, { $invalid } { $invalid ->
    [one] invalide
   *[other] invalides
  }

## Statuses of an offer.
status-eligible = éligible
status-ineligible = inéligible
status-incomplete = incomplète
status-invalid = invalide

## Levels and outcomes of a requirement.
level-must = obligatoire
level-execution = condition d'exécution
level-should = souhaitée
level-info = pour information
outcome-pass = satisfaite
outcome-fail = non satisfaite
outcome-missing = non décidable, données manquantes
outcome-not-applicable = sans objet
outcome-no-effect = sans effet sur l'éligibilité

## A criterion's line.
criterion-weight = pondération { $weight }
criterion-points = note { $score }, { $points } points
criterion-clamped = (écrêtée)
criterion-no-score = pas de note
criterion-missing = il manque { $paths }
criterion-not-scored = non notée

## Explanations: what the offer declared and what the requirement expects.
explain-declared = { $path } vaut { $value }
explain-absent = { $path } est absent
explain-at = ligne { $line }, colonne { $column }
explain-expects = l'exigence attend { $expected }
explain-every-element = exigé de chaque élément de { $list }
explain-counting-none = sans en compter aucun
explain-counting = en comptant
# What a failing text check says the text is not.
explain-pattern-not-found = le motif n'y figure nulle part
explain-not-siret = ce n'est pas un numéro SIRET valide (14 chiffres, clé de Luhn)
explain-not-uai = ce n'est pas un code UAI valide (7 chiffres et leur lettre clé)
explain-not-https = ce n'est pas une adresse https avec un nom d'hôte
explain-none-holds = aucune de ces conditions n'est remplie
explain-no-element = aucun élément de { $list } ne remplit la condition
explain-either = soit
explain-or = ou
explain-or-inline = ; ou
explain-no-value = n'a pas de valeur : { $reason } ({ $code })
explain-missing = il manque { $paths }
explain-document-to-request = pièce à demander :
explain-documents-to-request = pièces à demander :
proof-asked = preuve attendue : { $kinds }
proof-or = { " " }ou{ " " }
proof-kind-document = un document justificatif
proof-kind-registry = un registre public
proof-kind-audit = un audit par un tiers
proof-kind-declared = une déclaration
proof-given-declared = l'offre ne donne qu'une déclaration
proof-given-other = l'offre donne { $kind }

## What a requirement expects, in words.
expect-equal = { $value }
expect-on-day = le { $value }
expect-not-equal = une autre valeur que { $value }
expect-at-most = au plus { $value }
expect-below = moins de { $value }
expect-at-least = au moins { $value }
expect-above = plus de { $value }
expect-on-or-before = au plus tard le { $value }
expect-before = avant le { $value }
expect-on-or-after = au plus tôt le { $value }
expect-after = après le { $value }
expect-at-or-before-time = au plus tard à { $value }
expect-before-time = avant { $value }
expect-at-or-after-time = au plus tôt à { $value }
expect-after-time = après { $value }
expect-one-of = { $values }
expect-none-of = une valeur autre que { $values }
expect-yes = oui
expect-no = non
expect-given = une valeur
word-yes = oui
word-no = non
word-empty-list = une liste vide
list-last-or = ou
list-last-and = et

## A contract divided into lots.
lots-heading = Lot { $lot } — { $title }
lots-invalid-heading = Invalides, sur aucun lot
lots-entries = { $descriptors ->
    [one] { $descriptors } descripteur
   *[other] { $descriptors } descripteurs
  }, { $entries ->
    [one] { $entries } entrée
   *[other] { $entries } entrées
  } (une par lot auquel une offre répond)
lots-counts = { $eligible } { $eligible ->
    [one] éligible
   *[other] éligibles
  }, { $ineligible } { $ineligible ->
    [one] inéligible
   *[other] inéligibles
  }, { $incomplete } { $incomplete ->
    [one] incomplète
   *[other] incomplètes
  }
lots-invalid = { $invalid } { $invalid ->
    [one] invalide
   *[other] invalides
  }
lots-offers = { $total ->
    [one] { $total } offre
   *[other] { $total } offres
  }

## Why a computation has no value (R07).
reason-division-by-zero = division par zéro
reason-out-of-range = valeur hors des limites
reason-time-on-date = heures ou minutes ajoutées à une date
reason-empty-aggregate = agrégat d'une liste vide
reason-no-table-entry = la table n'a pas d'entrée pour { $key }
reason-business-end-before-start = la fin d'une durée ouvrée précède son début
reason-business-closes-first = l'heure de fermeture d'une durée ouvrée n'est pas après son heure d'ouverture

## The Markdown report.
markdown-title = Rapport de vérification : { $pack } { $version }
markdown-pack = Jeu de clauses
markdown-date = Date
markdown-descriptors = Offres
markdown-invalid-on-no-lot = Invalides, sur aucun lot
markdown-failures = Motifs
markdown-no-failure = Aucun : toutes les offres sont éligibles.
markdown-no-requirement-failed = aucune exigence n'est manquée
markdown-column-source = Fichier
markdown-column-status = Statut
markdown-column-score = Note
markdown-column-rank = Rang
markdown-at = à { $place }

## JUnit and SARIF, for continuous integration and code-scanning tools.
junit-fails = { $clause } ({ $level }) non satisfaite
junit-undecided = { $clause } ({ $level }) non décidable : { $why }
junit-not-applicable = sans objet
junit-invalid = descripteur invalide
sarif-fails-for = { $clause } ({ $level }) non satisfaite par { $offer }
sarif-undecided-for = { $clause } ({ $level }) non décidable pour { $offer } : { $why }
data-error-at = à { $place }
data-error-help = aide : { $help }

## The workbook.
xlsx-title = Analyse des offres : { $pack }
xlsx-subject = { $pack } { $version } ({ $hash }), évaluation du { $date }
xlsx-ranking = Classement
xlsx-requirements = Exigences
xlsx-reasons = Motifs
xlsx-params = Paramètres
xlsx-summary = Synthèse
xlsx-number = N°
xlsx-offer = Offre
xlsx-file = Fichier
xlsx-status = Statut
xlsx-rank = Rang
xlsx-score = Note
xlsx-out-of = { $criterion } (sur { $weight })
xlsx-failed = Exigences non satisfaites
xlsx-missing = Données manquantes
xlsx-clause = Clause
xlsx-level = Niveau
xlsx-outcome = Résultat
xlsx-reason = Motif
xlsx-data = données
xlsx-data-error = erreur de données
xlsx-param = Paramètre
xlsx-pack = Jeu de clauses
xlsx-value = Valeur appliquée
xlsx-default = Valeur déclarée
xlsx-set-in = Modifiée dans
xlsx-version = Version
xlsx-hash = Empreinte du jeu de clauses
xlsx-date = Date d'évaluation
xlsx-clausier = Version de Clausier
xlsx-offers = Offres
xlsx-eligible = Éligibles
xlsx-ineligible = Inéligibles
xlsx-incomplete = Incomplètes
xlsx-invalid = Invalides
xlsx-offers-on-lot = Offres sur le lot
xlsx-lot = Lot { $lot }
xlsx-warning = Avertissement

# R0704 : un agrégat que lit un critère vaut zéro sur les offres éligibles. `aggregate`
# tel que la clause l'écrit, `value` en mots.
r0704-zero-aggregate = `{ $aggregate }` vaut { $value } sur les offres éligibles : ce critère ne les départage pas, une division par cette valeur n'a pas de résultat et un rapport à cette valeur vaut 0 pour chaque offre
r0704-zero-aggregate-in-lot = `{ $aggregate }` vaut { $value } sur les offres éligibles du lot `{ $lot }` : ce critère ne les départage pas, une division par cette valeur n'a pas de résultat et un rapport à cette valeur vaut 0 pour chaque offre
# Après le chemin d'une valeur dont la justification a expiré avant la date d'évaluation.
explain-expired = a expiré le { $date } : sa justification n'est plus valable
# Avant les pièces qu'une offre doit encore fournir, groupées par exigence.
report-documents-to-provide = pièces à fournir
report-documents-to-provide-title = Pièces à fournir

## Une équivalence revendiquée à un label, examinée par l'acheteur (R2111-12 à R2111-17).
status-review = à examiner
outcome-review = à examiner
report-summary-review = , { $review } à examiner
review-claim = revendique { $label }, délivré par { $issuer } (justificatif : { $document }), comme équivalent pour { $path }
review-not-admitted = équivalence non admise par cette exigence : { $reason }
review-pending = en attente de la décision de l'acheteur : l'offre n'est ni notée ni classée d'ici là
review-accepted = équivalence acceptée par { $by } le { $at } : { $reason }
review-refused = équivalence refusée par { $by } le { $at } : { $reason }
