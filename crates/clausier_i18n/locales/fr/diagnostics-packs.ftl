## Un jeu de clauses qui ne peut pas être chargé (E08) : ses fichiers, son manifeste
## `pack.toml`, ses dépendances, son verrou `pack.lock` et sa signature.

e08-cannot-read = impossible de lire `{ $path }` : { $reason }
e08-cannot-write = impossible d'écrire `{ $path }` : { $reason }
e08-not-utf8 = `{ $path }` n'est pas un texte UTF-8 valide
e08-too-large = `{ $path }` est trop volumineux ({ $size } octets)
e08-outside-workspace = `{ $path }` mène hors de l'espace de travail, vers `{ $target }`
# `kind` est l'un des messages e08-kind-….
e08-not-a-regular-file = `{ $path }` n'est pas un fichier ordinaire : c'est { $kind }
e08-kind-folder = un dossier
e08-kind-fifo = un tube nommé (FIFO)
e08-kind-device = un périphérique
e08-kind-socket = une socket
e08-kind-other = autre chose qu'un fichier ordinaire
# `limit` est une taille telle que `16 MiB` ou un message e08-size-in-bytes.
e08-over-limit = `{ $path }` dépasse la limite de { $limit } d'un fichier de jeu de clauses ({ $size } octets)
e08-size-in-bytes = { $size } octets
e08-invalid-file-limit = `{ $value }` n'est pas une taille valable pour `{ $variable }`
e08-not-a-clause-file = `{ $path }` n'est pas un fichier `.clause`
e08-no-clause-files = aucun fichier `.clause` dans `{ $path }`
e08-single-file-lock = `{ $path }` est un fichier de clauses isolé, qui n'a pas de `pack.lock`
e08-lock-missing = `{ $path }` n'existe pas
e08-test-file-absolute = le fichier de test `{ $path }` est un chemin absolu
e08-label-here = ici
e08-label-test-reads-file = le test lit ce fichier

e08-help-cannot-read = vérifiez le chemin : un jeu de clauses est un dossier de fichiers `.clause`, ou un seul fichier `.clause`, et un lien doit mener à un fichier existant
e08-help-not-utf8 = enregistrez le fichier avec l'encodage UTF-8
e08-help-too-large = un fichier de clauses ou un manifeste contient au plus 4 Gio
e08-help-outside-workspace = un jeu de clauses ne lit que les fichiers de son espace de travail, le dépôt Git qui contient le jeu racine (ou, hors d'un dépôt, le dossier qui le contient) : copiez le fichier dans le jeu de clauses
e08-help-not-a-regular-file = les fichiers d'un jeu de clauses sont des fichiers ordinaires : remplacez cette entrée par le fichier lui-même
e08-help-over-limit = si le fichier doit vraiment être aussi volumineux, relevez la limite : `{ $variable }={ $limit }`
e08-help-invalid-file-limit = indiquez un nombre d'octets ou une taille telle que `64MiB` (4 Gio au plus) ; la limite par défaut est { $default }
e08-help-not-a-clause-file = indiquez le dossier du jeu de clauses, ou un seul fichier dont le nom se termine par `.clause`
e08-help-no-clause-files = ajoutez un fichier `.clause` ; les dossiers cachés et les dossiers `target` ne sont pas parcourus
e08-help-single-file-lock = placez le fichier dans un dossier avec un `pack.toml`, et verrouillez le dossier
e08-help-lock-missing = `--frozen` n'écrit pas le verrou : lancez `{ $command }` et enregistrez `pack.lock` dans le dépôt
e08-help-test-file-absolute = nommez le fichier par rapport au fichier de clauses, à l'intérieur du jeu de clauses

## Les mots que toutes les tables d'un manifeste emploient.

e08-label-invalid-toml = TOML invalide
# Les mots du lecteur TOML, en anglais.
e08-invalid-toml = TOML invalide : { $reason }
e08-label-unknown-key = clé inconnue
# `name` : ce qui était sans doute voulu, tel qu'il s'écrit.
e08-help-did-you-mean = vouliez-vous écrire `{ $name }` ?
# `found` est l'un des messages e08-toml-….
e08-must-be-string = `{ $key }` doit être une chaîne de caractères, pas { $found }
e08-must-be-string-list = `{ $key }` doit être une liste de chaînes de caractères, pas { $found }
# `what` nomme la table (`[dependencies]`, une dépendance).
e08-must-be-table = { $what } doit être une table, pas { $found }
e08-label-expected-table = une table est attendue
e08-toml-string = une chaîne de caractères
e08-toml-integer = un nombre entier
e08-toml-number = un nombre
e08-toml-boolean = un booléen
e08-toml-date = une date
e08-toml-list = une liste
e08-toml-table = une table

## Le manifeste `pack.toml` (E0801).

e0801-help-manifest-is-toml = un manifeste est un fichier TOML avec une table `[pack]`
e0801-empty-name = le nom du jeu de clauses est vide
e0801-label-empty-name = nom vide
e0801-help-empty-name = nommez le jeu de clauses, par exemple `name = "edtech-fr"`
e0801-not-a-version = `{ $version }` n'est pas un numéro de version
e0801-label-not-a-version = MAJEURE.MINEURE.CORRECTIF attendu
e0801-help-not-a-version = écrivez une version en trois nombres, par exemple `1.0.0` ou `2.1.0-beta.1`
e0801-unknown-pack-key = clé `{ $key }` inconnue dans `[pack]`
# `keys` : les clés, entre accents graves, séparées par des virgules.
e0801-help-pack-keys = les clés de `[pack]` sont { $keys }
e0801-unknown-table = table `[{ $table }]` inconnue
e0801-label-unknown-table = table inconnue
e0801-help-tables = un manifeste a les tables `[pack]`, `[dependencies]`, `[params]`, `[workspace]` et `[document]`
e0801-help-dependency = déclarez une dépendance ainsi : `edtech-fr = {"{"} path = "../edtech-fr", version = "^1.0" {"}"}`
e0801-a-dependency = une dépendance
e0801-dependency-without-path = la dépendance `{ $name }` n'a pas de chemin
e0801-label-version-alone = une version seule ne dit pas où se trouve le jeu de clauses
e0801-help-dependency-by-path = les jeux de clauses se trouvent par leur chemin : `{ $name } = {"{"} path = "../{ $name }", version = "{ $version }" {"}"}`
e0801-dependency-not-table = la dépendance `{ $name }` doit être une table, pas { $found }
e0801-label-expected-dependency-table = `{"{"} path = …, version = … {"}"}` attendu
e0801-empty-path = le chemin de `{ $name }` est vide
e0801-label-empty-path = chemin vide
e0801-help-empty-path = indiquez le dossier du jeu de clauses, relatif à ce `pack.toml`
e0801-not-a-requirement = `{ $text }` n'est pas une exigence de version
e0801-help-requirement = écrivez une exigence telle que `^1.0` (de 1.0.0 jusqu'à 2.0.0 exclu), `~1.2` (1.2.x) ou `=1.2.3`
e0801-not-a-key = `{ $text }` n'est pas une clé d'éditeur
e0801-help-pin-key = épinglez la clé que donne l'éditeur, telle que `clausier pack keygen` l'écrit dans son fichier `.pub` : `key = "ed25519:…"`
e0801-unknown-dependency-key = clé `{ $key }` inconnue dans la dépendance `{ $name }`
e0801-help-dependency-keys = une dépendance a les clés `path`, `version` et `key`
e0801-label-path-missing = `path` manque
e0801-help-path = indiquez le dossier du jeu de clauses, relatif à ce `pack.toml` : `path = "../{ $name }"`
e0801-help-params = modifiez le paramètre d'une dépendance dans une table qui porte son nom : `[params.edtech-fr]` puis `max_price = "5.50 €"`
e0801-param-outside-table = `{ $key }` sous `[params]` doit être une table qui porte le nom d'une dépendance
e0801-label-not-dependency-table = ce n'est pas la table d'une dépendance
e0801-a-params-table = une table `[params]`
e0801-out-of-range = `{ $name }` est hors des limites
e0801-label-out-of-range = ce n'est pas un nombre décimal que Clausier peut représenter
e0801-help-decimal = écrivez le nombre en base dix
e0801-not-a-number = `{ $name }` n'est pas un nombre que Clausier peut représenter
e0801-label-not-finite = ce n'est pas un nombre décimal fini
e0801-help-decimal-example = écrivez le nombre en base dix, par exemple `4.5`
e0801-param-has-time = `{ $name }` comporte une heure
e0801-label-date-and-time = une date et une heure
e0801-help-date-param = un paramètre `date` est un jour, par exemple `2027-01-12`
e0801-param-is-array = `{ $name }` est un tableau TOML
e0801-label-toml-array = un tableau TOML
e0801-help-list-in-string = écrivez une liste comme dans un fichier de clauses, dans une chaîne : `'["CSV", "JSON"]'` ou `"[EU, EEA]"`
e0801-param-is-table = `{ $name }` est une table
e0801-help-param-value = la valeur d'un paramètre est une chaîne écrite comme dans un fichier de clauses (`"5.50 €"`), un nombre ou un booléen

## Les clés et les signatures (E0810 à E0813).

e08-key-prefix = une clé publique commence par `ed25519:`
e08-key-not-32-bytes = la clé qui suit `ed25519:` ne fait pas 32 octets en base64
e08-key-not-ed25519 = la clé qui suit `ed25519:` n'est pas une clé publique Ed25519
# `what` est l'un des messages ci-dessous, au sujet du fichier `path`.
e08-key-file = `{ $path }` { $what }
e08-not-secret-key-file = n'est pas un fichier de clé secrète : il n'a pas de ligne `ed25519-secret:`
e08-not-public-key-file = n'est pas un fichier de clé publique : il n'a pas de ligne `ed25519:`
e08-no-valid-key = ne contient aucune clé valable : { $reason }
e08-help-key-file = indiquez un fichier de clé écrit par `clausier pack keygen`, sans modification
e08-not-signed = `{ $path }` n'existe pas : le jeu de clauses n'est pas signé
e08-help-not-signed = signez le jeu de clauses avec `clausier pack sign PACK --key FICHIER_DE_CLE_SECRETE`
e08-other-key = le jeu de clauses `{ $pack }` est signé par une autre clé : `{ $key }`
e08-help-other-key = reprenez le jeu de clauses auprès de son éditeur, signé par la clé que vous attendez
e08-changed-since-signed = le jeu de clauses `{ $pack }` a changé depuis sa signature
e08-help-changed-since-signed = reprenez le jeu de clauses auprès de son éditeur ; si vous le publiez, relisez la modification et signez-le de nouveau
e08-single-file-signature = `{ $path }` est un fichier de clauses isolé, qui n'a pas de `pack.sig`
e08-help-single-file-signature = placez le fichier dans un dossier avec un `pack.toml`, et signez le dossier
e08-help-signature-file = `pack.sig` est écrit par `clausier pack sign` : demandez à l'éditeur de signer de nouveau le jeu de clauses
e08-key-not-string = `{ $key }` doit être une chaîne de caractères
e08-signature-key-missing = `pack.sig` n'a pas de `{ $key }`
e08-signature-format = ce `pack.sig` n'est pas au format { $format }
e08-label-unknown-format = format inconnu
e08-label-not-a-key = ce n'est pas une clé
e08-signature-not-64-bytes = la signature ne fait pas 64 octets en base64
e08-label-not-a-signature = ce n'est pas une signature

## Les dépendances (E0802 à E0804, E0808).

e0808-dependency-not-found = la dépendance `{ $name }` est introuvable à `{ $path }`
e0808-help-dependency-path = indiquez le chemin du dossier du jeu de clauses, relatif à ce `pack.toml`
e0808-named-otherwise = le jeu de clauses situé à `{ $path }` s'appelle `{ $name }`, et non `{ $declared }`
e0808-label-declared-as = déclaré sous le nom `{ $declared }`
e0808-help-own-name = déclarez la dépendance sous le nom propre du jeu de clauses : `{ $name } = {"{"} path = "{ $path }" {"}"}`
e0808-not-a-pack = la dépendance `{ $name }` située à `{ $path }` n'est pas un jeu de clauses
e0808-help-not-a-pack = une dépendance est le dossier d'un jeu de clauses : son `pack.toml` et ses fichiers `.clause`
e0808-label-not-a-folder = ce n'est pas un dossier
e0808-label-no-clause-file = aucun fichier `.clause` dans ce dossier
# `cycle` : les noms des jeux de clauses, entre accents graves, reliés par des flèches.
e0802-cycle = les jeux de clauses dépendent les uns des autres en boucle : { $cycle }
e0802-label-depends-here = `{ $pack }` dépend ici de `{ $dependency }`
e0802-help-cycle = retirez l'une de ces dépendances : ce que deux jeux de clauses partagent a sa place dans un troisième, dont ils dépendent tous deux
e0803-version-mismatch = `{ $name }` est en version { $version }, qui ne satisfait pas l'exigence `{ $requirement }`
e0803-label-requires = exige `{ $requirement }`
e0803-help-version = lisez ce qui a changé dans `{ $name }`, puis exigez une version qu'il offre, par exemple `^{ $version }`
e0804-two-versions-of = deux versions du jeu de clauses `{ $pack }` : { $version } dans `{ $path }` et { $other_version } dans `{ $other_path }`
e0804-two-copies-of = deux versions du jeu de clauses `{ $pack }` : { $version } dans `{ $path }`
e0804-label-second-copy = ceci est une seconde copie de `{ $pack }`
e0804-help-same-folder = faites dépendre tous les jeux de clauses du même dossier de `{ $pack }`
e08-pinned-not-signed = la dépendance `{ $name }` est épinglée à une clé, et `{ $path }` n'existe pas
e08-label-must-be-signed = le jeu de clauses doit être signé par cette clé
e08-help-pinned-not-signed = reprenez le jeu de clauses signé auprès de son éditeur, avec son `pack.sig` ; un éditeur le signe avec `{ $command }`
e08-dependency-other-key = la dépendance `{ $name }` est signée par une autre clé : `{ $key }`
e08-help-dependency-other-key = reprenez le jeu de clauses auprès de l'éditeur de cette clé ; si l'éditeur a changé de clé, vérifiez la nouvelle avec lui avant de l'épingler
e08-dependency-changed = la dépendance `{ $name }` a changé depuis sa signature
e08-label-signed-by-key = signé par cette clé
e08-help-dependency-changed = reprenez le jeu de clauses auprès de son éditeur ; l'éditeur qui a fait la modification la relit et signe de nouveau avec `{ $command }`
e08-dependency-outside = la dépendance `{ $name }` est hors de l'espace de travail
e08-label-leads-out = ce chemin mène hors de l'espace de travail
e08-help-dependency-outside = l'espace de travail est le dépôt Git qui contient le jeu racine (ou, hors d'un dépôt, le dossier qui le contient) : copiez-y la dépendance et indiquez un chemin à l'intérieur

## Le verrou `pack.lock` (E0806, E0807).

e08-lock-out-of-date-plain = le verrou n'est plus à jour
# `reason` est l'une des différences e08-lock-….
e08-lock-out-of-date = `pack.lock` n'est plus à jour : { $reason }
e08-label-locked-here = verrouillé ici
e08-help-frozen = `--frozen` ne réécrit pas le verrou : lancez `{ $command }`, relisez la modification et enregistrez `pack.lock` dans le dépôt
e08-help-accept-lock = relisez la modification, puis lancez `{ $command }` pour l'accepter
# Deux différences dites l'une après l'autre.
e08-lock-and-then = { $first } ; { $then }
e08-lock-not-locked = le jeu de clauses `{ $pack }` n'est pas dans `pack.lock`
e08-lock-version = le jeu de clauses `{ $pack }` est en version { $version }, et `pack.lock` indique { $locked }
e08-lock-path = le jeu de clauses `{ $pack }` se trouve à `{ $path }`, et `pack.lock` indique `{ $locked }`
e08-lock-changed = le jeu de clauses `{ $pack }` a changé depuis l'écriture de `pack.lock`
# `changes` : les messages e08-lock-file-…, reliés par e08-lock-list.
e08-lock-files-changed = le jeu de clauses `{ $pack }` a changé depuis l'écriture de `pack.lock` : { $changes }
e08-lock-list = { $first }, { $then }
e08-lock-file-changed = `{ $path }` a été modifié
e08-lock-file-added = `{ $path }` a été ajouté
e08-lock-file-removed = `{ $path }` a été supprimé
e08-lock-dependencies-changed = les dépendances du jeu de clauses `{ $pack }` ont changé depuis l'écriture de `pack.lock`
e08-lock-no-longer-dependency = le jeu de clauses `{ $pack }` figure dans `pack.lock` mais n'est plus une dépendance
e08-help-lock-file = `pack.lock` est écrit par `clausier lock` : lancez-le pour réécrire le fichier
e08-lock-format = ce `pack.lock` n'est pas au format { $format }
e08-lock-key-missing = `pack.lock` n'a pas de `{ $key }`
e08-lock-pack-not-list = `pack` doit être une liste de tables `[[pack]]`
e08-lock-entry-not-table = une entrée de `pack` doit être une table
e08-lock-entry-key-missing = une entrée `[[pack]]` n'a pas de `{ $key }`
e08-lock-dependencies-not-list = `dependencies` doit être une liste de chaînes de caractères
e08-lock-files-not-table = `files` doit être une table d'empreintes de fichiers

## La table `[document]` du dossier de consultation (E0814 à E0816).

e0815-help-document = décrivez la consultation dans `[document]` puis `title = "…"`, `buyer = "…"`, `deadline = 2027-03-15`…
e0814-unknown-key = clé `{ $key }` inconnue dans `[document]`
e0814-help-keys = les clés de `[document]` sont { $keys }
e0816-deadline-before-launch = la date limite de remise des offres, { $deadline }, précède le lancement, { $launch }
e0816-label-before-launch = avant `launch`
e0816-help-dates = les offres sont reçues après le lancement de la procédure : vérifiez les deux dates de `[document]`
e0815-empty = `{ $name }` est vide
e0815-label-empty = texte vide
# `meaning` est l'un des messages e0815-meaning-….
e0815-help-empty = écrivez { $meaning } tel qu'il sera imprimé, ou retirez la clé
e0815-label-expected-string = une chaîne de caractères est attendue
e0815-help-quotes = écrivez { $meaning } entre guillemets droits : `{ $name } = "…"`
e0815-meaning-title = l'intitulé de la consultation
e0815-meaning-buyer = le nom de l'acheteur
e0815-meaning-object = l'objet du marché
e0815-meaning-procedure = la procédure
e0815-meaning-value = la valeur
e0815-not-a-day = `{ $name }` n'est pas un jour du calendrier
e0815-label-no-such-day = ce jour n'existe pas
e0815-help-day = écrivez un jour sous la forme ANNÉE-MOIS-JOUR : `{ $example }`
e0815-help-day-alone = indiquez le jour seul : `{ $example }`
e0815-date-not-toml-date = `{ $name }` doit être une date TOML, pas { $found }
e0815-help-without-quotes = écrivez la date sans guillemets : `{ $name } = { $text }`
e0815-help-day-without-quotes = écrivez un jour sous la forme ANNÉE-MOIS-JOUR, sans guillemets : `{ $example }`
e0815-label-expected-date = une date est attendue
e0815-help-language = `language` vaut `"fr"` (français) ou `"en"` (anglais)
e0815-not-a-language = `{ $text }` n'est pas une langue de `clausier render`
e0815-label-fr-or-en = `fr` ou `en` attendu
e08-label-expected-list = une liste est attendue
e08-toml-strings = chaînes de caractères
e08-toml-integers = nombres entiers
e08-toml-numbers = nombres
e08-toml-booleans = booléens
e08-toml-dates = dates
e08-toml-lists = listes
e08-toml-tables = tables

## Les lots de `[document]`.

e0815-help-lots = énumérez les lots dans l'ordre : `lots = [{"{"} id = "1", title = "Espace numérique de travail" {"}"}, {"{"} id = "2", title = "Ressources pédagogiques" {"}"}]`
e0815-lots-not-list = `lots` doit être une liste, pas { $found }
e0815-lot-empty-title = un lot a un intitulé vide
e0815-lot-empty-id = un lot a un identifiant vide
e0814-help-lot-keys = un lot a les clés `id` et `title`
e0814-unknown-lot-key = clé `{ $key }` inconnue dans un lot de `[document]`
e0815-lot-key-missing = un lot n'a pas de `{ $key }`
e0815-label-key-missing = pas de `{ $key }`
e0815-lot-not-table = un lot doit être une table avec `id` et `title`, pas { $found }
e0815-lot-id-twice = deux lots ont l'identifiant `{ $id }`
e0815-label-id-taken = déjà l'identifiant d'un lot précédent
e0815-help-id-taken = chaque lot a son propre identifiant : `{ $id }` est déjà « { $title } »
e0815-lot-key-not-string = le `{ $key }` d'un lot doit être une chaîne de caractères, pas { $found }
e0815-help-lot-quotes = écrivez-le entre guillemets droits : `{ $key } = "…"`

## La table `[workspace]`.

e0801-help-workspace = déclarez les descripteurs sur lesquels vérifier le jeu de clauses dans `[workspace]` puis `descriptors = ["examples/**/*.json"]`
e0801-unknown-workspace-key = clé `{ $key }` inconnue dans `[workspace]`
e0801-help-workspace-keys = `[workspace]` a une seule clé, `descriptors` : une liste de motifs
# `found` est l'un des messages e08-toml-… au pluriel.
e0801-descriptors-not-strings = `descriptors` doit être une liste de chaînes de caractères, pas de { $found }
e0801-empty-pattern = un motif de descripteurs est vide
e0801-label-empty-pattern = vide
e0801-pattern-not-relative = `{ $pattern }` n'est pas relatif au dossier du jeu de clauses
e0801-label-pattern-not-relative = écrivez un chemin séparé par des `/`, relatif à ce `pack.toml`
e0801-pattern-not-glob = `{ $pattern }` n'est pas un motif valable

## La valeur d'un paramètre fixée dans `[params]`.

e08-param-extra-text = texte inattendu après la valeur
e08-label-param-extra-text = ceci ne fait pas partie de la valeur
e08-help-param-one-expression = la valeur d'un paramètre est une seule expression, par exemple `"5.50 €"`
