## Erreurs de syntaxe (E01) : ce que l'analyseur attendait et ce qu'il a trouvé, et les conseils pour les fautes courantes.

# Un mot du langage ou du texte de l'utilisateur.
syntax-token = `{ $token }`
syntax-found-end-of-file = la fin du fichier
syntax-found-doc-comment = un commentaire de documentation
syntax-unexpected = { $found } n'est pas à sa place ici
# `expected` est une ou plusieurs possibilités, déjà jointes.
syntax-expected-found = on attendait { $expected }, et non { $found }

## Ce que l'analyseur attendait.

syntax-expected-item = un élément
syntax-expected-value = une valeur
syntax-expected-expression = une expression
syntax-expected-type = un type
syntax-expected-clause-field = un champ de clause
syntax-expected-expectation = une attente telle que `eligible` ou `pass HEB-01`
syntax-expected-operator = un opérateur
syntax-expected-enum-name = un nom pour l'énumération
syntax-expected-variant-name = un nom de variante
syntax-expected-type-name = un nom pour le type
syntax-expected-field-name = un nom de champ
syntax-expected-param-name = un nom de paramètre
syntax-expected-variable-name = un nom de variable
syntax-expected-key = une clé
syntax-expected-pack-name = un nom de jeu de clauses
syntax-expected-clause-id = un identifiant de clause tel que `HEB-01`
syntax-expected-level = `must`, `should`, `info` ou `execution`
syntax-expected-given-or-expect = `given` ou `expect`
syntax-expected-comma-or-brace = `,` ou `{ "}" }`
syntax-expected-string = une chaîne entre guillemets
syntax-expected-title = un titre entre guillemets
syntax-expected-test-name = un nom de test entre guillemets
syntax-expected-file-name = un nom de fichier entre guillemets
syntax-expected-number = un nombre
syntax-expected-comparison = une comparaison telle que `>=`
syntax-expected-bound = une borne telle que `>= 0 €`

## Les conseils pour les fautes les plus courantes.

syntax-help-passed-takes-an-id = `passed` prend l'identifiant d'une exigence, sans guillemets : `passed(ACC-02)`
syntax-help-double-equals = pour comparer deux valeurs, écrivez `==`
syntax-help-write-and = écrivez `and`
syntax-help-write-or = écrivez `or`
syntax-help-write-not = écrivez `not`
syntax-help-semicolon = retirez le `;` : un saut de ligne termine un champ, et `,` sépare les variantes et les éléments d'une liste
syntax-help-weight-in-header = le poids s'écrit dans l'en-tête du critère : `criterion PRIX "Prix" weight 40 { "{" } … { "}" }`
syntax-help-doc-comment-placement = un commentaire de documentation documente un élément, un champ ou une variante ; pour un simple commentaire, écrivez `//`
syntax-help-reserved-word = `{ $token }` est un mot réservé et ne peut pas servir de nom
syntax-help-clause-starts-with-id = une clause commence par son identifiant, puis son titre : `requirement HEB-01 "Hébergement" { "{" } … { "}" }`
syntax-help-clause-id-form = un identifiant de clause commence par une lettre et peut contenir des lettres, des chiffres, `-` et `_`
syntax-help-criterion-header = un critère demande un titre entre guillemets et un poids : `criterion PRIX "Prix" weight 40 { "{" } … { "}" }`
syntax-help-indicator-title = un indicateur demande un titre entre guillemets : `indicator DEPENSE "Dépense par catégorie" { "{" } … { "}" }`
syntax-help-risk-title = un risque demande un titre entre guillemets : `risk RISQUE "Risque de dépendance" { "{" } … { "}" }`
syntax-share-needs-binding = un `share` demande `x in collection` avant `:`
syntax-share-needs-binding-help = par exemple `share(e in entries: e.supplier.jurisdiction == HORS_UE, e.annual_spend)`
syntax-help-criterion-title = un critère demande un titre entre guillemets : `criterion PRIX "Prix" weight 40 { "{" } … { "}" }`
syntax-help-requirement-title = une exigence demande un titre entre guillemets : `requirement HEB-01 "Hébergement" { "{" } … { "}" }`
syntax-help-expectations = écrivez `expect` suivi de l'une des attentes `eligible`, `ineligible`, `incomplete`, `invalid`, `pass ID`, `fail ID`, `missing ID`, `not_applicable ID` ou `score >= N`
syntax-help-item-keywords = un élément commence par `enum`, `type`, `descriptor`, `param`, `requirement`, `criterion`, `use`, `set` ou `test`

## Chaînes, imbrication, taille des fichiers, texte mal placé.

syntax-unterminated-string = chaîne de caractères non terminée
syntax-unterminated-string-label = cette chaîne n'est jamais fermée
syntax-unterminated-string-help = fermez-la par un `"` sur la même ligne ; dans une chaîne, écrivez un saut de ligne `\n`
syntax-nesting-too-deep = expression trop profondément imbriquée
syntax-nesting-too-deep-label = cette expression dépasse { $levels } niveaux d'imbrication
syntax-nesting-too-deep-help = scindez-la en parties plus petites : plusieurs exigences, ou un `param` pour une constante
syntax-too-large = fichier trop volumineux
syntax-too-large-label = ce fichier dépasse 4 Gio
syntax-too-large-help = répartissez les règles entre plusieurs fichiers `.clause` d'un pack
syntax-doc-comment-alone = ce commentaire de documentation ne documente rien
syntax-doc-comment-alone-label = aucun élément ne suit ce commentaire de documentation
syntax-doc-comment-alone-help = placez-le juste avant un élément, ou faites-en un simple commentaire avec `//`
syntax-stray-brace = `{ "}" }` inattendu
syntax-stray-brace-label = ce `{ "}" }` ne ferme rien
syntax-stray-brace-help = retirez-le, ou cherchez un `{ "{" }` manquant avant lui
syntax-unclosed = `{ $bracket }` non fermé
syntax-unclosed-label = ce `{ $bracket }` n'est jamais fermé
syntax-unclosed-other = ce `{ $bracket }` n'est pas fermé non plus
syntax-unclosed-help = ajoutez `{ $closing }` là où le bloc se termine
syntax-chained-comparisons = les comparaisons ne peuvent pas s'enchaîner
syntax-chained-comparisons-second = seconde comparaison
syntax-chained-comparisons-first = première comparaison
syntax-chained-comparisons-help = ajoutez des parenthèses pour dire laquelle vient d'abord, ou joignez deux comparaisons par `and` : `a < b and b < c`
syntax-count-needs-binding = un `count` avec une condition demande `x in collection` avant `:`
syntax-count-needs-binding-help = par exemple `count(s in subprocessors: s.region == EU)`
syntax-aggregate-needs-binding = un `{ $word }` d'une valeur de chaque élément demande `x in collection` avant `:`
syntax-aggregate-needs-binding-help = par exemple `{ $word }(s in services: s.rgaa_rate)`
syntax-test-field-twice = `{ $field }` figure deux fois dans ce test
syntax-test-field-second = second `{ $field }`
syntax-test-field-first = premier `{ $field }`
syntax-help-one-date-per-test = un test s'exécute à une seule date : écrivez un autre test pour l'autre
syntax-help-one-given-per-test = un test vérifie un seul descripteur : écrivez un autre test pour l'autre

## Les littéraux : séquences d'échappement des chaînes (E0103), nombres, durées, dates et heures (E0104).
# `literal` est le littéral tel qu'il est écrit, déjà entre accents graves.

e0103-backslash-ends-string = une barre oblique inverse termine la chaîne
e0103-escapes-nothing = n'échappe rien
e0103-escapes-help = les séquences d'échappement sont `\"`, `\\`, `\n`, `\t` et `\u{"{"}…{"}"}` ; écrivez une barre oblique inverse `\\`
e0103-invalid-unicode-escape = séquence d'échappement unicode { $literal } invalide
e0103-not-a-scalar-value = pas une valeur scalaire Unicode
e0103-unicode-escape-help = écrivez un point de code sous la forme `\u{"{"}E9{"}"}` : un à six chiffres hexadécimaux
e0103-invalid-escape = séquence d'échappement { $literal } invalide dans une chaîne
e0103-unknown-escape = séquence d'échappement inconnue
e0104-invalid-number = nombre { $literal } invalide
e0104-too-many-decimals = trop de décimales
e0104-too-many-decimals-help = un nombre a au plus 28 chiffres après la virgule
e0104-too-many-digits = trop de chiffres
e0104-too-many-digits-help = un nombre compte au plus 28 chiffres significatifs, soit environ 7,9 × 10^28
e0104-unknown-duration-unit = unité de durée { $literal } inconnue
e0104-not-a-unit = pas une unité
e0104-duration-units-help = écrivez days, weeks, months ou years
e0104-invalid-duration = durée { $literal } invalide
e0104-too-large = trop grande
e0104-smaller-amount-help = écrivez une quantité plus petite
e0104-not-a-whole-number = pas un nombre entier
e0104-whole-duration-help = une durée est un nombre entier de jours, de semaines, de mois ou d'années
e0104-invalid-date = date { $literal } invalide
e0104-not-a-date = pas une date du calendrier
e0104-date-form-help = écrivez une date sous la forme `AAAA-MM-JJ`
e0104-date-form-here-help = écrivez une date sous la forme `AAAA-MM-JJ`, ici `{ $date }`
e0104-months-help = les mois vont de `01` à `12`
# `month` est le numéro du mois, de 1 à 12.
e0104-month-days-help = { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year } compte { $days } jours
e0104-invalid-time = heure { $literal } invalide
e0104-not-a-time = pas une heure
e0104-time-form-help = écrivez une heure sous la forme `HH:MM`
e0104-time-form-here-help = écrivez une heure sous la forme `HH:MM`, ici `{ $time }`
e0104-time-to-the-minute-help = une clause écrit une heure à la minute près : `{ $time }`
e0104-hours-help = les heures vont de `00` à `23`
e0104-minutes-help = les minutes vont de `00` à `59`
e0104-invalid-datetime = date et heure { $literal } invalides
e0104-not-a-datetime = pas une date avec une heure
e0104-datetime-form-help = écrivez une date et une heure sous la forme `AAAA-MM-JJTHH:MM`
