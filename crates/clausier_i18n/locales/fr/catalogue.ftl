# Le catalogue de solutions de `clausier catalogue` (page HTML).

catalogue-title = Catalogue de solutions
catalogue-packs = Jeux de clauses
catalogue-pack-count = { $satisfied } { $satisfied ->
    [one] solution conforme
   *[other] solutions conformes
} sur { $total }
catalogue-solutions = Solutions
catalogue-solution-count = { $count ->
    [one] { $count } solution
   *[other] { $count } solutions
}
catalogue-search = Rechercher
catalogue-category = Catégorie
catalogue-any-category = toutes
catalogue-pack-filter = Jeu de clauses
catalogue-any-pack = toutes les solutions
catalogue-satisfies = satisfait le jeu de clauses { $pack }
catalogue-no-match = Aucune solution ne répond à ces filtres.
catalogue-licence = Licence
catalogue-free-software = logiciel libre
catalogue-maintenance = Maintenance
catalogue-categories = Catégories
catalogue-satisfied = conforme au jeu de clauses { $pack }
catalogue-not-satisfied = non conforme au jeu de clauses { $pack }
