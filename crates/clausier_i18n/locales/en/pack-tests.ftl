## `clausier test`: the pack's own tests, for the drafters who run them.

test-passed = ok
test-failed = FAILED
test-at = at { $place }
test-on-date = (on { $date })
test-no-tests = the pack has no tests
test-expectation-kept = ok
test-expectation-broken = failed
test-found = found { $value }
test-offer-is = the offer is { $status }
test-summary = { $total ->
    [one] { $total } test
   *[other] { $total } tests
  }: { $passed } passed, { $failed } failed

## What the check found where an `expect` line looked.
test-found-not-checked = not checked: the data is invalid
test-found-no-requirement = no requirement `{ $id }`
test-found-no-criteria = no score: the pack has no criteria
test-found-no-score = no score: the offer is { $status }

## Why a test could not run.
test-problem-no-given = the test has no `given`: it checks no descriptor
test-problem-not-a-descriptor-file = `{ $path }` is not a descriptor file: name it { $extensions }
test-problem-no-descriptor = `{ $name }` holds no descriptor; a test checks one
test-problem-several-descriptors = `{ $name }` holds { $count } descriptors; a test checks one
test-problem-no-result = the descriptor gave no result
test-problem-not-read = `{ $path }` was not read with the pack

## The coverage of the pack's clauses by its tests (`--coverage`).
test-coverage = coverage
test-coverage-counts = of { $requirements ->
    [one] { $requirements } requirement
   *[other] { $requirements } requirements
  } and { $criteria ->
    [one] { $criteria } criterion
   *[other] { $criteria } criteria
  } by { $tests ->
    [one] { $tests } test
   *[other] { $tests } tests
  }
test-column-requirement = REQUIREMENT
test-column-level = LEVEL
test-column-pass = PASS
test-column-fail = FAIL
test-column-missing = MISSING
test-column-not-applicable = NOT APPLICABLE
test-column-criterion = CRITERION
test-column-weight = WEIGHT
test-column-scored = SCORED
test-cell-expected = expected
test-cell-seen = seen
test-cell-never = no
test-scored-never = no
test-scored-by = yes, { $tests ->
    [one] { $tests } test
   *[other] { $tests } tests
  }
test-legend-expected = an `expect` line checks it
test-legend-seen = a test's offer has it, but no `expect` line checks it
test-legend-never = no test's offer has it
test-all-seen = every requirement is seen to pass and to fail
test-never-seen = never seen: { $outcomes }
