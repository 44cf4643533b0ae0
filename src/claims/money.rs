//! Patterns about money: budget deficits, and what consultants cost or how many are hired.

use super::{Kind, Rule};

/// Hired staff: consultants, agency social workers, temps.
const HIRED: &str = r"(?P<role>[a-zåäö]*konsult(?:er|erna)|hyrsocionom(?:er|erna)?|hyrsocialsekreterare|bemanningssocionom(?:er)?|inhyrda (?:socialsekreterare|socionomer|handläggare)|timvikarie(?:r|rna)?)";

pub(super) fn rules() -> Vec<Rule> {
    let hired = |p: &str| p.replace("<HIRED>", HIRED);
    vec![
        // --- deficit --------------------------------------------------------------------
        // "minusresultat på 33 miljoner kronor", "underskottet beräknas till 40 mnkr"
        Rule::new(
            Kind::Deficit,
            "deficit-of",
            r"\b(?:[a-zåäö]*underskott(?:et)?|minusresultat(?:et)?|negativt resultat|negativ avvikelse|budgetöverskridande(?:t)?|överskridande(?:t)?|budgetavvikelse(?:n)?)(?: [^#]{0,40}?)? (?:på|om|med|är|var|blev|landade på|landar på|uppgår till|uppgick till|beräknas till|hamnar på|hamnade på|väntas bli) (?:totalt |hela |drygt )?<VK>",
        ),
        // "går 12 miljoner back", "gick 5 miljoner kronor minus"
        Rule::new(
            Kind::Deficit,
            "goes-back",
            r"\b(?:går|gick|gå|gått) (?:med )?<VK> (?:back|minus)\b",
        ),
        // "överskred sin budget med 20 miljoner"
        Rule::new(
            Kind::Deficit,
            "over-budget-by",
            r"\b(?:överskrider|överskred|överskridit|överskrida|dragit över|drog över) (?:sin |sina |)budget(?:en|ar)? med <VK>",
        ),
        // "ett 40 miljoner kronor stort underskott"
        Rule::new(
            Kind::Deficit,
            "amount-deficit",
            r"<VK> (?:stort |större |i )?(?:underskott|minusresultat|minus)\b",
        ),
        // --- consultants ----------------------------------------------------------------
        // "tre socionomkonsulter", "3 timvikarier", "12 inhyrda socialsekreterare"
        Rule::new(
            Kind::Consultants,
            "hired-people",
            &hired(r"<V> (?:<ADJ>)?<HIRED>\b"),
        ),
        // "konsultkostnader på 12 miljoner kronor", "kostnaderna för inhyrda konsulter uppgick till 8 mnkr"
        Rule::new(
            Kind::Consultants,
            "consultant-costs",
            r"\b(?:konsultkostnad(?:er|erna|en)?|kostnad(?:en|er|erna)? för (?:inhyrda |inhyrd )?(?:konsulter|konsult|bemanning|hyrpersonal|personal från bemanningsföretag|bemanningsföretag)|inhyrda konsulter för|bemanningskostnad(?:er|erna)?)(?: [^#]{0,50}?)? (?:på|om|är|var|blev|uppgår till|uppgick till|landade på|motsvarande|till) (?:totalt |drygt )?<VK>",
        ),
        // "lade 12 miljoner kronor på konsulter"
        Rule::new(
            Kind::Consultants,
            "spent-on-consultants",
            r"<VK> (?:[^#]{0,30}?)?(?:på|för|till) (?:inhyrda )?(?:konsulter|bemanningsföretag|hyrpersonal|inhyrd personal|hyrsocionomer)\b",
        ),
    ]
}
