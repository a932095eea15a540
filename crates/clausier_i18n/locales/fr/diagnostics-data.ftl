## Les problèmes dans le descripteur d'un candidat (D06) : ce qui était attendu et ce qui a été trouvé, et comment l'écrire.

# Où est un problème, quand le rapport ne peut pas citer le fichier.
data-at-line-column = à la ligne { $line }, colonne { $column }
# Le repère sous une valeur, quand le message ne nomme pas son chemin.
data-at-path = à `{ $path }`

# `expected` et `found` sont des groupes ci-dessous ; les participes s'accordent avec eux
# (`expected_gender`, `found_gender` : `feminine` ou `masculine`).
data-expected-found = { $found } { $found_gender ->
        [feminine] trouvée
       *[other] trouvé
    } là où { $expected } est { $expected_gender ->
        [feminine] attendue
       *[other] attendu
    }
data-root-not-record = { $found } { $found_gender ->
        [feminine] trouvée
       *[other] trouvé
    } là où un enregistrement de champs est attendu au premier niveau du descripteur

## Ce qu'une valeur devait être.

data-expected-bool = `true` ou `false`
data-expected-int = un nombre entier tel que `12`
data-expected-number = un nombre tel que `4.5`
data-expected-percent = un pourcentage tel que `87.5%`
data-expected-money = un montant en euros tel que `4.50 €`
data-expected-date = une date telle que `2027-06-30`
data-expected-time = une heure telle que `08:30`
data-expected-datetime = une date avec l'heure telle que `2027-01-04T08:30`
data-expected-duration = une durée telle que `P6M` ou `6 mois`
data-expected-string = une chaîne de caractères
data-expected-list = une liste
data-expected-table = une table
data-expected-spdx = une expression de licence SPDX telle que `AGPL-3.0-or-later`
data-expected-enum-such-as = une valeur de `{ $name }` telle que `{ $first }`
data-expected-enum-named = une valeur de `{ $name }`
data-expected-enum = une valeur d'énumération
data-expected-record-named = un enregistrement `{ $name }`
# `fields` : les premiers noms de champs, entre accents graves, séparés par des virgules.
data-expected-record-with = un enregistrement avec des champs tels que { $fields }
data-expected-record = un enregistrement
data-expected-value = une valeur

## Ce qui a été trouvé à la place.

# Le texte du candidat tel qu'il est écrit.
data-found-written = `{ $text }`
data-found-nothing = rien
data-found-bool = un booléen
data-found-number = un nombre
data-found-string = une chaîne de caractères
data-found-percent = un pourcentage
data-found-money = un montant
data-found-date = une date
data-found-duration = une durée
data-found-time = une heure
data-found-datetime = une date avec l'heure
data-found-broken = une valeur illisible
data-found-list = une liste
data-found-record = un enregistrement

## Les valeurs que le schéma refuse.

data-too-many-values = les données se développent en un trop grand nombre de valeurs
data-help-yaml-aliases = un alias YAML répète les données de son ancre : écrivez plutôt les valeurs
data-help-no-absent-in-list = une liste ne peut pas contenir de valeur absente : retirez-la
data-outside-range = `{ $value }` est hors de l'intervalle admis
# `range` est l'un des messages data-range-….
data-help-range = `{ $path }` doit être { $range }
data-range-from-to = de { $lower } à { $upper }
data-range-both = { $lower } et { $upper }
data-range-at-least = d'au moins { $value }
data-range-more-than = de plus de { $value }
data-range-at-most = d'au plus { $value }
data-range-less-than = de moins de { $value }
data-range-any = une valeur quelconque
# `value` est le texte du candidat, déjà cité.
data-unknown-variant = valeur { $value } inconnue pour `{ $name }`
# `values` : les noms des valeurs, entre accents graves, séparés par des virgules.
data-help-one-of = `{ $name }` prend l'une des valeurs { $values }
data-help-did-you-mean-one-of = vouliez-vous dire `{ $near }` ? `{ $name }` prend l'une des valeurs { $values }
data-help-name-alone = écrivez le nom de la valeur seul : `{ $variant }`
data-number-too-large = le nombre { $value } est trop grand : les nombres vont de -79228162514264337593543950335 à 79228162514264337593543950335
data-help-smaller-unit = donnez la valeur dans une unité plus petite, ou vérifiez qu'elle ne contient pas de faute de frappe
data-number-too-precise = le nombre { $value } a trop de chiffres : un nombre a au plus 28 chiffres après la virgule, et environ 28 chiffres en tout
data-help-round = arrondissez la valeur à moins de décimales

## Comment écrire une valeur du type déclaré.

data-help-remove-quotes = retirez les guillemets : les nombres s'écrivent sans
data-help-add-quotes = mettez la valeur entre guillemets pour en faire une chaîne de caractères
data-help-exact-decimals = les nombres sont des décimaux exacts d'au plus 28 chiffres
data-help-date-form = écrivez les dates année-mois-jour, comme `2027-06-30`
# `value` est le texte du candidat, déjà cité.
data-help-no-such-day = { $value } n'est pas un jour du calendrier
data-help-date-without-time = une date n'a pas d'heure : écrivez-la comme `2027-06-30`
data-help-time-form = écrivez une heure heures:minutes de `00:00` à `23:59`, comme `08:30` ou `08:30:00`
data-help-datetime-form = écrivez une date avec l'heure année-mois-jour, `T`, puis heures:minutes, comme `2027-01-04T08:30` ou `2027-01-04T08:30:00`
data-help-datetime-offset = donnez l'heure locale en France sans décalage ni `Z`, comme `2027-01-04T08:30`
data-help-duration-form = écrivez les durées en ISO 8601 (`P6M`, `P30D`, `P1Y2M10D`, `P2W`, `PT12H`, `P1DT2H`, `PT30M`) ou en toutes lettres (`6 mois`, `30 jours`, `1 an`, `24 heures`, `90 minutes`)
data-help-decimal-point = écrivez les décimales avec un point : `{ $fixed }`
data-help-percent-form = écrivez un nombre de pour cent, `87.5`, ou une chaîne avec le signe, `"87.5%"`
data-help-money-form = écrivez un nombre d'euros, `4.5`, ou une chaîne avec la devise, `"4.50 €"`
data-help-bool-form = écrivez `true` ou `false` sans guillemets

## Les clés que le jeu de clauses ne déclare pas.

data-more-undeclared = { $count ->
        [one] { $count } autre champ n'est pas déclaré par le jeu de clauses
       *[other] { $count } autres champs ne sont pas déclarés par le jeu de clauses
    }
data-help-more-undeclared = seuls les { $shown } premiers champs non déclarés sont nommés ; comparez le fichier au schéma que publie l'acheteur (`clausier schema`)

data-names-and-more = { $names } et { $count } autres
data-expected-lot-id = un identifiant de lot sous forme de chaîne
data-help-lot-ids-as-strings = écrivez chaque identifiant de lot comme une chaîne, comme `"lots": ["1", "2"]`

## Les clés données deux fois, ou non déclarées.

# `key` est la clé du candidat, déjà citée.
data-duplicate-key = la clé { $key } est donnée deux fois
data-help-first-key = la première clé { $key } est à la ligne { $line } ; donnez chaque clé une seule fois
data-undeclared-field = le champ { $key } n'est pas déclaré par le jeu de clauses
data-did-you-mean = vouliez-vous dire `{ $near }` ?
data-help-no-lots = le marché n'est pas divisé en lots : retirez `lots`

## Les classeurs.

# Un problème dans une cellule d'un classeur : `message` est le problème lui-même.
data-in-cell = dans la feuille `{ $sheet }`, cellule { $cell } : { $message }

## Les lots pour lesquels une offre est présentée (D0609).

# `lots` : les lots du marché, chacun sous la forme `id` (intitulé), séparés par des virgules.
data-offer-names-no-lot = l'offre n'indique pas les lots pour lesquels elle est présentée
data-help-name-the-lots = donnez les identifiants de ses lots dans la clé `lots` de premier niveau, comme `"lots": ["1"]` ; les lots du marché sont { $lots }
# `id` est le texte du candidat, déjà cité.
data-unknown-lot = aucun lot du marché n'a l'identifiant { $id }
data-help-lots = les lots du marché sont { $lots }
data-help-did-you-mean-lot = vouliez-vous dire `{ $id }` ? les lots du marché sont { $lots }
# `title` est le texte du candidat, déjà cité.
data-help-lot-title = { $title } est l'intitulé du lot `{ $id }` : désignez-le par son identifiant, `{ $id }`

## Les fichiers et les formats.

data-help-each-key-and-table-once = donnez chaque clé et chaque table une seule fois
data-read-as-encoding = `{ $file }` n'est pas en UTF-8 : il a été lu en { $encoding }
data-help-check-accents = vérifiez ses lettres accentuées dans ce rapport ; enregistrez le fichier en UTF-8 pour en être sûr (dans Excel, « CSV UTF-8 (délimité par des virgules) »)
data-help-json-shape = un descripteur JSON est un objet, comme `{ "{" } "id": "vendor-042", … { "}" }`
data-help-ndjson-shape = chaque ligne d'un fichier NDJSON est un objet JSON
data-help-yaml-shape = un descripteur YAML associe des noms de champs à des valeurs
data-help-publiccode-key = le standard publiccode.yml écrit { $key } ainsi ; la solution est lue sans cette valeur
data-help-toml-shape = un descripteur TOML est une table de noms de champs et de valeurs
data-help-given-shape = les données d'un test sont un enregistrement, comme `given { "{" } hosting: { "{" } region: "EU" { "}" } { "}" }`

## La forme d'une valeur à clés `$` : d'où elle vient, jusqu'à quand elle vaut.
data-evidence-unknown-key = { $key } n'est pas une clé de la justification d'une valeur
data-evidence-no-value = la justification de cette valeur ne donne pas de `$value`
data-help-evidence-keys = écrivez la valeur `{"{"}"$value": …, "$source": …, "$valid_until": "AAAA-MM-JJ"{"}"}` : `$value` est obligatoire, les autres clés facultatives
data-evidence-bad-date = `$valid_until` doit être une date
data-help-evidence-date = écrivez le dernier jour où la valeur vaut, comme `2027-03-31`
data-evidence-bad-kind = la source d'une valeur doit être l'un de ses types
data-evidence-no-kind = la source d'une valeur ne dit pas son type (`kind`)
data-help-evidence-kinds = les types de source sont { $kinds }
data-evidence-unknown-source-key = { $key } n'est pas une clé de la source d'une valeur
data-help-evidence-source-keys = une source a un type (`kind`), et éventuellement une référence (`reference`) et un émetteur (`issuer`)
data-evidence-not-text = la référence et l'émetteur d'une source sont des textes
data-evidence-equivalent-not-record = `$equivalent` doit être un enregistrement
data-evidence-unknown-equivalent-key = { $key } n'est pas une clé d'une revendication d'équivalence
data-evidence-equivalent-not-text = { $key } d'une revendication d'équivalence doit être un texte non vide
data-evidence-equivalent-lacks = cette revendication d'équivalence ne donne pas { $key }
data-help-evidence-equivalent-keys = écrivez la revendication `{"{"}"label": …, "issuer": …, "document": …{"}"}` : ce qui est revendiqué comme équivalent, qui l'a délivré, et le document qui le prouve
