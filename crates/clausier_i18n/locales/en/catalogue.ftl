# The catalogue of solutions of `clausier catalogue` (HTML page).

catalogue-title = Catalogue of solutions
catalogue-packs = Packs
catalogue-pack-count = { $satisfied } of { $total } { $total ->
    [one] solution satisfies it
   *[other] solutions satisfy it
}
catalogue-solutions = Solutions
catalogue-solution-count = { $count ->
    [one] { $count } solution
   *[other] { $count } solutions
}
catalogue-search = Search
catalogue-category = Category
catalogue-any-category = all
catalogue-pack-filter = Pack
catalogue-any-pack = all solutions
catalogue-satisfies = satisfies the pack { $pack }
catalogue-no-match = No solution matches these filters.
catalogue-licence = Licence
catalogue-free-software = free software
catalogue-maintenance = Maintenance
catalogue-categories = Categories
catalogue-satisfied = satisfies the pack { $pack }
catalogue-not-satisfied = does not satisfy the pack { $pack }
