## The lints drawn from procurement law (W05, `law/`).

# How a message names a lot's grid, after the words it qualifies; nothing for a contract
# in one piece. `title` is the lot's title as `pack.toml` gives it.
law-grid-of-lot = { " " }of lot `{ $lot }` ({ $title })
law-not-environmental = not environmental
# `date` is written as `2027-01-04`.
law-launched-on = the procedure is launched on { $date }
law-no-launch-date = no launch date is given (`[document] launch` in `pack.toml`): the procedure is taken to be launched now

# `grid` is law-grid-of-lot, or nothing.
w0506-no-environmental-criterion = no award criterion{ $grid } takes the environment into account
w0506-criteria-summary = { $count ->
        [one] the only criterion does not take the environment into account
       *[other] none of the { $count } criteria takes the environment into account
    }
w0506-lot-grid-note = each lot is awarded on its own grid (CCP L2113-10): the criteria without `lots` and those naming the lot
w0506-law-note = Code de la commande publique L2111-2 and loi n° 2021-1104 (Climat et résilience) art. 35: a procedure launched from 2026-08-22 has at least one award criterion that takes the environmental characteristics of the offer into account
w0506-what-counts-note = a criterion counts as environmental when its id or title names the environment (`ENV`, environnement, écoconception, RGESN, carbone, climat, durabilité…) or its score reads a field of an `env` or `environnement` record
w0506-help = add a criterion such as `criterion ENV "Écoconception (RGESN)" weight 10 { "{" } text "…" score env.rgesn_priority_met / 30 { "}" }` and adjust the other weights

# `grid` is law-grid-of-lot, or nothing.
w0513-no-environmental-condition = no execution condition{ $grid } takes the environment into account
w0513-condition-not-environmental = this execution condition does not take the environment into account
w0513-no-execution-condition = this tender's grid is ready, and none of its requirements is an execution condition (`level execution`)
w0513-lot-no-execution-condition = the grid of lot `{ $lot }` is ready, and none of its requirements is an execution condition (`level execution`)
w0513-lot-contract-note = each lot is a contract of its own (CCP L2113-10): its execution conditions are those without `lots` and those naming the lot
w0513-law-note = Code de la commande publique L2112-2 and loi n° 2021-1104 (Climat et résilience) art. 35: the contracts of a procedure launched from 2026-08-22 include at least one execution condition that takes the environment into account
w0513-what-counts-note = an execution condition counts as environmental when its id or title names the environment (`ENV`, environnement, écoconception, RGESN, carbone, climat, durabilité…) or its `require` or `when` reads a field of an `env` or `environnement` record
w0513-help = add a requirement with `level execution` that the candidate commits to, such as `requirement ENV-02 "Sobriété numérique" { "{" } level execution text "…" require env.rgesn_commitment { "}" }`

# `lots` is each lot's id in backticks and title in brackets, joined by commas; `count`
# how many (0 in a contract in one piece).
w0509-unscored-should = the `should` requirement `{ $id }` is not scored by any criterion{ $count ->
        [0] {""}
        [one] { " " }of lot { $lots }
       *[other] { " " }of lots { $lots }
    }
w0509-unscored-should-label = desirable, but no criterion weighs it
w0509-declared-here = declared here
w0509-unscored-should-note = an element appreciated without a published weight is an unpublished award criterion (CE 18/06/2010 Commune de Saint-Pal-de-Mons; CCP R2152-11)
w0509-unscored-should-help = score it in a criterion, as `score if passed({ $id }) then 1 else 0`, or declare `level info` if it is information only

w0510-requirement-without-text = requirement `{ $id }` has no `text`
w0510-requirement-without-text-label = this requirement would be published without its legal text
w0510-requirement-without-text-help = write the clause as the tender will publish it: `text "Le candidat …"`
w0510-criterion-without-text = criterion `{ $id }` has no `text`
w0510-criterion-without-text-label = the published grid would not say how this criterion is scored
w0510-criterion-without-text-help = write how it is scored, as the tender will publish it: `text "Note = … × 40."` (CCP R2152-11: the criteria and how they are applied are published)
w0510-render-refuses-note = `clausier render` refuses a pack with a clause without text, unless `--draft`

# `level` is `must` or `should`.
w0514-titulaire = the `{ $level }` requirement `{ $id }` speaks of « titulaire » at bid stage
w0514-titulaire-label = there is no holder of the contract yet when offers are checked
w0514-checked-on-the-offer = a `{ $level }` requirement is checked on the offer
w0514-titulaire-note = at bid stage the parties are « le candidat » or « le soumissionnaire »; « le titulaire » holds the contract once it is awarded
w0514-titulaire-help = write « le candidat » (or « le soumissionnaire »); if this is an obligation of the contract the candidate commits to, make it `level execution`

w0507-label-without-equivalent = requirement `{ $id }` demands a label or certification without accepting an equivalent
# `name` is the field or the text in `require` that names the label.
w0507-names-a-label = `{ $name }` names a label; every way to meet `require` needs a label
w0507-this-names-a-label = this names a label; every way to meet `require` needs a label
w0507-no-equivalent-mentioned = neither the title, the text nor the doc comment of this requirement mentions an equivalent
w0507-law-note = Code de la commande publique R2111-12 to R2111-17: a buyer who asks for a label accepts every label that confirms equivalent requirements, and other appropriate evidence from a candidate who could not obtain it in time for reasons not its own
w0507-help = accept an alternative in `require` (`… or security.equivalent_expires >= today`) and write « ou équivalent » in the text; if the law itself imposes this certification, say so in a line `no_equivalent "reason"`

# `replacement` is the French words the text should say, such as « déclarée irrégulière ».
w0515-set-aside = the requirement `{ $id }` says an offer that fails it is set aside
w0515-set-aside-label = an offer that fails a specification is « irrégulière »
w0515-set-aside-note = an offer that does not meet the specifications is « irrégulière » (CCP L2152-2); in some procedures the buyer may ask for it to be regularised (R2152-2) before setting it aside
w0515-set-aside-help = write « { $replacement } »; say, if the procedure allows it, that the buyer may ask for the offer to be regularised
w0515-write = write « { $replacement } »
w0516-no-equivalent-without-label = requirement `{ $id }` admits no equivalent but demands no label nor certification
w0516-changes-nothing = this line changes nothing: no equivalent is examined on this requirement
w0516-no-label-read = no label is needed to meet this condition
w0516-help = remove the `no_equivalent` line; it serves only a requirement demanding a certification the law imposes

## Values written in texts instead of the parameters that hold them.

# `field` is `text`, `note` or `ref`; `which` is `default` when the parameter keeps its
# default value, `overridden` when an override gives it another.
w0511-literal-value = the `{ $field }` of `{ $id }` writes { $which ->
        [default] the value
       *[other] a value
    } of `{ $name }` instead of naming it
w0511-literal-value-label = `{ $written }` is { $which ->
        [default] the value
       *[other] a value
    } of `{ $name }`, which this clause reads
# `default` and `effective` are values as a clause writes them.
w0511-default-and-effective = `{ $name }` is { $default } by default and { $effective } in effect
w0511-ref-help = a reference names a source; give the threshold in the `text`, as `{ "{" }{ $name }{ "}" }`, which publishes the value in effect ({ $effective })
w0511-help = write `{ "{" }{ $name }{ "}" }`: the published text then shows the value in effect ({ $effective }), also after a pack that uses this one sets another

# `value` is a value as a clause writes it.
w0512-override-not-shown = the text of `{ $id }` does not show `{ $name }`, which `{ $pack }` sets to { $value }
w0512-override-not-shown-label = published as it is, this text does not give the value of `{ $name }` in effect, { $value }
w0512-set-here = `{ $name }` is set here
w0512-help = write `{ "{" }{ $name }{ "}" }` where the text gives this threshold: it is published with the value in effect

## Clauses that judge the operator rather than the offer (W0508).

w0508-requirement-judges-operator = requirement `{ $id }` judges the operator's seat, nationality or ownership
w0508-criterion-scores-operator = criterion `{ $id }` scores the operator's seat, nationality or ownership
# `level` is `must` or `execution`.
w0508-requirement-excludes = a `{ $level }` requirement excludes every offer that fails it
w0508-should-scored = a `should` requirement is scored in the award
w0508-criterion-linked-to-object = an award criterion must be linked to the object of the contract
w0508-field-about-operator = `{ $field }` says where an operator is established, its nationality or who owns it, not what the service does
w0508-equal-treatment-note = equal treatment: TFEU art. 18 prohibits discrimination on grounds of nationality, and directive 2014/24/EU art. 18 requires treating economic operators equally and without discrimination; the CJEU (Kolin, C-652/22, 22/10/2024) only lets buyers treat differently operators from third countries without a procurement agreement with the EU
w0508-award-criteria-note = Code de la commande publique L2152-7 and R2152-7: award criteria are linked to the object of the contract or its conditions of execution, and do not give the buyer an unrestricted freedom of choice
w0508-help = judge the service, not the company: where the data are hosted, who may access them and from where, a qualification such as SecNumCloud « ou équivalent », a commitment under GDPR art. 48
