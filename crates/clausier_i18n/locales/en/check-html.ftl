## The HTML check report a buyer hands on: the ranking, then one section per offer.
## Statuses, levels, outcomes and explanations are those of check-report.ftl.

html-title = Check report: { $pack } { $version }
html-pack = Pack
html-date = Date of evaluation
html-offers = Offers
html-params = Parameters
html-ranking = Ranking
html-ranking-order = The offers by rank, then those without one.
html-column-rank = Rank
html-column-offer = Offer
html-column-score = Score
html-column-status = Status
html-details = The offers one by one
html-offer-file = File
html-no-rank = no rank
html-no-score = no score
html-reasons = Reasons
html-no-reason = No requirement is unmet.
html-other-requirements = Other requirements
html-criteria = Criteria
html-column-criterion = Criterion
html-column-weight = Weight
html-column-points = Points
html-data-problems = Problems of the offer's file
html-no-offer-on-lot = No offer bids for this lot.
html-produced-by = Produced by clausier { $version }
html-level-execution = condition of performance
