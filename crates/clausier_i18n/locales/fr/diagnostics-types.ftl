## Les expressions (E02, E03) : noms, chemins, types, opérateurs, tables et fonctions.

# Un type nommé dans une phrase ; `vowel` vaut `yes` quand le nom commence par une voyelle
# (l'anglais y choisit son article, le français n'en a pas besoin).
e03-a-ty = { $vowel ->
       *[other] une valeur `{ $ty }`
    }
# Le repère sous un opérande du mauvais type ; `a_ty` est `e03-a-ty`.
e03-this-is = ceci est { $a_ty }

## Conditions et types.

e0301-expected-found = types incompatibles : `{ $expected }` attendu, `{ $found }` trouvé
e0301-condition-of-require = `require` attend une condition
e0301-condition-of-when = `when` attend une condition
e0301-condition-of-operand = `{ $op }` attend une condition de chaque côté
e0301-condition-of-not = `not` attend une condition
e0301-condition-of-if = la condition d'un `if` doit être vraie ou fausse
e0301-condition-of-filter = ce qui suit `:` doit être une condition
e0301-help-compare-with-threshold = comparez la valeur à un seuil pour obtenir une condition, par exemple `… >= { $example }`
e0301-help-compare-with-string = comparez la valeur à une chaîne pour obtenir une condition, par exemple `… == "…"`
e0301-help-compare-with-variant = comparez la valeur à une variante pour obtenir une condition, par exemple `… == { $example }`
e0301-help-quantify = employez `all x in …: …`, `any x in …: …` ou `count(…) > 0` pour obtenir une condition
e0301-help-name-a-field = nommez l'un de ses champs, par exemple `gar.compliant`
e0301-help-read-an-entry = lisez l'une de ses entrées, par exemple `table["key"]`
e0301-list-items-differ = types incompatibles : les éléments de la liste ont les types `{ $first }` et `{ $other }`
e0301-list-items-help = une liste contient des valeurs d'un seul type
e0301-if-branches-differ = types incompatibles : les branches du `if` ont les types `{ $then }` et `{ $else }`
e0301-if-branches-help = les deux branches doivent donner une valeur du même type
e0301-table-value-help = les valeurs de cette table sont de type `{ $expected }`
e0301-expected-key-found = types incompatibles : une clé de type `{ $expected }` attendue, `{ $found }` trouvé
e0301-map-key-help = les clés de cette table sont de type `{ $expected }`

## Littéraux hors limites.

e0104-duration-too-large = durée trop grande
e0104-duration-too-large-label = cette durée ne peut pas être représentée
e0104-duration-too-large-help = une durée ne dépasse pas quelques milliers d'années

## Opérateurs.

e0303-negate = l'opérateur `-` ne s'applique pas à `{ $ty }`
e0303-negate-help = seuls les nombres, les pourcentages, les montants et les durées ont un opposé

## Collections.

e0305-needs-collection = `{ $construct }` attend une liste ou un ensemble, `{ $found }` trouvé
e0305-in-help = écrivez les valeurs cherchées sous forme de liste : `x in [a, b]`

## Comparer les offres : `passed`, `lowest` et `highest`.

e0315-passed-outside-score = `passed` ne peut être employé que dans le `score` d'un critère
e0315-passed-outside-score-label = `passed` fait peser une exigence dans l'attribution
e0315-passed-outside-score-help = une exigence juge chaque offre sur ses propres données : écrivez sa condition dans `when` ou `require`
e0307-aggregate-outside-score = `{ $aggregate }` ne peut être employé que dans le `score` d'un critère
e0307-aggregate-outside-score-label = `{ $aggregate }` compare les offres entre elles
e0307-aggregate-outside-score-help = une exigence juge chaque offre isolément : comparez plutôt le champ à un paramètre
e0308-needs-numeric-field = `{ $aggregate }` exige un champ du descripteur de type `int`, `number`, `percent` ou `money`
# `a_ty` est `e03-a-ty`.
e0308-field-is = ce champ est { $a_ty }
e0308-field-of-variable = `{ $field }` est un champ d'une variable, et non du descripteur
e0308-not-a-field = ceci n'est pas un champ du descripteur
e0308-needs-numeric-field-help = nommez le champ à comparer d'une offre à l'autre, par exemple `{ $aggregate }(pricing.per_student)`

## Tables.

e0321-table-not-expected = une table ne s'écrit que comme valeur d'un type `map` ou d'un enregistrement déclaré
e0321-type-expected-here = une valeur `{ $expected }` est attendue ici
e0321-no-table-expected-here = aucune table n'est attendue ici
e0321-table-not-expected-help = déclarez un paramètre de ce type, par exemple `param features: map<string, set<Feature>> = { "{" } "IDO": [sso] { "}" }`, et nommez-le ici
e0206-key-twice = la clé `{ $key }` figure deux fois
e0206-given-again-here = donnée à nouveau ici
e0206-first-given-here = donnée une première fois ici
e0206-key-twice-help = donnez chaque clé d'une table une seule fois
e0206-record-field-twice = le champ `{ $field }` figure deux fois
e0206-field-twice-help = donnez chaque champ d'un enregistrement une seule fois
e0202-not-a-variant = `{ $key }` n'est pas une variante de `{ $enum }`
e0202-key-is-a-variant = une clé de cette table est une variante
# `variants` : les noms des variantes, séparés par des virgules.
e0202-the-variants-are = les variantes sont { $variants }
e0201-unknown-record-field = champ inconnu `{ $field }` dans cet enregistrement
e0201-record-has-no-such-field = l'enregistrement n'a pas ce champ
# `fields` : les noms des champs, séparés par des virgules.
e0201-its-fields-are = ses champs sont { $fields }
# `fields` : les champs absents, entre accents graves, séparés par des virgules.
e0321-record-lacks = cet enregistrement ne donne pas { $fields }
e0321-record-lacks-label = chaque champ de l'enregistrement d'un paramètre a une valeur
# `fields` : les champs absents joints par `: …, `.
e0321-record-lacks-help = ajoutez `{ $fields }: …`
e0321-value-computed = les valeurs d'une table s'écrivent telles quelles
e0321-value-computed-label = ceci est calculé
e0321-value-computed-help = écrivez la valeur elle-même, par exemple une liste de variantes ou un montant
e0322-index-not-a-map = `[…]` lit une entrée d'une table `map`, mais ceci est `{ $found }`
e0322-index-not-a-map-help = nommez un paramètre de type `map<K, V>` ; pour une liste, employez `any x in xs: …` ou `count(…)`

## Suggestions.

e02-did-you-mean = vouliez-vous dire `{ $name }` ?
# Une liste de noms lue d'un bloc : `init` contient tous les noms sauf le dernier, déjà séparés par des virgules.
e02-names-and = { $init } et { $last }
# Le titre d'une correction qui écrit un nom ou un chemin à la place d'un autre.
e02-fix-replace = remplacer par `{ $name }`
e02-fix-write = écrire `{ $name }`

## Chemins : champs, paramètres, variantes d'énumération et variables.

e03-not-a-descriptor-field = pas un champ du descripteur
e03-what-variable = une variable introduite par `all`, `any` ou `count`
e03-what-variant = une variante d'énumération
e0310-what-param = un paramètre, qui a toujours une valeur
# `what` est l'un des `e03-what-…` ou `e0310-what-param`.
e0310-has-needs-field = `has` exige un champ du descripteur, mais `{ $path }` est { $what }
e0310-has-needs-field-help = écrivez le chemin d'un champ du descripteur, par exemple `has security.iso27001_expires`
e0410-what-param = un paramètre
# `what` est l'un des `e03-what-…` ou `e0410-what-param`.
e0410-document-not-a-field = un document exigé est un champ du descripteur, mais `{ $path }` est { $what }
e0410-document-not-a-field-help = déclarez où les offres donnent le document, par exemple `documents: { "{" } homologation: string { "}" }` dans `descriptor`, et écrivez `evidence documents.homologation "…"`
e0203-enum-not-a-value = une valeur attendue, l'énumération `{ $enum }` trouvée
e0203-enum-not-a-value-label = une énumération est un type, et non une valeur
e0203-enum-not-a-value-help = nommez l'une de ses variantes, par exemple `{ $enum }.{ $example }`
# `enums` est `e02-names-and` des noms des énumérations.
e0209-ambiguous-variant = la variante `{ $variant }` est ambiguë : elle appartient à { $enums }
e0209-ambiguous-variant-label = rien ici ne dit de quelle énumération il s'agit
# `choices` : les noms qualifiés, comme possibilités.
e0209-ambiguous-variant-help = nommez l'énumération : écrivez { $choices }
e0201-unknown-field = champ inconnu `{ $field }` dans `{ $owner }`
e0201-unknown-field-label = `{ $owner }` n'a pas ce champ
# `fields` est `e02-names-and` des noms des champs.
e0201-has-the-fields = `{ $owner }` a pour champs { $fields }
# `a_ty` est `e03-a-ty`.
e0201-not-a-record = `{ $owner }` est { $a_ty }, sans champ `{ $field }`
# `kind` vaut `set` ou `list`.
e0201-collection-has-no-fields = { $kind ->
        [set] un ensemble n'a pas de champs
       *[other] une liste n'a pas de champs
    }
e0201-collection-has-no-fields-help = employez `all x in { $owner }: x.{ $field } …` pour regarder dans { $kind ->
        [set] un ensemble
       *[other] une liste
    }
e0201-only-records-have-fields = seuls les enregistrements ont des champs
e0202-unknown-variant = variante d'énumération inconnue `{ $variant }` dans `{ $enum }`
e0202-unknown-variant-label = `{ $enum }` n'a pas cette variante
e0203-unknown-name = nom inconnu `{ $name }`
e0203-unknown-name-label = ni un champ, ni un paramètre, ni une variante d'énumération
e0203-unknown-name-help = un chemin commence par un champ du descripteur, un paramètre, une variante d'énumération ou une variable introduite par `all`, `any` ou `count`

## Les littéraux dans la mauvaise unité. `what` vaut `threshold`, `value`, `number` ou `duration`.

e03-write-as-percent = écrivez { $what ->
        [threshold] le seuil
        [number] le nombre
        [duration] la durée
       *[other] la valeur
    } en pourcentage : `{ $literal }`
e03-write-in-euros = écrivez { $what ->
        [threshold] le seuil
        [number] le nombre
        [duration] la durée
       *[other] la valeur
    } en euros : `{ $literal }`
e03-write-with-unit = écrivez la durée avec une unité : `{ $literal }`
e03-write-as-number = écrivez { $what ->
        [threshold] le seuil
        [number] le nombre
        [duration] la durée
       *[other] la valeur
    } sous forme de simple nombre : `{ $literal }`
e03-write-date-unquoted = écrivez la date sans guillemets : `{ $literal }`
e03-write-variant-unquoted = écrivez la valeur d'énumération sans guillemets : `{ $literal }`
e03-write-variants-unquoted = écrivez les valeurs d'énumération sans guillemets : `[{ $variants }]`

## Comparaisons, appartenance et calculs.

e0304-not-ordered = `{ $op }` exige des valeurs ordonnées, mais `{ $ty }` n'a pas d'ordre
e0304-not-ordered-label = ceci compare selon un ordre
e0304-strings-help = les chaînes ne se comparent que par égalité : employez `==` ou `!=`
e0304-equality-only-help = les valeurs `{ $ty }` ne se comparent qu'avec `==` et `!=`
e0302-incomparable = comparaison de valeurs de types différents : `{ $left }` et `{ $right }`
e0302-incomparable-note = des valeurs de types différents ne sont jamais égales ni ordonnées
# `item` et `collection` sont `e03-a-ty`.
e0302-cannot-look-for = impossible de chercher { $item } dans { $collection }
e0302-holds-values = ceci contient des valeurs `{ $ty }`
e0319-time-on-date = des heures ou des minutes ajoutées à une date
e0319-duration-has-time = cette durée compte des heures ou des minutes
e0319-date-without-time = ceci est une date, sans heure
e0319-never-a-value = ceci n'aurait jamais de valeur
e0319-time-on-date-help = déplacez la date de jours, de semaines, de mois ou d'années, ou comparez des durées (`delay <= 48 hours`)
e0303-invalid-operands = l'opérateur `{ $op }` ne s'applique pas à `{ $left }` et `{ $right }`
e0303-invalid-operands-label = `{ $op }` ne s'applique pas à ces types
e0303-add-note = `+` additionne des nombres, des pourcentages entre eux, des montants entre eux, et des durées à des dates, des dates avec heure ou des durées
e0303-sub-note = `-` soustrait des nombres, des pourcentages entre eux, des montants entre eux, des durées à des dates, des dates avec heure ou des durées, une date d'une date et une date avec heure d'une date avec heure
e0303-mul-note = `*` multiplie des nombres, et un pourcentage, un montant ou une durée par un nombre
e0303-div-note = `/` divise des nombres, un pourcentage ou un montant par un nombre, et deux pourcentages ou deux montants entre eux

## Fonctions.

# Après « attend … » : combien d'arguments ont été donnés.
e03-found-arguments = { $count ->
        [0] aucun argument trouvé
        [one] 1 argument trouvé
       *[other] { $count } arguments trouvés
    }
e03-for-example = par exemple `{ $example }`
# `expected` est l'un des `e0301-expects-…` ; `found` est `e03-found-arguments`.
e0301-takes-found = `{ $function }` attend { $expected }, { $found }
e0301-takes = `{ $function }` attend { $expected }
e0301-expects-text-and-pattern = un texte et un motif
e0301-expects-one-text = un seul texte
e0301-expects-one-date = une seule date (avec ou sans heure)
e0301-expects-business-arguments = un début, une fin, les jours comptés, une heure d'ouverture et une heure de fermeture
e0301-expects-arguments = { $count } arguments
e0301-reads-a-text = `{ $function }` lit un texte
e0301-expected-date-found = types incompatibles : `date` ou `datetime` attendu, `{ $found }` trouvé
e0301-gives-the-weekday = `{ $function }` donne le jour de la semaine d'une date
# `which` est l'un des `e0301-business-argument-…`.
e0301-argument-is = l'argument { $position } de `{ $function }` est { $which }
e0301-business-argument-start = le début, de type `datetime`
e0301-business-argument-end = la fin, de type `datetime`
e0301-business-argument-days = les jours comptés, de type `set<weekday>`
e0301-business-argument-opens = l'heure d'ouverture, de type `time`
e0301-business-argument-closes = l'heure de fermeture, de type `time`
e0323-closes-before-opening = les heures ouvrées ferment avant d'ouvrir
e0323-closes-before-opening-label = ferme à l'heure d'ouverture ou avant
e0323-opens-here = ouvre ici
e0323-closes-before-opening-note = les heures ouvrées ne peuvent pas passer minuit : la durée n'aurait jamais de valeur
e0323-closes-before-opening-help = écrivez d'abord l'heure d'ouverture : `08:00, 18:00`
e0317-pattern-not-literal = le motif de `matches` doit être une chaîne entre guillemets
e0317-pattern-computed = ceci est calculé
e0317-pattern-not-literal-note = le motif est vérifié une seule fois, à la compilation du jeu de clauses
e0317-pattern-not-literal-help = écrivez le motif lui-même : `matches(site, "^https://")`
# `what` est `e0316-too-large`, `e0316-unreadable` ou `e0316-detail`.
e0316-invalid-pattern = motif invalide : { $what }
# Ce que la bibliothèque `regex` dit du problème, dans ses propres mots (en anglais).
e0316-detail = { $detail }
e0316-too-large = le motif est trop volumineux une fois compilé (plus de { $mebibytes } Mio)
e0316-too-large-help = écrivez un motif plus court, avec des répétitions moins nombreuses
e0316-unreadable = le motif ne peut pas être lu
e0316-syntax-help = les motifs suivent la syntaxe de la bibliothèque Rust `regex` : pour désigner le caractère lui-même, échappez `( ) [ ] {"{"} {"}"} . * + ? ^ $ | \` par `\\`
e0316-regex-help = les motifs suivent la syntaxe de la bibliothèque Rust `regex`
e0218-unknown-function = fonction inconnue `{ $name }`
e0218-unknown-function-label = aucune fonction ne porte ce nom
# `functions` est `e02-names-and` des noms des fonctions.
e0218-the-functions-are = les fonctions sont { $functions }

## Sommes, moyennes, minimums et maximums de listes.

# `types` est `e0303-numeric-types` ou `e0303-ordered-types`.
e0303-aggregate-values = `{ $function }` ne s'applique pas à des valeurs `{ $ty }`
e0303-aggregate-list = `{ $function }` ne s'applique pas à une liste de `{ $ty }`
e0303-each-value-is = chaque valeur est de type `{ $ty }`
e0303-list-of = une liste de `{ $ty }`
e0303-aggregate-help = `{ $function }` prend des valeurs de type { $types }
e0303-numeric-types = `int`, `number`, `percent`, `money` ou `duration`
e0303-ordered-types = `int`, `number`, `percent`, `money`, `date`, `time`, `datetime`, `duration` ou une énumération

## Indicateurs et risques sur un inventaire
e0324-entries-in-per-entry-rule = un agrégat sur toutes les lignes dans une règle qui porte sur une ligne
e0324-entries-in-per-entry-rule-label = `entries` est l'inventaire entier
e0324-entries-in-per-entry-rule-help = une exigence, un critère, un risque, un `when`, un paramètre ou un test voit une ligne à la fois ; additionnez ou comptez l'inventaire entier dans un `indicator`, dont la `value` peut lire `entries`
e0325-grouping-field-type = un indicateur ne peut pas regrouper par `{ $path }`, de type `{ $found }`
e0325-not-a-field = un indicateur regroupe les lignes par un champ du descripteur
e0325-grouping-help = regroupez par un champ du descripteur de type énuméré ou `string`
e0326-field-outside-aggregate = `{ $path }` est un champ d'une seule ligne, lu dans un indicateur sur toutes les lignes
e0326-field-outside-aggregate-label = de quelle ligne ?
e0326-field-outside-aggregate-help = lisez-le pour chaque ligne dans un agrégat sur `entries`, par exemple `sum(e in entries: e.{ $path })`
e0327-unknown-proof-kind = `{ $word }` n'est pas un type de preuve
e0327-declared-is-no-proof = une déclaration n'est pas une preuve : `declared` ne peut pas être exigé
e0327-not-a-proof-kind = pas un type de preuve
e0327-kinds = les types de preuve sont { $kinds } ; une valeur sans `$source` est une déclaration, que la ligne sans `from` suffit à exiger
e0327-did-you-mean = vouliez-vous dire `{ $kind }` ?
e0301-share-weight = le poids d'un `share` doit être `int`, `number` ou `money`, trouvé `{ $found }`
e0301-share-weight-help = pondérez chaque élément par un nombre ou un montant : `share(e in entries: p, e.annual_spend)`
e0301-risk-value = la `value` d'un risque doit être `int` ou `number`, trouvé `{ $found }`
e0301-risk-value-help = notez chaque ligne par un nombre, par exemple `poids[criticality] + count(lock_in)`
e0301-risk-spend = la `spend` d'un risque doit être `money`, trouvé `{ $found }`
e0301-risk-spend-help = donnez le montant que coûte la ligne, par exemple `spend annual_spend`
e0301-risk-ends = le `ends` d'un risque doit être une `date`, trouvé `{ $found }`
e0301-risk-ends-help = donnez la date de fin du contrat de la ligne, par exemple `ends contract_end`
e0301-risk-window = la `window` d'un risque doit être une `duration`, trouvé `{ $found }`
e0301-risk-window-help = donnez le délai avant la fin pour préparer un changement, par exemple `window 18 mois`
e0301-risk-alternatives = les `alternatives` d'un risque doivent être une liste ou un ensemble de `string`, trouvé `{ $found }`
e0301-risk-alternatives-help = donnez les catégories du catalogue vers lesquelles la ligne peut aller, par exemple `alternatives categories[category]`
