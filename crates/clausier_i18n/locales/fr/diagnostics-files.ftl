## Les fichiers de descripteur : les trouver, les lire et les décoder (D0607), et ce que
## leur format n'a pas permis de lire (D0601).

# Une erreur d'entrée-sortie en mots ; les mots du système pour les cas non nommés ici.
d0607-io-not-found = fichier ou dossier introuvable
d0607-io-permission-denied = permission refusée
d0607-io-is-a-folder = c'est un dossier
d0607-io-not-a-folder = une partie du chemin n'est pas un dossier
# `reason` : l'un des messages d0607-io-…, ou les mots du système.
d0607-cannot-read = impossible de lire `{ $file }` : { $reason }
# `kind` : l'un des messages d0607-kind-….
d0607-not-regular = impossible de lire `{ $file }` : c'est { $kind }, et non un fichier ordinaire
d0607-kind-fifo = un FIFO (tube nommé)
d0607-kind-char-device = un périphérique en mode caractère
d0607-kind-block-device = un périphérique en mode bloc
d0607-kind-socket = une socket
d0607-kind-folder = un dossier
d0607-kind-special = un fichier spécial
# `init` : toutes les extensions sauf la dernière, séparées par des virgules.
d0607-extensions-and = { $init } et { $last }
d0607-not-a-descriptor = `{ $file }` n'est pas un fichier de descripteur : son nom doit se terminer par { $extensions }
# `limit` : une taille avec son unité, comme `64 MiB`.
d0607-larger-than-limit = `{ $file }` dépasse { $limit }, la taille maximale d'un descripteur lu
d0607-line-larger-than-limit = la ligne { $line } de `{ $file }` dépasse { $limit }, la taille maximale d'un descripteur lu
# `doubled` : une taille telle que l'option l'écrit, comme `128MiB`.
d0607-help-raise-limit = un descripteur aussi volumineux est plus probablement un export ou une archive qu'une offre ; s'il est authentique, relevez la limite avec `--max-descriptor-size { $doubled }`
d0607-too-large = `{ $file }` est trop volumineux pour être un fichier de descripteur
# `byte` : deux chiffres hexadécimaux.
d0607-not-utf8 = `{ $file }` n'est ni en UTF-8 ni en Windows-1252 : l'octet 0x{ $byte } ne correspond à aucun caractère
d0607-help-save-utf8 = enregistrez le fichier en UTF-8 (dans Excel, « CSV UTF-8 (délimité par des virgules) »)
d0607-workbook-as-text = `{ $file }` est un classeur : il se lit à partir de ses octets, et non comme du texte
d0607-workbook-empty = `{ $file }` ne contient aucune cellule : il ne donne aucune offre
d0607-sheet-too-large = la feuille `{ $sheet }` de `{ $file }` est trop volumineuse pour être lue
d0607-workbook-too-many-cells = le classeur contient plus de { $limit } cellules, bien plus qu'une offre n'en demande : il n'est pas lu
# `reason` : les mots du lecteur de classeurs.
d0607-workbook-unreadable = le fichier ne peut pas être lu comme un classeur { $format } : { $reason }
d0607-help-save-ods = enregistrez le fichier depuis LibreOffice Calc au format classeur OpenDocument (`.ods`), ou exportez sa feuille en CSV
d0607-help-save-xlsx = enregistrez le fichier depuis Excel au format « Classeur Excel (.xlsx) », ou exportez sa feuille en CSV

## Ce que le format d'un fichier n'a pas permis de lire (D0601).

# `format` : JSON, YAML, TOML, CSV, TSV ; `detail` : un message ci-dessous, ou les mots
# de l'analyseur du format.
d0601-invalid = { $format } invalide : { $detail }
d0601-too-deep = les données sont imbriquées sur plus de { $depth } niveaux
d0601-yaml-second-document = un fichier de descripteur contient un seul document, mais un deuxième commence ici
d0601-help-one-descriptor-a-file = mettez chaque descripteur dans un fichier distinct
d0601-yaml-alias-without-anchor = cet alias ne renvoie à aucune ancre
# `found` : ce qu'est la clé, un message data-found-…, de genre `found_gender`.
d0601-yaml-key-not-a-name = { $found } { $found_gender ->
        [feminine] trouvée
       *[other] trouvé
    } là où une clé est attendue : une clé doit être un nom
d0601-toml-key-parts = une clé pointée de plus de { $limit } parties
d0601-help-nest-less = imbriquez moins profondément les données
# Ce que JSON attendait, dans data-expected-found.
d0601-json-expected-comma-or-bracket = `,` ou `]`
d0601-json-expected-comma-or-brace = `,` ou `{ "}" }`
d0601-json-expected-comma = `,`
d0601-json-expected-key-or-brace = une clé entre guillemets doubles ou `{ "}" }`
d0601-json-expected-key = une clé entre guillemets doubles
d0601-json-expected-colon = `:` après la clé
# Ce que JSON a trouvé, dans data-expected-found.
d0601-json-found-comment = un commentaire
d0601-json-found-word = un mot
d0601-json-end-of-file = la fin du fichier
d0601-json-end-of-line = la fin de la ligne
d0601-json-unterminated-object = objet non refermé
d0601-json-unterminated-array = tableau non refermé
d0601-help-json-comma = mettez une virgule entre deux entrées
d0601-help-json-entry = écrivez chaque entrée sous la forme `"clé": valeur`
# `open`, `close` : les délimiteurs, `{` et `}` ou `[` et `]`.
d0601-help-json-never-closed = le `{ $open }` de la ligne { $line }, colonne { $column } n'est jamais refermé : ajoutez son `{ $close }`
d0601-help-json-no-comments = JSON n'admet pas de commentaires : supprimez-le
d0601-help-json-trailing-comma = supprimez la virgule après le dernier élément
d0601-help-json-quoted-keys = écrivez les clés entre guillemets doubles, comme `"region"`
d0601-help-json-double-quotes = écrivez les chaînes entre guillemets doubles
d0601-help-json-one-descriptor = un fichier JSON contient un seul descripteur ; pour plusieurs, écrivez un objet par ligne dans un fichier `.ndjson`
# CSV et TSV.
d0601-csv-no-header = le fichier n'a pas de ligne d'en-tête
d0601-help-csv-header-tabs = la première ligne nomme les colonnes, séparées par des tabulations, comme `id⇥name⇥hosting.region`
d0601-help-csv-header = la première ligne nomme les colonnes, comme `id,name,hosting.region`
d0601-csv-cell-count = { $found ->
        [one] 1 cellule trouvée
       *[other] { $found } cellules trouvées
    } là où { $expected ->
        [one] 1 cellule est attendue
       *[other] { $expected } cellules sont attendues
    } comme dans l'en-tête
# `counts` : d0601-csv-cell-counts.
d0601-csv-cell-counts = l'en-tête a { $header ->
        [one] 1 cellule
       *[other] { $header } cellules
    } et cette ligne { $row ->
        [one] 1 cellule
       *[other] { $row } cellules
    }
d0601-separator-comma = `,`
d0601-separator-semicolon = `;`
d0601-separator-tabs = des tabulations
# `separator`, `found` : des messages d0601-separator-….
d0601-help-csv-row-other-separator = { $counts } : l'en-tête sépare les cellules par { $separator }, mais cette ligne par { $found } ; employez { $separator } sur toutes les lignes
d0601-help-csv-quote-tab = { $counts } : mettez entre guillemets les cellules qui contiennent une tabulation, comme `"Paris⇥France"`
d0601-help-csv-quote-semicolon = { $counts } : mettez entre guillemets les cellules qui contiennent un point-virgule, comme `"RGAA;RGPD"`
d0601-help-csv-quote-comma = { $counts } : mettez entre guillemets les cellules qui contiennent une virgule, comme `"Paris, France"`
d0601-help-csv-empty-cells-tab = { $counts } : donnez une cellule à chaque colonne, laissée vide (deux tabulations de suite) là où il n'y a pas de valeur
d0601-help-csv-empty-cells-semicolon = { $counts } : donnez une cellule à chaque colonne, laissée vide (`;;`) là où il n'y a pas de valeur
d0601-help-csv-empty-cells-comma = { $counts } : donnez une cellule à chaque colonne, laissée vide (`,,`) là où il n'y a pas de valeur
d0601-csv-unclosed-quote = le `"` qui ouvre cette cellule n'est jamais refermé
d0601-help-csv-close-quote = refermez le guillemet à la fin de la cellule ; un `"` à l'intérieur d'une cellule entre guillemets s'écrit deux fois, `""`
d0601-csv-header-other-separator = l'en-tête n'a qu'une colonne, mais son nom contient { $found }
d0601-help-csv-save-as-csv = ce fichier sépare ses { $count } colonnes par { $found }, et non par { $separator } : enregistrez-le en CSV (`.csv`), dont le séparateur est déduit de l'en-tête
d0601-csv-unnamed-column = la valeur `{ $value }` est dans une colonne sans nom dans l'en-tête (colonne { $column })
d0601-help-csv-name-column = nommez la colonne dans la ligne d'en-tête, comme `hosting.region`, ou laissez ses cellules vides
# La feuille questionnaire d'un classeur : le chemin d'un champ en colonne A, sa valeur en colonne B.
d0601-questionnaire-value-without-path = la valeur `{ $value }` n'a pas de chemin de champ en colonne A
d0601-help-questionnaire-path = écrivez le chemin du champ, comme `hosting.region`, en colonne A
d0601-questionnaire-empty = le questionnaire ne donne aucun champ : ses lignes sous la première sont vides
d0601-help-questionnaire-rows = donnez le chemin de chaque champ en colonne A et sa valeur en colonne B

## Les colonnes d'un fichier CSV ou d'une feuille de classeur auxquelles les champs du jeu de clauses ne correspondent pas.

d0602-csv-column-names-record = la colonne `{ $column }` désigne un enregistrement, et non une valeur
d0602-help-csv-column-per-field = donnez une colonne à chacun de ses champs, comme `{ $column }.…`
d0602-csv-record-list = `{ $field }` est une liste d'enregistrements, qu'une cellule { $format } ne peut pas contenir
d0602-help-csv-record-list-elsewhere = décrivez `{ $field }` dans un descripteur JSON, YAML ou TOML
# `elsewhere` : d0602-help-csv-record-list-elsewhere.
d0602-help-csv-empty-record-list = écrivez `[]` quand la liste est vide ; sinon, { $elsewhere }
d0602-csv-claim-part-missing = la revendication d'équivalence de `{ $field }` ne donne pas `{ $column }`
d0602-help-csv-claim-parts = une revendication nomme ce qui est revendiqué comme équivalent, qui l'a délivré et le document qui le prouve : remplissez les trois colonnes `{ $field }.$equivalent.label`, `.issuer` et `.document`, ou aucune
d0604-csv-column-undeclared = la colonne `{ $column }` n'est pas un champ déclaré par le jeu de clauses
d0606-csv-column-twice = la colonne `{ $column }` est donnée deux fois
d0606-help-csv-column-once = donnez chaque colonne une seule fois
