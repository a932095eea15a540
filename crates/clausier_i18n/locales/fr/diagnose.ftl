# Le diagnostic d'un inventaire (`clausier diagnose`) : terminal, Markdown, page HTML.

diagnose-title = Diagnostic de l'inventaire
diagnose-heading = Diagnostic de l'inventaire selon le pack { $pack } { $version }, au { $date }
diagnose-entries = { $total ->
    [one] { $total } ligne de l'inventaire
   *[other] { $total } lignes de l'inventaire
}, { $kept ->
    [one] { $kept } retenue
   *[other] { $kept } retenues
}, { $left ->
    [0] aucune laissée de côté
    [one] { $left } laissée de côté
   *[other] { $left } laissées de côté
}
diagnose-indicators = Indicateurs
diagnose-total = Total
diagnose-share = Part
diagnose-group = Groupe
diagnose-value = Valeur
diagnose-lines = Lignes
diagnose-absent = non renseigné
diagnose-unknown = inconnu
diagnose-unknown-because = inconnu : { $reasons }
diagnose-priorities = Priorités
diagnose-rank = Rang
diagnose-entry = Ligne
diagnose-risk = Risque
diagnose-spend = Dépense annuelle
diagnose-ends = Fin du contrat
diagnose-window = Fenêtre de changement
diagnose-priority = Priorité
diagnose-window-now = dans la fenêtre
diagnose-window-next = dans la fenêtre suivante
diagnose-window-later = plus tard
diagnose-factors = risque { $risk } × dépense { $spend } × proximité { $nearness }
diagnose-unranked = Lignes sans priorité
diagnose-unranked-because = { $entry } : inconnu, faute de { $missing }
diagnose-no-priority = Aucune ligne n'a de priorité.
diagnose-more-priorities = { $count ->
    [one] … et { $count } autre ligne classée
   *[other] … et { $count } autres lignes classées
}
diagnose-left-out = Lignes laissées de côté
diagnose-left-out-none = Aucune ligne n'est laissée de côté : toutes les lignes de l'inventaire respectent le schéma.
diagnose-left-out-intro = Ces lignes ne respectent pas le schéma du pack ; elles ne comptent dans aucun indicateur ni aucune priorité :
diagnose-at = ligne { $line }, colonne { $column }
diagnose-alternatives = Solutions du catalogue
diagnose-alternatives-none = Aucune solution du catalogue dans ces catégories.
diagnose-not-checked = non vérifiée : aucun pack demandé (--against)
diagnose-matrix = Matrice
diagnose-timeline = Fenêtres de changement de fournisseur
diagnose-timeline-intro = Chaque ligne qui a une fin de contrat : une barre de la date du diagnostic à la fin du contrat, de la couleur de sa fenêtre de changement.
diagnose-chart-of = Graphique : { $title }
diagnose-figures = Les chiffres du graphique
