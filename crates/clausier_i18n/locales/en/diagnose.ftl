# The diagnosis of an inventory (`clausier diagnose`): terminal, Markdown, HTML page.

diagnose-title = Diagnosis of the inventory
diagnose-heading = Diagnosis of the inventory by the pack { $pack } { $version }, on { $date }
diagnose-entries = { $total ->
    [one] { $total } line of the inventory
   *[other] { $total } lines of the inventory
}, { $kept } kept, { $left } left out
diagnose-indicators = Indicators
diagnose-total = Total
diagnose-share = Share
diagnose-group = Group
diagnose-value = Value
diagnose-lines = Lines
diagnose-absent = not given
diagnose-unknown = unknown
diagnose-unknown-because = unknown: { $reasons }
diagnose-priorities = Priorities
diagnose-rank = Rank
diagnose-entry = Line
diagnose-risk = Risk
diagnose-spend = Annual spend
diagnose-ends = Contract end
diagnose-window = Window to change
diagnose-priority = Priority
diagnose-window-now = within the window
diagnose-window-next = within the next window
diagnose-window-later = later
diagnose-factors = risk { $risk } × spend { $spend } × nearness { $nearness }
diagnose-unranked = Lines without a priority
diagnose-unranked-because = { $entry }: unknown, for want of { $missing }
diagnose-no-priority = No line has a priority.
diagnose-more-priorities = { $count ->
    [one] … and { $count } more ranked line
   *[other] … and { $count } more ranked lines
}
diagnose-left-out = Lines left out
diagnose-left-out-none = No line is left out: every line of the inventory fits the schema.
diagnose-left-out-intro = These lines do not fit the pack's schema; they count in no indicator and no priority:
diagnose-at = line { $line }, column { $column }
diagnose-alternatives = Solutions of the catalogue
diagnose-alternatives-none = No solution of the catalogue in these categories.
diagnose-not-checked = not checked: no pack asked for (--against)
diagnose-matrix = Matrix
diagnose-timeline = Windows to change supplier
diagnose-timeline-intro = Each line with a contract end: a bar from the date of the diagnosis to the end of the contract, in the colour of its window to change.
diagnose-chart-of = Chart: { $title }
diagnose-figures = The figures of the chart
