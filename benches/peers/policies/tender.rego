# The ten clauses of the benchmark's tender, in Rego. Each rule is "pass", "fail" or
# "missing": a clause whose data is absent is "missing", as in Clausier, whatever the rest.
#
# The `some … in` conditions are helper rules: written inline in an `else` chain, a failed
# iteration left the whole chain undefined on regorus 0.14.1's RVM (its interpreter gave
# the `else` value).
package tender

import rego.v1

tier_rank := {"I": 1, "II": 2, "III": 3, "IV": 4}

open_formats := {"CSV", "JSON", "XML", "ODS"}

absent(path) if object.get(input, path, null) == null

heb_01 := "missing" if {
	absent(["hosting", "region"])
} else := "pass" if {
	input.hosting.region in {"EU", "EEA"}
} else := "fail"

gar_01 := "missing" if {
	absent(["gar", "compliant"])
} else := "pass" if {
	input.gar.compliant == true
} else := "fail"

evi_01 := "missing" if {
	absent(["evidence", "tier"])
} else := "pass" if {
	tier_rank[input.evidence.tier] <= tier_rank.II
} else := "fail"

prx_01 := "missing" if {
	absent(["pricing", "per_pupil"])
} else := "pass" if {
	input.pricing.per_pupil <= 6.00
} else := "fail"

acc_01 := "missing" if {
	absent(["accessibility", "rgaa_rate"])
} else := "pass" if {
	input.accessibility.rgaa_rate >= 75
} else := "fail"

certified if {
	some certification in input.certifications
	certification in {"HDS", "SecNumCloud"}
}

sec_01 := "missing" if {
	absent(["certifications"])
} else := "pass" if {
	certified
} else := "fail"

# Kleene's "all": one subprocessor outside the EU fails the clause; else one whose region
# is not given makes it missing.
foreign_subprocessor if {
	some subprocessor in input.subprocessors
	region := object.get(subprocessor, "region", null)
	region != null
	region != "EU"
}

unlocated_subprocessor if {
	some subprocessor in input.subprocessors
	object.get(subprocessor, "region", null) == null
}

sst_01 := "missing" if {
	absent(["subprocessors"])
} else := "fail" if {
	foreign_subprocessor
} else := "missing" if {
	unlocated_subprocessor
} else := "pass"

rgpd_01 := "missing" if {
	absent(["gdpr", "retention_months"])
} else := "pass" if {
	input.gdpr.retention_months <= 12
} else := "fail"

open_export if {
	some format in input.exit.formats
	format in open_formats
}

rev_01 := "missing" if {
	absent(["exit", "formats"])
} else := "pass" if {
	open_export
} else := "fail"

ent_sso if {
	some protocol in input.sso.protocols
	protocol in {"SAML2", "CAS"}
}

int_01 := "missing" if {
	absent(["sso", "protocols"])
} else := "pass" if {
	ent_sso
} else := "fail"

outcomes := [heb_01, gar_01, evi_01, prx_01, acc_01, sec_01, sst_01, rgpd_01, rev_01, int_01]
