## The lints (W05): a pack that compiles but probably does not say what its author meant.

# The label under a condition or a score that folds to one value.
w05-not-on-the-offer = this does not depend on the offer

w0501-unused-param = the parameter `{ $name }` is never used
w0501-declared-here = declared here
w0501-unused-param-help = use it in a clause, or remove it

# `sum` is a number as a clause writes it.
w0502-weights-sum = the criteria weights sum to { $sum }, not 100
# `title` is the lot's title as `pack.toml` gives it.
w0502-lot-weights-sum = the criteria weights of lot `{ $lot }` ({ $title }) sum to { $sum }, not 100
w0502-weight = weight { $weight }
w0502-weights-sum-help = set the weights so that they sum to 100: each is the share of the score it gives
w0502-lot-weights-sum-help = set the weights of the criteria of this lot (those without `lots` and those naming it) so that they sum to 100: each lot is awarded on its own grid

w0503-always-true = requirement `{ $id }` is always true
w0503-always-false = requirement `{ $id }` is always false
w0503-always-true-help = every offer passes it: compare a descriptor field with the threshold
w0503-always-false-help = no offer can pass it: compare a descriptor field with the threshold

w0504-when-always-true = the `when` of requirement `{ $id }` is always true
w0504-when-always-false = the `when` of requirement `{ $id }` is always false
w0504-when-always-true-help = remove `when`: the requirement always applies
w0504-when-always-false-help = the requirement never applies: compare a descriptor field in `when`

# `value` is the score as a clause writes it.
w0505-score-out-of-range = the score of `{ $id }` is always { $value }, outside the range 0 to 1
w0505-score-out-of-range-help = a score is a fraction from 0 to 1 (a percent counts as its fraction); it is clamped when scoring
