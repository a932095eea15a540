## Les diagnostics du vérificateur sur la structure d'un jeu de clauses : les types et le
## descripteur (E02, E03), les paramètres, les clauses, la composition, les lots, les
## espaces réservés et les tests (E04).

# `variants` : une liste de noms entre accents graves.
e02-enum-variants-note = `{ $name }` a pour variantes { $variants }

## Les types et le descripteur.

e0204-unknown-type = type inconnu `{ $name }`
e0204-unknown-type-label = aucun type ne porte ce nom
e0204-element-type-help = indiquez le type des éléments : `{ $name }<string>`
e0204-did-you-mean = vouliez-vous dire `{ $name }` ?
e0204-replace-with = remplacer par `{ $name }`
e0204-types-help = les types sont `bool`, `int`, `number`, `percent`, `money`, `date`, `time`, `datetime`, `duration`, `string`, `weekday`, `list<T>`, `set<T>`, les enregistrements et les `enum` et `type` déclarés

e0206-builtin-type = `{ $name }` est un type prédéfini
e0206-builtin-type-label = ce nom est pris par un type prédéfini
e0206-choose-another-name = choisissez un autre nom
e0206-type-twice = le type `{ $name }` est déclaré deux fois
e0206-type-twice-help = renommez l'un des deux, ou réunissez-les en une seule déclaration
e0206-declared-again-here = déclaré de nouveau ici
e0206-first-declared-here = déclaré une première fois ici
e0206-remove-one = supprimez l'un des deux
e0206-variant-twice = la variante `{ $variant }` est déclarée deux fois dans `{ $enum }`
e0206-field-twice = le champ `{ $name }` est déclaré deux fois
e0206-enum-other-variants = l'énumération `{ $name }` est déclarée par `{ $first_pack }` et, avec d'autres variantes, par `{ $this_pack }`
e0206-declared-here-in = déclaré ici dans `{ $pack }`
e0206-first-declared-in = déclaré une première fois dans `{ $pack }`
# `first` et `this` : des listes de noms entre accents graves.
e0206-enum-variants-note = `{ $first_pack }` donne les variantes { $first } ; `{ $this_pack }` donne { $this }
e0206-enum-other-variants-help = donnez à l'énumération les mêmes variantes dans le même ordre dans les deux jeux de clauses, ou renommez l'une des deux
e0206-type-differently = le type `{ $name }` est déclaré par `{ $first_pack }` et, autrement, par `{ $this_pack }`
e0206-type-differently-help = donnez au type les mêmes champs, avec les mêmes types, dans les deux jeux de clauses, ou renommez l'un des deux

e0207-other-bounds = le champ du descripteur `{ $path }` est déclaré avec d'autres bornes
# `bounds` : l'un des messages data-range-….
e0207-declared-with-bounds = déclaré ici pour une valeur { $bounds }
e0207-first-declared-here = déclaré d'abord ici
e0207-other-bounds-help = donnez au champ le même `where` dans chaque bloc `descriptor`, ou donnez-le une seule fois
e0207-two-types-two-packs = le champ du descripteur `{ $path }` est déclaré comme `{ $old }` par `{ $first_pack }` et comme `{ $new }` par `{ $this_pack }`
e0207-declared-here-as-in = déclaré ici comme `{ $type }` dans `{ $pack }`
e0207-first-declared-as-in = déclaré d'abord comme `{ $type }` dans `{ $pack }`
e0207-two-types = le champ du descripteur `{ $path }` est déclaré comme `{ $old }` et comme `{ $new }`
e0207-declared-here-as = déclaré ici comme `{ $type }`
e0207-first-declared-as = déclaré d'abord comme `{ $type }`
e0207-two-types-help = donnez au champ le même type dans chaque bloc `descriptor`, ou renommez l'un des deux

e0210-recursive = le type `{ $name }` se contient lui-même
e0210-recursive-label = `{ $name }` est utilisé dans sa propre définition
e0210-declared-here = déclaré ici
# `chain` : les noms des types entre accents graves, reliés par des flèches.
e0210-cycle-note = les types se font référence en cercle : { $chain }
e0210-recursive-help = un descripteur est une donnée finie : décrivez la partie imbriquée par un type qui n'y renvoie pas

e0217-reserved = le champ du descripteur `{ $name }` est réservé
e0217-reserved-label = réservé aux lots pour lesquels une offre est présentée
e0217-reserved-help = choisissez un autre nom, tel que `{ $name }_offered` ; un descripteur indique les lots pour lesquels son offre est présentée dans sa clé de premier niveau `{ $name }`

e0311-unordered = le champ `{ $field }` est un `{ $type }`, dont les valeurs n'ont pas de bornes
e0311-unordered-label = une borne s'applique à un `int`, un `number`, un `percent` ou un `money`
e0311-unordered-help = supprimez le `where`, ou vérifiez la valeur dans une exigence
e0311-wrong-type = la borne de `{ $field }` n'est pas un `{ $type }`
e0311-wrong-type-label = un `{ $type }` attendu
# `example` : une borne entre accents graves, telle que `>= 1`.
e0311-wrong-type-help = écrivez la borne dans l'unité du champ, par exemple { $example }
e0311-two-lower = le champ `{ $field }` a deux bornes inférieures
e0311-two-upper = le champ `{ $field }` a deux bornes supérieures
e0311-second-lower = une seconde borne inférieure
e0311-second-upper = une seconde borne supérieure
e0311-keep-one = gardez-en une seule
e0311-empty-range = aucune valeur de `{ $field }` ne peut satisfaire ses bornes
# `range` : l'un des messages data-range-….
e0311-empty-range-label = aucune valeur n'est { $range }
e0311-default-note = sans `where`, un `{ $type }` est { $range }
e0311-empty-range-help = donnez une borne inférieure sous la borne supérieure ; un côté que vous fixez remplace la borne par défaut

e0320-descriptor-map = le champ du descripteur `{ $name }` est une table de correspondance, ce que seul un paramètre peut être
e0320-descriptor-map-label = le descripteur d'un candidat ne peut pas donner de table de correspondance
e0320-descriptor-map-help = déclarez plutôt une liste d'enregistrements, telle que `list<{ "{" } code: string, purpose: string { "}" }>`
e0320-map-key = les clés d'une table de correspondance sont des chaînes ou des variantes d'énumération, pas `{ $found }`
e0320-map-key-label = pas un type de clé
e0320-map-key-help = écrivez `map<string, …>` ou `map<AnEnum, …>`

## La composition entre jeux de clauses : `use`, `set` et `[params]`.

e0205-brought-in-twice = la clause `{ $id }` est reprise deux fois, comme `{ $first }` et comme `{ $again }`
e0205-brought-in-again-as = reprise de nouveau comme `{ $level }`
e0205-first-brought-in-as = reprise d'abord comme `{ $level }`
e0205-brought-in-twice-help = reprenez `{ $id }` une seule fois, au niveau que demande le dossier de consultation
e0205-id-in-two-packs = l'identifiant de clause `{ $id }` est utilisé par `{ $first_pack }` et par `{ $this_pack }`
e0205-clause-comes-in-here = la clause de `{ $pack }` est reprise ici
e0205-id-in-two-packs-help = renommez votre propre clause, ou reprenez une sélection qui écarte l'une des deux : `use DEP::{ "{" }ID, …{ "}" }`

e0206-param-set-twice = le paramètre `{ $param }` est fixé deux fois
e0206-set-again-here = fixé de nouveau ici
e0206-first-set-here = fixé une première fois ici
e0206-param-set-twice-help = gardez une seule surcharge : un `set` dans un fichier de clauses ou une clé sous `[params]` dans `pack.toml`
e0206-param-set-by-two = le paramètre `{ $param }` est fixé par `{ $first_pack }` et par `{ $this_pack }`
e0206-set-by-here = fixé ici par `{ $pack }`
e0206-param-set-by-two-note = aucun des deux jeux de clauses ne dépend de l'autre : aucune des deux surcharges ne peut l'emporter
e0206-param-set-by-two-help = supprimez l'une des deux, ou fixez `{ $param }` dans un jeu de clauses qui dépend des deux

e0211-unknown-pack = jeu de clauses inconnu `{ $name }`
e0211-unknown-pack-label = aucune dépendance ne porte ce nom
# `dependencies` : une liste de noms entre accents graves.
e0211-dependencies-note = les dépendances de `{ $pack }` sont { $dependencies }
e0211-did-you-mean = vouliez-vous dire `{ $name }` ?
e0211-replace-with = remplacer par `{ $name }`
e0211-dependency-elsewhere-help = `{ $name }` est une dépendance d'un autre jeu de clauses : déclarez-la aussi sous `[dependencies]` dans le `pack.toml` de `{ $pack }`
e0211-declare-dependency-help = déclarez-la sous `[dependencies]` dans `pack.toml`

e0213-unknown-clause = le jeu de clauses `{ $pack }` n'a pas de clause `{ $id }`
e0213-unknown-clause-label = aucune exigence ni aucun critère ne porte cet identifiant
e0213-did-you-mean = vouliez-vous dire `{ $name }` ?
e0213-replace-with = remplacer par `{ $name }`
e0213-no-clauses-help = `{ $pack }` n'a aucune clause à reprendre
# `ids` : une liste d'identifiants de clauses entre accents graves.
e0213-clauses-help = les clauses de `{ $pack }` sont { $ids }
e0213-many-clauses-help = lancez `clausier validate` sur le jeu de clauses `{ $pack }` pour voir ses { $count } clauses

e0214-unknown-param = le jeu de clauses `{ $pack }` n'a pas de paramètre `{ $name }`
e0214-unknown-param-label = aucun paramètre ne porte ce nom
e0214-did-you-mean = vouliez-vous dire `{ $name }` ?
e0214-replace-with = remplacer par `{ $name }`
e0214-no-params-help = `{ $pack }` ne déclare aucun paramètre à surcharger
# `params` : une liste de noms entre accents graves.
e0214-params-help = les paramètres de `{ $pack }` sont { $params }

e0403-criterion-level = `{ $id }` est un critère, qui n'a pas de niveau
e0403-criterion-level-label = interdit sur un critère
e0403-criterion-level-help = un critère est pondéré, il n'est ni `must` ni `should` : écrivez `{ $id }` seul

## Les exigences et les critères.

e0205-id-used-twice = l'identifiant de clause `{ $id }` est utilisé deux fois
e0205-used-again-here = utilisé de nouveau ici
e0205-first-used-here = utilisé une première fois ici
e0205-id-used-twice-help = donnez à chaque exigence et à chaque critère du jeu de clauses un identifiant qui lui soit propre

# `found` : un nom de type ; `vowel` vaut `yes` quand il commence par une voyelle.
e0306-score-not-numeric = la note d'un critère est un nombre ou un pourcentage, `{ $found }` trouvé
e0306-this-is = c'est un `{ $type }`{ $vowel ->
       *[other] {""}
    }
e0306-bool-score-help = attribuez une note à chaque cas : `if CONDITION then 1 else 0`
e0306-money-score-help = divisez les montants pour obtenir un nombre, par exemple `lowest(pricing.per_student) / pricing.per_student`
e0306-score-help = une note est un nombre ou un pourcentage compris entre 0 et 1

e0401-no-require = l'exigence `{ $id }` n'a pas de `require`
e0401-no-require-label = cette exigence ne vérifie rien
e0401-no-require-help = ajoutez une ligne `require CONDITION` indiquant ce que l'offre doit remplir

e0402-given-twice = `{ $field }` est renseigné deux fois
e0402-given-again-here = renseigné de nouveau ici
e0402-first-given-here = renseigné une première fois ici
e0402-keep-one-joined-help = gardez un seul `{ $field }`, en reliant les conditions par `and`
e0402-keep-one-help = gardez un seul `{ $field }`

e0403-criterion-document = un critère ne peut pas exiger de document
e0403-criterion-document-label = un document exigé relève d'une exigence
e0403-criterion-document-help = déplacez cette ligne dans l'exigence que le document justifie, ou écrivez `evidence "{ $label }"` pour seulement nommer le document
e0403-not-allowed-in-requirement = `{ $field }` n'est pas autorisé dans une exigence
e0403-not-allowed-in-criterion = `{ $field }` n'est pas autorisé dans un critère
e0403-not-allowed-here = non autorisé ici
e0403-requirement-help = une exigence est remplie ou non selon son `require` ; une note relève d'un `criterion`
e0403-criterion-level-weight-help = un critère est pondéré, il n'est ni `must` ni `should` : fixez plutôt sa `weight`
e0403-criterion-no-equivalent-help = un critère ne décide pas de l'équivalence d'un label : écrivez `no_equivalent` dans l'exigence qui impose la certification
e0403-criterion-conditions-help = un critère ne note que les offres recevables ; placez les conditions dans une `requirement`, ou utilisez `if … then … else …` dans le `score`

e0404-no-score = le critère `{ $id }` n'a pas de `score`
e0404-no-score-label = ce critère ne note rien
e0404-no-score-help = ajoutez une ligne `score EXPRESSION` donnant un nombre ou un pourcentage compris entre 0 et 1

e0405-no-weight = le critère `{ $id }` n'a pas de pondération
e0405-no-weight-label = un critère a besoin d'une pondération
e0405-no-weight-help = écrivez `weight N` après le titre, avec N strictement supérieur à 0 et au plus égal à 100
e0405-weight-out-of-range = la pondération de `{ $id }` doit être strictement supérieure à 0 et au plus égale à 100, `{ $found }` trouvé
e0405-out-of-range = hors de l'intervalle admis
e0405-weight-help = les pondérations sont des points sur 100 partagés entre les critères du jeu de clauses

## Les paramètres.

e0206-param-twice = le paramètre `{ $name }` est déclaré deux fois
e0206-param-twice-help = supprimez l'un des deux, ou renommez-le

e0208-shadows-field = le paramètre `{ $name }` porte le nom d'un champ du descripteur
e0208-shadows-field-label = ce paramètre ne pourrait jamais être lu
e0208-field-declared-here = le champ du descripteur est déclaré ici
e0208-shadows-field-help = renommez le paramètre, par exemple `max_{ $name }` : le chemin `{ $name }` désigne le champ

e0309-cannot-be-computed = la valeur du paramètre `{ $name }` ne peut pas être calculée
e0309-write-the-value = écrivez la valeur elle-même
e0309-not-constant = la valeur du paramètre `{ $name }` n'est pas une constante
# `example` : une valeur telle qu'une clause l'écrit.
e0309-write-the-value-such-as = écrivez la valeur elle-même, par exemple `{ $example }`
# `want` et `found` : des noms de types ; `vowel` vaut `yes` quand `found` commence par une voyelle.
e0309-wrong-type = le paramètre `{ $name }` est déclaré `{ $want }` mais sa valeur est un `{ $found }`{ $vowel ->
       *[other] {""}
    }
e0309-declared-here = déclaré `{ $type }` ici
e0309-write-a-type-such-as = écrivez un `{ $type }`, par exemple `{ $example }`{ $vowel ->
       *[other] {""}
    }
e0309-reads-descriptor-field = `{ $field }` est un champ du descripteur, connu seulement quand une offre est vérifiée
e0309-reads-another-param = `{ $name }` est un autre paramètre
e0309-reads-today = `today` dépend de la date de l'évaluation
e0309-reads-has = `has` lit le descripteur
# Pourquoi la valeur d'un paramètre ne peut pas être calculée.
e0309-not-a-constant = ce n'est pas une constante
e0309-divides-by-zero = ceci divise par zéro
e0309-out-of-range = ceci sort de l'intervalle des valeurs
e0309-do-not-combine = ces valeurs ne se combinent pas
e0309-time-on-date = une date n'a pas d'heure à laquelle ajouter des heures ou des minutes

## Les blocs de test.

# `named` vaut `no` pour un test sans nom.
e0406-no-given = { $named ->
        [no] ce test
       *[other] le test `{ $name }`
    } n'a pas de `given`
e0406-no-given-label = ce test ne vérifie aucun descripteur
e0406-no-given-help = ajoutez les données du descripteur, par exemple `given { "{" } hosting: { "{" } region: "EU" { "}" } { "}" }`, ou un fichier, par exemple `given "offre.json"`
e0406-expects-nothing = { $named ->
        [no] ce test
       *[other] le test `{ $name }`
    } n'attend rien
e0406-expects-nothing-label = ce test ne peut pas échouer
e0406-expects-nothing-help = ajoutez ce que l'offre doit donner, par exemple `expect eligible` ou `expect fail HEB-01`

e0212-criterion = `{ $id }` est un critère, qui a une note et non un statut
# `status` : le mot de la ligne `expect` : `pass`, `fail`, `missing`, `not_applicable`.
e0212-criterion-label = `expect { $status }` demande une exigence
e0212-criterion-declared-here = le critère est déclaré ici
e0212-criterion-help = vérifiez plutôt la note totale de l'offre, par exemple `expect score >= 60`
e0212-unknown-requirement = exigence inconnue `{ $id }` dans un test
e0212-unknown-requirement-label = aucune exigence du jeu de clauses ne porte cet identifiant
e0212-did-you-mean = vouliez-vous dire `{ $name }` ?
e0212-replace-with = remplacer par `{ $name }`
e0212-no-requirement-note = le jeu de clauses n'a aucune exigence
# `ids` : une liste d'identifiants d'exigences entre accents graves.
e0212-requirements-note = les exigences sont { $ids }

## Les emplacements dans les textes : `{max_price}`.

e0312-unknown-param = paramètre `{ $name }` inconnu dans un emplacement
e0312-unknown-param-label = aucun paramètre ne porte ce nom
e0312-did-you-mean = vouliez-vous écrire `{ $name }` ?
e0312-replace-with = remplacer par `{ $name }`
e0312-no-params-help = un emplacement nomme un paramètre déclaré par `param` ; écrivez `{ "{" }{ "{" }` et `{ "}" }{ "}" }` pour des accolades dans le texte
# `params` : une liste de noms entre accents graves.
e0312-params-help = les paramètres de ce jeu de clauses sont { $params } ; écrivez `{ "{" }{ "{" }` et `{ "}" }{ "}" }` pour des accolades dans le texte
e0312-no-field = `{ $path }` n'a pas de champ `{ $field }` dans un emplacement
e0312-no-field-label = aucun champ de ce nom
e0312-not-a-record-help = `{ $path }` n'est pas un enregistrement : écrivez `{ "{" }{ $path }{ "}" }`
# `fields` : une liste de noms entre accents graves.
e0312-fields-help = les champs de `{ $path }` sont { $fields }

e0313-unclosed = `{ "{" }` non fermée dans un texte
e0313-unclosed-label = cette `{ "{" }` n'ouvre aucun emplacement
e0313-unclosed-help = fermez l'emplacement avec `{ "}" }` juste après le nom du paramètre, ou écrivez `{ "{" }{ "{" }` pour une accolade dans le texte
e0313-unopened = `{ "}" }` non ouverte dans un texte
e0313-unopened-label = cette `{ "}" }` ne ferme aucun emplacement
e0313-unopened-help = écrivez `{ "}" }{ "}" }` pour une accolade dans le texte
e0313-empty = emplacement vide dans un texte
e0313-empty-label = aucun paramètre n'est nommé ici
e0313-empty-help = écrivez le nom d'un paramètre entre les accolades, ou `{ "{" }{ "{" }{ "}" }{ "}" }` pour des accolades dans le texte
e0313-not-a-name = un emplacement contient un seul nom de paramètre
e0313-not-a-name-label = ce n'est pas un nom de paramètre
e0313-not-a-name-help = écrivez `{ "{" }max_price{ "}" }` sans espace, ou `{ "{" }{ "{" }` et `{ "}" }{ "}" }` pour des accolades dans le texte

## `passed(ID)` dans la note d'un critère.

e0314-criterion = `{ $id }` est un critère, qui est noté et non satisfait
e0314-unknown-requirement = aucune exigence `{ $id }` n'est en vigueur dans ce jeu de clauses
e0314-not-a-requirement = n'est pas une exigence du jeu de clauses
e0314-did-you-mean = vouliez-vous écrire `{ $name }` ?
e0314-replace-with = remplacer par `{ $name }`
e0314-help = nommez une exigence `should` du jeu de clauses, ou reprenez celle d'une dépendance par `use DEP::{ "{" }ID{ "}" }`

# `level` : `must`, `should`, `info` ou `execution`.
e0315-cannot-score = `{ $id }` est une exigence `{ $level }`, que `passed` ne peut pas noter
e0315-requirement-of-level = une exigence `{ $level }`
e0315-info-help = une exigence `info` n'entre jamais dans l'attribution : passez-la en `level should` pour la noter
e0315-not-should-help = toute offre notée la satisfait, et toutes obtiendraient les mêmes points : notez plutôt une exigence `should`

# `lots` : les identifiants des lots entre accents graves, séparés par des virgules ; `count` : leur nombre.
e0409-not-asked = l'exigence `{ $id }` n'est pas demandée dans { $count ->
        [one] le lot
       *[other] les lots
    } { $lots }, que ce critère note
e0409-not-asked-label = non demandée dans { $count ->
        [one] le lot
       *[other] les lots
    } { $lots }
e0409-not-asked-help = limitez le critère aux lots de `{ $id }` par une ligne `lots`, ou ajoutez { $lots } aux `lots` de l'exigence

## Les lots.

e0215-unknown-lot = aucun lot ne porte l'identifiant `{ $lot }`
e0215-unknown-lot-label = n'est pas un lot de `[document]`
e0215-did-you-mean = vouliez-vous dire `{ $name }` ?
# `lots` : l'identifiant de chaque lot entre accents graves et son titre entre parenthèses, séparés par des virgules.
e0215-lots-help = les lots de `[document]` sont { $lots }

e0407-no-declared-lots = `lots` cite des lots, mais le jeu de clauses n'en déclare aucun
e0407-no-declared-lots-label = le jeu de clauses ne déclare aucun lot
e0407-no-declared-lots-help = déclarez les lots dans `pack.toml` : `[document]` puis `lots = [{ "{" } id = "1", title = "…" { "}" }]`, ou supprimez cette ligne pour un marché non alloti

e0408-named-twice = le lot `{ $lot }` est cité deux fois
e0408-named-again-here = cité de nouveau ici
e0408-first-named-here = cité une première fois ici
e0408-named-twice-help = citez chaque lot une seule fois

## Les paramètres calculés à partir d'autres.

e0216-computed-from-itself = le paramètre `{ $name }` est calculé à partir de lui-même
e0216-computed-from-itself-label = cette valeur lit le paramètre qu'elle définit
e0216-computed-from-itself-help = écrivez la valeur sous forme de constante, par exemple une date ou un montant
# `names` : les noms des paramètres entre accents graves, séparés par des virgules.
e0216-cycle = les paramètres { $names } sont calculés les uns à partir des autres
e0216-cycle-label = cette valeur ouvre le cycle
e0216-cycle-help = écrivez la valeur de l'un d'eux sous forme de constante, par exemple une date ou un montant
e0216-computed-here = `{ $name }` est calculé ici
# Une étape du cycle, puis les étapes qui la suivent.
e0216-step = `{ $from }` est calculé à partir de `{ $to }`
e0216-steps = { $step }, { $rest }

## Indicateurs et risques
e0411-no-value = `{ $id }` n'a pas de `value`
e0411-no-value-label = ceci ne calcule rien
e0411-no-value-help = ajoutez une ligne `value EXPRESSION` avec ce qu'il calcule
e0403-not-allowed-in-indicator = `{ $field }` n'est pas permis dans un indicateur
e0403-indicator-help = un indicateur a `value`, `by`, `text`, `note` et `ref` ; une condition sur une ligne relève d'une `requirement`
e0403-not-allowed-in-risk = `{ $field }` n'est pas permis dans un risque
e0403-risk-help = un risque a `value`, `spend`, `ends`, `window`, `alternatives`, `text`, `note` et `ref`
e0403-too-many-groupings = un indicateur regroupe par deux champs au plus
e0403-too-many-groupings-help = gardez deux champs dans `by`, et déclarez un autre indicateur pour les autres
