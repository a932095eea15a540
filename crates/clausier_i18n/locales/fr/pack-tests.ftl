## `clausier test` : les tests du jeu de clauses, pour les rédacteurs qui les lancent.

test-passed = réussi
test-failed = ÉCHEC
test-at = dans { $place }
test-on-date = (au { $date })
test-no-tests = le jeu de clauses n'a aucun test
test-expectation-kept = exacte
test-expectation-broken = inexacte
test-found = obtenu : { $value }
test-offer-is = l'offre est { $status }
test-summary = { $total ->
    [one] { $total } test
   *[other] { $total } tests
  } : { $passed } { $passed ->
    [one] réussi
   *[other] réussis
  }, { $failed } en échec

## Ce que la vérification a trouvé là où regardait une ligne `expect`.
test-found-not-checked = non vérifiée (les données sont invalides)
test-found-no-requirement = aucune exigence `{ $id }`
test-found-no-criteria = aucune note (le jeu de clauses n'a aucun critère)
test-found-no-score = aucune note (l'offre est { $status })

## Pourquoi un test n'a pas pu être lancé.
test-problem-no-given = le test n'a pas de `given` : il ne vérifie aucune offre
test-problem-not-a-descriptor-file = `{ $path }` n'est pas un fichier d'offre : son nom doit finir par { $extensions }
test-problem-no-descriptor = `{ $name }` ne contient aucune offre ; un test en vérifie une
test-problem-several-descriptors = `{ $name }` contient { $count } offres ; un test en vérifie une
test-problem-no-result = l'offre n'a donné aucun résultat
test-problem-not-read = `{ $path }` n'a pas été lu avec le jeu de clauses

## La couverture des clauses par les tests (`--coverage`).
test-coverage = couverture
test-coverage-counts = de { $requirements ->
    [one] { $requirements } exigence
   *[other] { $requirements } exigences
  } et { $criteria ->
    [one] { $criteria } critère
   *[other] { $criteria } critères
  } par { $tests ->
    [one] { $tests } test
   *[other] { $tests } tests
  }
test-column-requirement = EXIGENCE
test-column-level = NIVEAU
test-column-pass = SATISFAITE
test-column-fail = NON SATISFAITE
test-column-missing = NON DÉCIDABLE
test-column-not-applicable = SANS OBJET
test-column-criterion = CRITÈRE
test-column-weight = PONDÉRATION
test-column-scored = NOTÉ
test-cell-expected = vérifiée
test-cell-seen = constatée
test-cell-never = non
test-scored-never = non
test-scored-by = oui, { $tests ->
    [one] { $tests } test
   *[other] { $tests } tests
  }
test-legend-expected = une ligne `expect` la vérifie
test-legend-seen = l'offre d'un test l'obtient, sans qu'une ligne `expect` la vérifie
test-legend-never = l'offre d'aucun test ne l'obtient
test-all-seen = chaque exigence est constatée satisfaite et non satisfaite
test-never-seen = jamais constatée : { $outcomes }
