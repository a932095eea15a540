## Les avertissements (W05) : un jeu de clauses qui se compile mais ne dit sans doute pas ce que son auteur voulait dire.

# Le repère sous une condition ou une note qui se réduit à une seule valeur.
w05-not-on-the-offer = ceci ne dépend pas de l'offre

w0501-unused-param = le paramètre `{ $name }` n'est jamais utilisé
w0501-declared-here = déclaré ici
w0501-unused-param-help = utilisez-le dans une clause, ou supprimez-le

# `sum` : un nombre tel qu'une clause l'écrit.
w0502-weights-sum = les pondérations des critères totalisent { $sum }, et non 100
# `title` : le titre du lot tel que `pack.toml` le donne.
w0502-lot-weights-sum = les pondérations des critères du lot `{ $lot }` ({ $title }) totalisent { $sum }, et non 100
w0502-weight = pondération { $weight }
w0502-weights-sum-help = ajustez les pondérations pour que leur somme soit égale à 100 : chacune est la part de la note qu'elle donne
w0502-lot-weights-sum-help = ajustez les pondérations des critères de ce lot (ceux sans `lots` et ceux qui le nomment) pour que leur somme soit égale à 100 : chaque lot est attribué selon sa propre grille

w0503-always-true = l'exigence `{ $id }` est toujours vraie
w0503-always-false = l'exigence `{ $id }` est toujours fausse
w0503-always-true-help = toute offre la satisfait : comparez un champ du descripteur avec le seuil
w0503-always-false-help = aucune offre ne peut la satisfaire : comparez un champ du descripteur avec le seuil

w0504-when-always-true = le `when` de l'exigence `{ $id }` est toujours vrai
w0504-when-always-false = le `when` de l'exigence `{ $id }` est toujours faux
w0504-when-always-true-help = supprimez le `when` : l'exigence s'applique toujours
w0504-when-always-false-help = l'exigence ne s'applique jamais : comparez un champ du descripteur dans le `when`

# `value` : la note telle qu'une clause l'écrit.
w0505-score-out-of-range = la note de `{ $id }` vaut toujours { $value }, hors de l'intervalle de 0 à 1
w0505-score-out-of-range-help = une note est une fraction de 0 à 1 (un pourcentage compte pour sa fraction) ; elle est ramenée dans l'intervalle lors de l'évaluation des offres
