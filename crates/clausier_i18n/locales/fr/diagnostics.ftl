## Les mots autour de chaque diagnostic, puis les diagnostics eux-mêmes par famille.

diagnostic-severity-error = erreur
diagnostic-severity-warning = avertissement
diagnostic-severity-info = remarque
# Avant le conseil d'un diagnostic : `= aide : vouliez-vous dire …`
diagnostic-help = aide : { $help }
# Avant une remarque d'un diagnostic, là où l'éditeur l'affiche sous le message.
diagnostic-note = remarque : { $note }
# Des possibilités dans un message : `a, b ou c`.
diagnostic-alternatives = { $init } ou { $last }
