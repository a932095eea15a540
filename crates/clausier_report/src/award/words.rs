//! Every fixed word of the analysis of offers and the letters, in French and English.
//! Rules themselves are worded by the tender's words (`pack::cahier`), never here.

use clausier_eval::report::DescriptorStatus;

use crate::pack::Lang;

pub(super) struct Words {
    pub(super) report_title: &'static str,
    pub(super) buyer: &'static str,
    pub(super) object: &'static str,
    pub(super) procedure: &'static str,
    pub(super) lots: &'static str,
    pub(super) deadline: &'static str,
    pub(super) evaluation_date: &'static str,
    pub(super) offers_received: &'static str,
    pub(super) tenderer: &'static str,
    pub(super) file: &'static str,
    pub(super) lot: &'static str,
    pub(super) unreadable: &'static str,
    pub(super) unreadable_intro: &'static str,
    pub(super) regularity: &'static str,
    pub(super) regular: &'static str,
    pub(super) irregular: &'static str,
    pub(super) incomplete: &'static str,
    pub(super) under_review: &'static str,
    pub(super) invalid: &'static str,
    pub(super) specification: &'static str,
    pub(super) execution_condition: &'static str,
    pub(super) declared: &'static str,
    pub(super) absent: &'static str,
    pub(super) no_value: &'static str,
    pub(super) document_to_request: &'static str,
    pub(super) scores: &'static str,
    pub(super) criterion: &'static str,
    pub(super) weight: &'static str,
    pub(super) score: &'static str,
    pub(super) points: &'static str,
    pub(super) declared_values: &'static str,
    pub(super) total: &'static str,
    pub(super) ranking: &'static str,
    pub(super) rank: &'static str,
    pub(super) proposal: &'static str,
    pub(super) no_offer: &'static str,
    pub(super) letter_title: &'static str,
    pub(super) notified_on: &'static str,
    pub(super) your_offer: &'static str,
    pub(super) chosen_offer: &'static str,
    /// The heading of the outcome when no offer is chosen yet (a tie) or none can be
    /// (no regular offer).
    pub(super) outcome: &'static str,
    pub(super) signature: &'static str,
    pub(super) line: &'static str,
    pub(super) column: &'static str,
    pub(super) colon: &'static str,
}

const FR: Words = Words {
    report_title: "Rapport d'analyse des offres",
    buyer: "Acheteur",
    object: "Objet du marché",
    procedure: "Procédure",
    lots: "Lots",
    deadline: "Date limite de réception des offres",
    evaluation_date: "Date à laquelle les offres sont appréciées",
    offers_received: "Offres reçues",
    tenderer: "Soumissionnaire",
    file: "Fichier",
    lot: "Lot",
    unreadable: "Offres qui n'ont pu être analysées",
    unreadable_intro: "Les données de ces offres ne sont pas conformes au cadre de réponse ; elles n'ont pu être analysées.",
    regularity: "Régularité des offres",
    regular: "offre régulière",
    irregular: "offre irrégulière (article L2152-2)",
    incomplete: "offre incomplète : elle peut être régularisée (article R2152-2)",
    under_review: "offre à examiner : une équivalence revendiquée attend la décision de l'acheteur (articles R2111-12 à R2111-17) ; elle n'est ni notée ni classée d'ici là",
    invalid: "offre non analysable",
    specification: "spécification technique",
    execution_condition: "condition d'exécution",
    declared: "valeur déclarée",
    absent: "donnée non fournie",
    no_value: "valeur impossible à calculer",
    document_to_request: "pièce à demander",
    scores: "Notation des offres régulières",
    criterion: "Critère",
    weight: "Pondération",
    score: "Note",
    points: "Points",
    declared_values: "Valeurs déclarées",
    total: "Total",
    ranking: "Classement",
    rank: "Rang",
    proposal: "Proposition",
    no_offer: "Aucune offre n'a été reçue.",
    letter_title: "Information d'un soumissionnaire dont l'offre n'est pas retenue",
    notified_on: "Date de notification",
    your_offer: "Votre offre",
    chosen_offer: "L'offre retenue",
    outcome: "Issue de la procédure",
    signature: "Signature du marché",
    line: "ligne",
    column: "colonne",
    colon: " : ",
};

const EN: Words = Words {
    report_title: "Analysis of offers",
    buyer: "Buyer",
    object: "Object of the contract",
    procedure: "Procedure",
    lots: "Lots",
    deadline: "Deadline for offers",
    evaluation_date: "Date the offers are assessed at",
    offers_received: "Offers received",
    tenderer: "Tenderer",
    file: "File",
    lot: "Lot",
    unreadable: "Offers that could not be analysed",
    unreadable_intro: "The data of these offers does not fit the response form; they could not be analysed.",
    regularity: "Regularity of the offers",
    regular: "regular offer",
    irregular: "irregular offer (article L2152-2)",
    incomplete: "incomplete offer: it may be regularised (article R2152-2)",
    under_review: "offer under review: a claimed equivalent awaits the buyer's decision (articles R2111-12 to R2111-17); it is neither scored nor ranked until then",
    invalid: "offer that could not be analysed",
    specification: "technical specification",
    execution_condition: "condition of performance",
    declared: "declared value",
    absent: "not given",
    no_value: "value that cannot be computed",
    document_to_request: "document to request",
    scores: "Scores of the regular offers",
    criterion: "Criterion",
    weight: "Weight",
    score: "Score",
    points: "Points",
    declared_values: "Declared values",
    total: "Total",
    ranking: "Ranking",
    rank: "Rank",
    proposal: "Proposal",
    no_offer: "No offer was received.",
    letter_title: "Notice to a tenderer whose offer is not retained",
    notified_on: "Date of notification",
    your_offer: "Your offer",
    chosen_offer: "The chosen offer",
    outcome: "Outcome of the procedure",
    signature: "Signature of the contract",
    line: "line",
    column: "column",
    colon: ": ",
};

impl Words {
    pub(super) fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// The sentences with values in them, in both languages.
pub(super) struct Sentences(pub(super) Lang);

impl Sentences {
    fn fr(&self) -> bool {
        self.0 == Lang::Fr
    }

    pub(super) fn lot_heading(&self, id: &str, title: &str) -> String {
        match self.0 {
            Lang::Fr | Lang::En => format!("Lot {id} — {title}"),
        }
    }

    pub(super) fn received(&self, count: usize) -> String {
        match (self.fr(), count) {
            (true, 1) => "1 offre a été reçue.".to_owned(),
            (true, n) => format!("{n} offres ont été reçues."),
            (false, 1) => "1 offer was received.".to_owned(),
            (false, n) => format!("{n} offers were received."),
        }
    }

    pub(super) fn winner(&self, name: &str, points: &str) -> String {
        if self.fr() {
            format!(
                "L'offre de {name}, classée première avec {points} points, est l'offre économiquement la plus avantageuse : il est proposé de lui attribuer le marché."
            )
        } else {
            format!(
                "The offer of {name}, ranked first with {points} points, is the most economically advantageous: it is proposed that the contract be awarded to it."
            )
        }
    }

    pub(super) fn tie(&self, names: &str, points: &str) -> String {
        if self.fr() {
            format!(
                "Les offres de {names} sont classées ex aequo au premier rang ({points} points) : aucune offre n'est proposée d'office ; il appartient à l'acheteur de décider. Aucune lettre n'est rédigée pour ces offres."
            )
        } else {
            format!(
                "The offers of {names} are tied at the first rank ({points} points): no offer is proposed; the buyer decides. No letter is written for these offers."
            )
        }
    }

    pub(super) fn unsuccessful(&self) -> String {
        if self.fr() {
            "Aucune offre n'est régulière : la procédure est déclarée infructueuse.".to_owned()
        } else {
            "No offer is regular: the procedure is declared unsuccessful (procédure infructueuse)."
                .to_owned()
        }
    }

    pub(super) fn letter_opening(&self, object: &str) -> String {
        if self.fr() {
            format!(
                "Nous vous informons que votre offre pour le marché « {object} » n'est pas retenue, pour les motifs exposés ci-dessous (articles R2181-1 et R2181-3 du code de la commande publique)."
            )
        } else {
            format!(
                "We inform you that your offer for the contract « {object} » is not retained, for the reasons below (articles R2181-1 and R2181-3 of the code de la commande publique)."
            )
        }
    }

    /// Why an offer that is not regular is not retained, in the words of the code: an
    /// offer that does not meet the specifications is irregular (L2152-2), not « set
    /// aside », and an incomplete one could have been regularised (R2152-2).
    pub(super) fn rejected_because(&self, status: DescriptorStatus) -> &'static str {
        match (status, self.fr()) {
            (DescriptorStatus::Incomplete, true) => {
                "Votre offre est incomplète et, faute de régularisation, irrégulière (articles L2152-2 et R2152-2 du code de la commande publique), pour les motifs suivants :"
            }
            (DescriptorStatus::Invalid, true) => {
                "Les données de votre offre ne sont pas conformes au cadre de réponse et n'ont pu être analysées, pour les motifs suivants :"
            }
            (_, true) => {
                "Votre offre est irrégulière (article L2152-2 du code de la commande publique), pour les motifs suivants :"
            }
            (DescriptorStatus::Incomplete, false) => {
                "Your offer is incomplete and, not having been regularised, irregular (articles L2152-2 and R2152-2 of the code de la commande publique), for the following reasons:"
            }
            (DescriptorStatus::Invalid, false) => {
                "The data of your offer do not follow the response form and could not be analysed, for the following reasons:"
            }
            (_, false) => {
                "Your offer is irregular (article L2152-2 of the code de la commande publique), for the following reasons:"
            }
        }
    }

    pub(super) fn your_rank(&self, rank: u32, points: &str, total: usize) -> String {
        if self.fr() {
            format!(
                "Votre offre est régulière. Elle obtient {points} points et se classe au rang {rank} sur {total} offres régulières. Ses notes par critère :"
            )
        } else {
            format!(
                "Your offer is regular. It earns {points} points and ranks {rank} of {total} regular offers. Its scores per criterion:"
            )
        }
    }

    pub(super) fn chosen(&self, name: &str, points: &str) -> String {
        if self.fr() {
            format!(
                "Le marché est attribué à {name}, dont l'offre est classée première avec {points} points, au regard des critères d'attribution publiés. Ses notes par critère :"
            )
        } else {
            format!(
                "The contract is awarded to {name}, whose offer ranks first with {points} points under the published award criteria. Its scores per criterion:"
            )
        }
    }

    pub(super) fn tie_pending(&self, names: &str) -> String {
        if self.fr() {
            format!(
                "Les offres de {names} sont classées ex aequo au premier rang ; l'attributaire n'est pas encore désigné et vous en serez informé."
            )
        } else {
            format!(
                "The offers of {names} are tied at the first rank; the winner is not designated yet and you will be told."
            )
        }
    }

    pub(super) fn signature(&self, date: &str, days: i64, electronic: bool) -> String {
        match (self.fr(), electronic) {
            (true, true) => format!(
                "Le marché ne pourra pas être signé avant le {date}, soit {days} jours après l'envoi de la présente notification par voie électronique (article R2182-1 du code de la commande publique)."
            ),
            (true, false) => format!(
                "Le marché ne pourra pas être signé avant le {date}, soit {days} jours après l'envoi de la présente notification (article R2182-1 du code de la commande publique)."
            ),
            (false, true) => format!(
                "The contract will not be signed before {date}, {days} days after this notice was sent electronically (article R2182-1 of the code de la commande publique)."
            ),
            (false, false) => format!(
                "The contract will not be signed before {date}, {days} days after this notice was sent (article R2182-1 of the code de la commande publique)."
            ),
        }
    }
}
