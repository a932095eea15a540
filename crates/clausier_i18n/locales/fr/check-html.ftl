## The HTML check report a buyer hands on: the ranking, then one section per offer.
## Statuses, levels, outcomes and explanations are those of check-report.ftl.

html-title = Rapport de vérification : { $pack } { $version }
html-pack = Jeu de clauses
html-date = Date d'évaluation
html-offers = Offres
html-params = Paramètres
html-ranking = Classement
html-ranking-order = Les offres classées par rang, puis celles qui n'en ont pas.
html-column-rank = Rang
html-column-offer = Offre
html-column-score = Note
html-column-status = Statut
html-details = Détail des offres
html-offer-file = Fichier
html-no-rank = sans rang
html-no-score = sans note
html-reasons = Motifs
html-no-reason = Aucune exigence n'est manquée.
html-other-requirements = Autres exigences
html-criteria = Critères
html-column-criterion = Critère
html-column-weight = Pondération
html-column-points = Points
html-data-problems = Problèmes du fichier de l'offre
html-no-offer-on-lot = Aucune offre ne répond à ce lot.
html-produced-by = Produit par clausier { $version }
html-level-execution = condition d'exécution
