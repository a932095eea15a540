## Les échecs de la commande elle-même (E09) : des arguments qui ne permettent pas de
## lancer l'analyse, des sorties impossibles à écrire.

e09-stdin-twice = `-` est donné deux fois
e09-help-stdin-once = l'entrée standard ne se lit qu'une fois ; donnez `-` une seule fois
e09-no-descriptor-in = aucun descripteur dans `{ $folder }`
# `extensions` : les extensions des descripteurs, telles que d0607-extensions-and les énumère.
e09-help-descriptor-extensions = les descripteurs sont les fichiers dont le nom se termine par { $extensions } ; les fichiers et dossiers cachés sont ignorés
e09-descriptor-is-output = `{ $file }` est à la fois un descripteur à vérifier et la sortie du rapport
e09-help-output-elsewhere = écrivez le rapport dans un autre fichier : celui-ci serait remplacé par le rapport
e09-no-record = aucun descripteur à vérifier : les entrées ne contiennent aucun enregistrement
e09-help-no-record = donnez des fichiers ou des dossiers de descripteurs, ou du NDJSON sur l'entrée standard avec `-` ; un fichier CSV doit avoir une ligne sous son en-tête, un fichier NDJSON une ligne non vide

## Les sorties.

# `reason` : un message d0607-io-…, e09-not-a-file, e09-too-many-links, ou les mots du
# système.
e09-cannot-write = impossible d'écrire `{ $file }` : { $reason }
e09-not-a-file = ce n'est pas un fichier
e09-too-many-links = trop de liens symboliques
e09-help-give-file-name = donnez un nom de fichier, comme `{ $example }`
e09-help-write-to-file = écrivez le rapport dans un fichier, dans un FIFO ou sur la sortie standard avec `-`
e09-help-links-loop = les liens reviennent sur eux-mêmes : donnez le chemin du fichier lui-même
e09-help-check-folder = vérifiez que le dossier existe et que vous avez le droit d'y écrire
e09-cannot-write-stdout = impossible d'écrire sur la sortie standard : { $reason }
# `what` : un message e09-what-….
e09-binary-on-terminal = { $what } ne s'écrit pas dans un terminal
e09-what-questionnaire = un questionnaire Excel
e09-what-workbook = un classeur Excel
e09-what-word-document = un document Word
e09-help-give-output = donnez le fichier à écrire : `--output { $example }` (ou redirigez la sortie standard vers un fichier)

## Les entrées que lit la commande elle-même.

# `reason` : un message d0607-io-…, ou les mots du système.
e09-cannot-read = impossible de lire `{ $file }` : { $reason }
e09-cannot-read-stdin = impossible de lire l'entrée standard : { $reason }
e09-stdin-with-paths = `-` ne peut pas être combiné avec d'autres chemins
e09-help-stdin-alone = mettez en forme l'entrée standard seule : `clausier fmt - < rules.clause`
e09-cannot-format-not-utf8 = impossible de mettre en forme `{ $file }` : ce n'est pas du texte UTF-8
e09-cannot-format-stdin-not-utf8 = impossible de mettre en forme l'entrée standard : ce n'est pas du texte UTF-8
e09-help-save-utf8 = enregistrez le fichier en UTF-8
# `reason` : les mots du formateur.
e09-cannot-format = impossible de mettre en forme `{ $file }` : { $reason }
e09-help-fmt-bug = c'est une anomalie de `clausier fmt` ; signalez-la en joignant le fichier
e09-input-changed = `{ $file }` a changé pendant sa vérification
e09-help-check-a-copy = avec des critères d'attribution, l'entrée est lue plusieurs fois : vérifiez une copie que rien ne modifie
# `reason` : un message d0607-io-…, ou les mots du système.
e09-cannot-spool-stdin = impossible de conserver une copie de l'entrée standard : { $reason }
e09-help-tmpdir = avec des critères d'attribution, l'entrée standard est lue plusieurs fois, depuis un fichier temporaire : donnez à TMPDIR un dossier qui a la place de la contenir

## Les rapports et documents que leur moteur de rendu n'a pas pu écrire ; `reason` donne
## ses propres mots.

# `format` : JSON, NDJSON, CSV, SARIF.
e09-cannot-render-report = impossible d'écrire le rapport en { $format } : { $reason }
e09-cannot-render-workbook = impossible d'écrire le rapport en classeur Excel : { $reason }
e09-cannot-render-diagnostics = impossible d'écrire les diagnostics en JSON : { $reason }
e09-cannot-render-schema = impossible d'écrire le schéma en JSON : { $reason }
e09-cannot-render-questionnaire = impossible d'écrire le questionnaire : { $reason }
e09-cannot-render-award = impossible d'écrire les documents Word : { $reason }
# `files` : les chemins, entre accents graves, séparés par des virgules.
e09-folder-holds-documents = le dossier contient déjà { $files } : rien n'a été écrit
e09-help-force-or-other-folder = donnez `--force` pour les remplacer, ou un autre dossier avec `--output-dir`
e09-cannot-write-into = impossible d'écrire dans `{ $folder }` : { $reason }
e09-cannot-render-tender = impossible d'écrire le document Word : { $reason }

## Ce que `render` refuse de publier (E0817).

# `kind` : `requirement` ou `criterion`, qui choisit les mots.
e0817-no-text-to-publish = { $kind ->
        [criterion] le critère
       *[requirement] l'exigence
    } `{ $id }` n'a pas de `text` à publier
e0817-label-no-legal-text = aucun texte juridique
e0817-help-write-text-or-draft = un cahier des charges publié énonce chaque clause : écrivez son texte juridique avec `text "…"`, ou produisez un document de travail avec `--draft`, qui la signale par « [Texte à rédiger] »

## La ligne finale d'un jeu de clauses refusé : « erreur : impossible de compiler le jeu
## de clauses `edtech-fr` (2 erreurs, 1 avertissement) », après le mot de la gravité.

e09-refusal-colon = {" "}:
# `what` : un message e09-refusal-… ; `errors`, `warnings` : des nombres.
e09-refusal = { $what } le jeu de clauses `{ $pack }` ({ $errors ->
        [one] 1 erreur
       *[other] { $errors } erreurs
    }{ $warnings ->
        [0] {""}
        [one] , 1 avertissement
       *[other] , { $warnings } avertissements
    })
e09-refusal-could-not-compile = impossible de compiler
e09-refusal-cannot-publish = impossible de publier

## `clausier explain` a reçu un code que le catalogue ne connaît pas.

e09-unknown-code = code inconnu `{ $code }`
e09-help-explain-list = `clausier explain --list` donne la liste de tous les codes
e09-help-explain-did-you-mean = vouliez-vous dire `{ $code }` ? `clausier explain --list` donne la liste de tous les codes
# `codes` : les codes, entre accents graves, séparés par des virgules.
e09-help-explain-one-of = vouliez-vous dire l'un de { $codes } ? `clausier explain --list` donne la liste de tous les codes

## Le journal des décisions (`--record`, `clausier log`, `clausier review`)
e09-log-not-a-log = `{ $location }` n'est pas un journal Clausier : { $reason }
e09-help-log-not-a-log = donnez le fichier d'un journal créé par `clausier check --record`, ou un nouveau nom de fichier pour en créer un
e09-log-cannot-connect = impossible de se connecter au serveur PostgreSQL `{ $location }` : { $reason }
e09-help-log-cannot-connect = vérifiez que le serveur tourne, que l'adresse, l'utilisateur et la base de l'URL sont les bons, et que le serveur accepte cet utilisateur
e09-log-missing = le journal `{ $path }` n'existe pas
e09-help-log-missing = un journal est créé par `clausier check … --record { $path }` ; vérifiez le chemin
e09-log-database = le journal n'a pu être lu ou écrit : { $reason }
e09-log-no-run = le journal n'a pas d'exécution n° { $run }
e09-help-log-no-run = `clausier log JOURNAL` liste les exécutions enregistrées et leurs numéros
e09-log-stdin = une offre lue sur l'entrée standard ne peut être enregistrée ni confrontée aux décisions du journal
e09-log-cannot-read = impossible de lire `{ $path }` pour le journal : { $reason }
e09-log-replay-unreadable = l'exécution n° { $run } ne peut être rejouée : ce qu'elle a enregistré est illisible
e09-log-replay-cannot-write = l'exécution n° { $run } ne peut être rejouée : impossible d'écrire ses fichiers dans un dossier temporaire : { $reason }
e09-review-unknown-clause = le jeu de clauses `{ $pack }` n'a pas d'exigence `{ $clause }`
e09-review-no-equivalent = l'exigence `{ $clause }` n'admet aucun équivalent, une décision n'y changerait rien : { $reason }
e09-review-no-label = l'exigence `{ $clause }` n'impose aucun label ni aucune certification : aucun équivalent n'y est examiné, une décision n'y changerait rien
e09-review-one-offer = `{ $path }` doit contenir une seule offre pour qu'une décision la vise ; il en contient { $count }
e09-review-who = qui décide ? donnez `--by NOM` (la variable USER est vide)
