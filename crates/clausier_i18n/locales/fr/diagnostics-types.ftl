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
e0206-field-twice = le champ `{ $field }` figure deux fois
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
