## The language server's own words: hovers, lenses and inlay hints. Code stays as
## written (signatures, names, values); only the words around it are translated.

## Hover over a name.
editor-hover-field-of = champ de `{ $owner }`
editor-hover-accepted-values = valeurs acceptées : { $values }
editor-hover-declared-as = déclaré à `{ $value }`
editor-hover-set-by = , fixé par `{ $pack }` en { $location }
editor-hover-variant = valeur { $index } sur { $count } de `{ $enum }`
editor-hover-local = une variable liée dans `{ $clause }`
editor-hover-a-record = un enregistrement
editor-hover-requirement =
    exigence { $id }
    niveau { $level }
editor-hover-criterion =
    critère { $id }
    pondération { $weight }
editor-hover-indicator = indicateur { $id }
editor-hover-risk = risque { $id }
editor-hover-rule-checked = Règle vérifiée : { $rule }
editor-hover-note = Remarque : { $note }
editor-hover-references = Références :
editor-hover-evidence = Pièces justificatives :
editor-hover-every-lot = S'applique à tous les lots
editor-hover-lots = Lots :

## The values a field accepts, from its `where` bounds.
editor-bounds-from-to = de { $lower } à { $upper }
editor-bounds-both = { $lower } et { $upper }
editor-bounds-at-least = au moins { $value }
editor-bounds-more-than = plus de { $value }
editor-bounds-at-most = au plus { $value }
editor-bounds-less-than = moins de { $value }
editor-bounds-any = toute valeur

## Hover over a function of the standard library, after its signature.
editor-function-text-unknown = { $meaning } ; inconnu quand `text` est absent
editor-function-matches = si l'expression régulière `pattern` se trouve quelque part dans `text` (ancrez-la avec `^` et `$`) ; le motif est compilé une fois, dans la syntaxe de la bibliothèque Rust `regex`
editor-function-siret = si `text` est un numéro SIRET valide : 14 chiffres et une clé de Luhn valide (pour La Poste, SIREN 356000000, des chiffres dont la somme est un multiple de 5)
editor-function-uai = si `text` est un code UAI valide : 7 chiffres, puis la lettre de leur nombre modulo 23
editor-function-https-url = si `text` est une adresse absolue de schéma `https` avec un hôte
editor-function-weekday = le jour de la semaine de `d`, de `lundi` à `dimanche` ; inconnu quand `d` est absent
editor-function-business-duration = les heures et minutes entre `start` et `end`, comptées seulement les jours de `days`, de `opens` à `closes` ; les jours fériés comptent comme jours ouvrés ; inconnu quand un argument l'est, sans valeur quand `end` précède `start` ou quand `opens` n'est pas avant `closes`

## Inlay hints: a parameter's effective value.
editor-hint-set-by = = { $value } (fixé par { $pack })
editor-hint-replaced-by = → { $value } (fixé par { $pack })
editor-hint-tooltip = `{ $name }` vaut `{ $value }`, fixé par `{ $pack }` en { $location } ; `{ $declaring }` le déclare à `{ $default }`

## The check lens above each requirement, and its hover.
editor-lens-pack-does-not-compile = le jeu de clauses ne compile pas : corrigez ses erreurs pour vérifier les descripteurs
editor-lens-counts = ✓ { $pass } { $pass ->
    [one] satisfaite
   *[other] satisfaites
  } · ✗ { $fail } { $fail ->
    [one] non satisfaite
   *[other] non satisfaites
  } · ? { $missing } { $missing ->
    [one] incomplète
   *[other] incomplètes
  }
editor-lens-not-applicable = { $count } { $count ->
    [one] non applicable
   *[other] non applicables
  }
editor-lens-hover-head = **{ $id }** face aux descripteurs déclarés ({ $date }) : { $counts }
editor-lens-hover-fail = Non satisfaite :
editor-lens-hover-missing = Données manquantes :

## Hover over a diagnostic, after the first paragraph of its code's explanation.
editor-explain-in-full = `{ $command }` l'explique en entier.

## Completion: what a keyword starts, shown beside it.
editor-detail-requirement = une exigence : `requirement ID "titre" {"{"} … {"}"}`
editor-detail-criterion = un critère : `criterion ID "titre" weight N {"{"} … {"}"}`
editor-detail-indicator = un indicateur sur l'inventaire entier : `indicator ID "titre" {"{"} value … {"}"}`
editor-detail-risk = un risque de chaque ligne : `risk ID "titre" {"{"} value … {"}"}`
editor-detail-param = un paramètre : `param nom: type = valeur`
editor-detail-descriptor = les champs du descripteur
editor-detail-enum = une énumération
editor-detail-type = un type nommé
editor-detail-test = un test : `test "nom" {"{"} given …; expect … {"}"}`
editor-detail-use = des clauses d'une dépendance
editor-detail-set = un paramètre d'une dépendance
editor-detail-level = `must`, `should`, `info` ou `execution`
editor-detail-when = la condition à laquelle la clause s'applique
editor-detail-text = le texte juridique
editor-detail-note = une remarque publiée, sous le texte
editor-detail-ref = une référence juridique
editor-detail-no-equivalent = l'exigence n'admet aucun équivalent de la certification qu'elle impose, pour le motif publié
editor-detail-from = les types de preuve exigés pour la pièce
editor-detail-proof-document = un document : certificat, attestation
editor-detail-proof-registry = une inscription à un registre public
editor-detail-proof-audit = un rapport d'audit par un tiers
editor-detail-evidence = une pièce justificative ; après le chemin d'un champ du descripteur, une pièce exigée
editor-detail-lots = les lots de `[document]` auxquels la clause s'applique, par exemple `"1", "2"`
editor-detail-require = la condition à remplir
editor-detail-score = la note, de 0 à 100
editor-detail-value = ce qu'il calcule
editor-detail-by = les champs par lesquels regrouper les lignes
editor-detail-spend = le montant que pèse la priorité
editor-detail-ends = la date de fin du contrat de la ligne
editor-detail-window = le délai avant la fin pour préparer un changement
editor-detail-alternatives = les catégories du catalogue vers lesquelles la ligne peut aller
editor-detail-passed = si l'offre satisfait une exigence `should` : `passed(ID)`
editor-detail-sum = la somme d'une liste : `sum(xs)` ou `sum(x in xs: x.value)`
editor-detail-entries = toutes les lignes de l'inventaire (du groupe, dans un indicateur réparti)
editor-detail-share = la part des éléments d'une liste : `share(e in entries: p)` ou `share(e in entries: p, e.poids)`
editor-detail-mean = la moyenne d'une liste : `mean(xs)` ou `mean(x in xs: x.value)`
editor-detail-min = la plus petite valeur d'une liste : `min(xs)` ou `min(x in xs: x.value)`
editor-detail-max = la plus grande valeur d'une liste : `max(xs)` ou `max(x in xs: x.value)`
editor-detail-weekday = le jour de la semaine d'une date ou d'une date et heure : `weekday(d) in jours_ouvres`
editor-detail-business-duration = le temps entre deux dates et heures, les jours donnés, entre une heure d'ouverture et une heure de fermeture
editor-detail-matches = si un motif se trouve dans un texte : `matches(x.url, "^https://")`
editor-detail-siret = si un texte est un numéro SIRET valide : 14 chiffres, clé de Luhn
editor-detail-uai = si un texte est un code UAI valide : 7 chiffres et leur lettre clé
editor-detail-https-url = si un texte est une adresse `https` avec un hôte

## Code actions: what an action does, as the editor's menu shows it.
editor-action-add-field = ajouter le champ `{ $field }` dans { $owner }
editor-action-the-descriptor = le descripteur
editor-action-change-level = passer au niveau { $level }

## Rename: why a new name is refused.
editor-rename-no-name = il n'y a pas ici de nom à renommer
editor-rename-invalid = `{ $name }` n'est pas un nom valide : { $reason }
editor-rename-used = `{ $name }` est déjà pris par { $by }
editor-rename-in-dependency = `{ $name }` est déclaré par la dépendance `{ $pack }` : renommez-le dans ce jeu de clauses, puis dans ceux qui l'utilisent
editor-rename-empty = il est vide
editor-rename-clause-id-form = un identifiant de clause commence par une lettre, suivie de lettres, de chiffres, de `_` ou de `-`
editor-rename-name-form = un nom commence par une lettre ou `_`, suivi de lettres, de chiffres ou de `_`
editor-rename-keyword = c'est un mot-clé
editor-rename-by-field = un autre champ de cet enregistrement
editor-rename-by-param = un paramètre
editor-rename-by-other-param = un autre paramètre
editor-rename-by-descriptor-field = un champ du descripteur
editor-rename-by-variant = une autre valeur de cette énumération
editor-rename-by-builtin-type = un type prédéfini
editor-rename-by-enum = une énumération
editor-rename-by-type = un type
editor-rename-by-clause = une autre clause
editor-rename-by-param-or-field = un paramètre ou un champ du descripteur

## Links of a clause file.
editor-link-test-descriptor = Ouvrir le descripteur du test
editor-link-page = Ouvrir la page

## Survol d'un mot-clé : ce que fait le mot dans un fichier de clauses.
editor-keyword-requirement = une règle à laquelle une offre est confrontée : `requirement ID "titre" { "{" } … { "}" }`, avec une ligne `require`
editor-keyword-criterion = un critère d'attribution pondéré : `criterion ID "titre" weight N { "{" } … { "}" }`, avec une ligne `score`
editor-keyword-param = une constante nommée du paquet, qu'un paquet dépendant peut redéfinir avec `set`
editor-keyword-descriptor = les champs que donne le descripteur d'un fournisseur, avec leurs types
editor-keyword-enum = un type dont les valeurs sont les variantes énumérées, dans l'ordre
editor-keyword-type = un nom pour un type, utilisable partout où un type est attendu
editor-keyword-test = un test du paquet, lancé par `clausier test` : un descripteur (`given`) et ce qu'on en attend (`expect`)
editor-keyword-use = importe les clauses d'une dépendance déclarée dans `pack.toml`, toutes ou une sélection
editor-keyword-set = redéfinit un paramètre d'une dépendance : `set DEP::NOM = VALEUR`
editor-keyword-level = la nature de l'exigence : `must` (par défaut), `should`, `info` ou `execution`
editor-keyword-when = la condition à laquelle l'exigence s'applique ; sinon elle est sans objet
editor-keyword-text = le texte juridique de la clause, tel que publié dans le cahier des charges
editor-keyword-note = une remarque publiée, affichée sous le texte de la clause
editor-keyword-ref = une référence à la loi ou à une norme, citée avec la clause
editor-keyword-from = après le chemin d'une pièce exigée, les types de preuve acceptés (`document`, `registry`, `audit`) : une valeur sans `$source` de l'un d'eux ne suffit pas, et l'offre est incomplète
editor-keyword-no-equivalent = l'exigence n'admet aucun équivalent de la certification qu'elle impose (une obligation légale, et non un label au sens des articles R2111-12 à R2111-17) : un équivalent revendiqué n'est pas examiné, et le motif est publié
editor-keyword-evidence = un document que le candidat joint à son offre
editor-keyword-lots = les lots auxquels la clause s'applique ; sans elle, tous les lots
editor-keyword-require = la condition qu'une offre doit remplir pour satisfaire l'exigence ; inconnue quand un champ qu'elle lit est absent
editor-keyword-score = la note du critère, un nombre ou un pourcentage ramené à [0, 1] ; dans un test, `expect score` vérifie le total
editor-keyword-weight = la pondération du critère ; celles d'un paquet devraient totaliser 100
editor-keyword-given = le descripteur d'un test : écrit sur place, ou le nom d'un fichier de descripteur
editor-keyword-expect = ce qu'un test attend : le statut de l'offre, le résultat d'une exigence ou la note
editor-keyword-date = la date à laquelle un test s'exécute, la valeur de `today` dans ce test
editor-keyword-must = une spécification : une offre qui n'y satisfait pas est irrégulière, donc écartée
editor-keyword-should = une caractéristique souhaitée : une offre qui n'y satisfait pas reste recevable, et le critère qui la note avec `passed(ID)` lui donne moins de points
editor-keyword-info = une information : évaluée et montrée dans les rapports, jamais notée
editor-keyword-execution = une condition d'exécution à laquelle le candidat s'engage : une offre qui n'y satisfait pas est irrégulière, comme pour `must`
editor-keyword-all = vrai quand la condition est vraie pour chaque élément de la liste (vrai sur une liste vide)
editor-keyword-any = vrai quand la condition est vraie pour au moins un élément de la liste (faux sur une liste vide)
editor-keyword-count = le nombre d'éléments d'une liste, ou de ceux qui remplissent une condition : `count(x in xs: p)`
editor-keyword-has = si le descripteur donne le champ ; jamais inconnu
editor-keyword-in = l'appartenance à une liste, un ensemble ou une table ; dans `all` et `any`, la liste que parcourt la variable
editor-keyword-and = vrai quand les deux côtés le sont ; faux dès qu'un côté est faux, même si l'autre est inconnu
editor-keyword-or = vrai dès qu'un côté est vrai, même si l'autre est inconnu
editor-keyword-not = le contraire d'une condition ; l'inconnu reste inconnu
editor-keyword-implies = `a implies b` : faux seulement quand `a` est vrai et `b` faux
editor-keyword-if = `if c then a else b` : `a` quand `c` est vrai, sinon `b` ; inconnu quand `c` l'est
editor-keyword-today =
    la date d'évaluation : l'option `--date` de la commande, ou la date que donne l'éditeur (l'option d'initialisation `date`) ; à défaut, la date limite de réception des offres (`[document] deadline` dans `pack.toml`), sinon la date du jour ; dans un test, sa ligne `date`
editor-keyword-lowest-highest = la plus petite ou la plus grande valeur d'un champ parmi les offres recevables de l'exécution (critères seulement)
editor-keyword-bool = une valeur de vérité
editor-keyword-null = une valeur absente dans les données d'un test
editor-keyword-as = donne un autre niveau à une exigence d'une dépendance : `use DEP::{ "{" }ID as should{ "}" }`
editor-keyword-passed = `passed(ID)` : si l'offre satisfait l'exigence `should` `ID` (critères seulement)
editor-keyword-aggregate = la somme, la moyenne, le plus petit ou le plus grand des éléments d'une liste, ou d'une expression pour chaque élément
editor-keyword-outcome = le statut de toute l'offre qu'attend un test
editor-keyword-status = le résultat d'une exigence qu'attend un test, devant son id
editor-keyword-review = le statut de l'offre d'un test qui attend l'examen par l'acheteur d'une équivalence revendiquée ; devant un id, celui d'une exigence à examiner

## Mise en forme refusée.
editor-format-syntax-error = impossible de mettre en forme ce fichier : il a une erreur de syntaxe ligne { $line }, colonne { $column } : { $message }
editor-format-unsafe = impossible de mettre en forme ce fichier : le formateur n'a pas pu en garder le sens, il l'a laissé tel quel

## Le journal du serveur : trouver et surveiller les jeux de clauses des dossiers de travail.
editor-log-too-many-folders = plus de { $count } dossiers sous { $root } : les autres ne sont pas parcourus pour trouver des jeux de clauses
editor-log-unreadable-folder = impossible de lire le dossier { $folder } : { $error }
editor-log-unreadable-manifest = impossible de lire { $path } : { $error }
editor-log-invalid-manifest = { $path } n'est pas un manifeste valide : les fichiers de descripteurs ouverts seuls ne sont pas rapprochés de son jeu de clauses
editor-log-cannot-watch = impossible de surveiller les changements sur le disque dans { $folder } : { $error }
editor-log-no-watcher = les changements sur le disque ne sont vus qu'à l'enregistrement des fichiers dans l'éditeur : { $error }

## The server itself, on its standard error.
editor-cannot-start = erreur : le serveur de langage ne peut pas démarrer : { $error }
