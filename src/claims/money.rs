//! Patterns about money: budget deficits, and what consultants cost or how many are hired.

use super::{Kind, Rule};

/// Hired staff: consultants, agency social workers, temps.
const HIRED: &str = r"(?P<role>[a-zåäö]*konsult(?:er|erna)|hyrsocionom(?:er|erna)?|konsultsocionom(?:er|erna)?|hyrsocialsekreterare|bemanningssocionom(?:er)?|inhyrda <SOCIAL_STAFF>|timvikarie(?:r|rna)?)";

/// What hired staff are called when their cost is given: "konsulter", "inhyrda socionomer",
/// "bemanningsföretag", "hyrpersonal".
const HIRED_COST: &str = r"(?:(?:inhyrda|inhyrd|externa) [a-zåäö]+|[a-zåäö]*konsult(?:er|erna|en)?|konsultbolag(?:et)?|konsultföretag(?:et)?|bemanningsföretag(?:en|et)?|bemanningsbolag(?:et)?|hyrpersonal(?:en)?|personal från bemanningsföretag|hyrsocionom(?:er|erna)?)";

/// Posts filled by hired staff, after the posts: "bemannade med konsulter", "täcks i dag av
/// inhyrda socionomer".
const FILLED: &str = r"(?:bemannade|bemannades|bemannas|bemannats|besatta|besattes|besätts|tillsatta|tillsattes|tillsätts|täckta|täcktes|täcks|upprätthålls|upprätthölls|uppehålls|uppehölls)(?: [^#,]{1,25}?)? (?:med|av) <ADJ><HIRED>";

/// Hired staff who can only be social workers: "inhyrda socionomer", "socionomkonsulter",
/// "hyrsocionomer", and the titles of its units ("inhyrda biståndshandläggare",
/// "familjehemssekreterare"); not "inhyrda konsulter", who may be building a road.
const HIRED_SOCIAL: &str = r"(?P<role>(?:inhyrda|externa) <SOCIAL_STAFF>|[a-zåäö]*(?:socionom|socialsekreterar|handläggar)konsulter|hyrsocionomer|bemanningssocionomer)";

/// A unit's change of a count, after the unit: " har samtidigt minskat", " i Helsingborg
/// halverade".
const UNIT_CHANGED: &str = r"(?: i [a-zåäö]+)? (?:har |hade )?(?:[a-zåäö]+ )?(?:minskat|minskade|ökat|ökade|halverat|halverade|fördubblat|fördubblade|sänkt|sänkte|dragit ned|dragit ner|drog ned|drog ner|skurit ned|skurit ner)(?: på)?";

pub(super) fn rules() -> Vec<Rule> {
    let hired = |p: &str| {
        p.replace(
            "<HIRED_FOR_SOCIAL_WORK>",
            r"(?:<HIRED_SOCIAL>|<HIRED_COST> (?:i|inom|på|vid) <SOCIAL_PLACE>\b)",
        )
        .replace("<HIRED_SOCIAL>", HIRED_SOCIAL)
        .replace("<HIRED>", HIRED)
        .replace("<HIRED_COST>", HIRED_COST)
    };
    vec![
        // --- deficit --------------------------------------------------------------------
        // "minusresultat på 33 miljoner kronor", "underskottet beräknas till 40 mnkr"
        // V2 with the verb first: "Enligt prognosen blir underskottet för individ- och
        // familjeomsorgen 24 miljoner kronor"
        Rule::new(
            Kind::Deficit,
            "is-the-deficit",
            r"\b(?:blir|blev|är|var|landar|landade|hamnar|hamnade) (?:underskottet|minusresultatet)(?: [^#]{0,60}?)? (?:på |till )?(?:-|−|–|minus )?<VK>",
        ),
        Rule::new(
            Kind::Deficit,
            "deficit-of",
            // "ett minus på 12 mnkr", "underskottet väntas landa på drygt 40 miljoner"
            // Records: "en negativ avvikelse mot budget om -3 400 tkr", "underskott, som efter
            // aprilprognosen uppgår till 8,9 mnkr"
            r"\b(?:[a-zåäö]*underskott(?:et)?|minusresultat(?:et)?|negativt resultat|negativ avvikelse|budgetöverskridande(?:t)?|överskridande(?:t)?|budgetavvikelse(?:n)?|ett minus|minuset)(?:,? [^#]{0,40}?)? (?:på|om|med|är|var|blev|landade på|landar på|uppgår till|uppgick till|beräknas till|hamnar på|hamnade på|väntas bli|(?:väntas|beräknas|bedöms|ser ut att|spås) (?:landa på|bli|hamna på|uppgå till)) (?:totalt |hela |drygt )?(?:-|−|–|minus )?<VK>",
        ),
        // V2 inversion: "Enligt delårsrapporten uppgår underskottet för individ- och
        // familjeomsorgen till 17,4 miljoner kronor"
        Rule::new(
            Kind::Deficit,
            "is-deficit",
            r"\b(?:uppgår|uppgick|landar|landade|hamnar|hamnade|beräknas|väntas|bedöms) (?:nu |därmed |alltså )?(?:underskottet|minusresultatet|budgetunderskottet)(?: (?:för|inom|i|på) [^#,]{1,50}?)? (?:(?:till|på|bli|landa på|uppgå till) )?(?:totalt |drygt )?(?:-|−|–|minus )?<VK>",
        ),
        // Without "med", only a social-services subject: "socialnämnden gick back 14 miljoner
        // kronor 2015" (not "restaurangen gick back 2 miljoner")
        Rule::new(
            Kind::Deficit,
            "committee-goes-back",
            r"\b(?:socialnämnden|socialtjänsten|socialförvaltningen|individ- och familjeomsorgen|ifo|[a-zåäö]*omsorgsnämnden|[a-zåäö]*välfärdsnämnden) (?:[a-zåäö-]+ ){0,3}?(?:går|gick|gått|har gått) (?:[a-zåäö-]+ ){0,2}?back <VK>",
        ),
        // A result below zero: "redovisar ett resultat om -11,6 mnkr"
        Rule::new(
            Kind::Deficit,
            "negative-result",
            r"\bresultat(?:et)?(?: [^#]{0,40}?)? (?:om|på|av|är|var|blev|uppgår till|uppgick till|landar på|landade på|hamnar på|hamnade på) (?:-|−|–|minus )<VK>",
        ),
        // The budget as subject: "budgeten för försörjningsstöd överskrids med cirka 2,3 mnkr"
        Rule::new(
            Kind::Deficit,
            "budget-overrun-by",
            r"\bbudget(?:en|ar|arna)?(?: (?:för|inom) [^#]{1,40}?)? (?:överskrids|överskreds|har överskridits|överskridits) med <VK>",
        ),
        // "Socialnämnden gick förra året back med 12,5 miljoner kronor"
        Rule::new(
            Kind::Deficit,
            "goes-back-by",
            r"\b(?:går|gick|gå|gått) (?:[a-zåäö-]+ ){0,3}?(?:back|minus) med <VK>",
        ),
        // A forecast below zero: "Prognosen för helåret är −12 miljoner kronor"
        Rule::new(
            Kind::Deficit,
            "negative-forecast",
            r"\bprognos(?:en)?(?: [^#]{0,40}?)? (?:är|visar|pekar på|landar på|blev|var) (?:-|−|–|minus )<VK>",
        ),
        // "går 12 miljoner back", "gick 5 miljoner kronor minus"
        Rule::new(
            Kind::Deficit,
            "goes-back",
            // also inverted: "i fjol gick socialnämnden 12 miljoner back"
            r"\b(?:går|gick|gå|gått) (?:[a-zåäö-]+ ){0,2}?(?:med )?<VK> (?:back|minus)\b",
        ),
        // "överskred sin budget med 20 miljoner"
        Rule::new(
            Kind::Deficit,
            "over-budget-by",
            // V2 and a named budget: "i år överskrider kommunen budgeten för ekonomiskt
            // bistånd med 21 miljoner kronor"
            r"\b(?:överskrider|överskred|överskridit|överskrida|dragit över|drog över) (?:[a-zåäö]+ )?(?:sin |sina )?budget(?:en|ar)?(?: (?:för|inom) [^#]{1,40}?)? med <VK>",
        ),
        // "ett 40 miljoner kronor stort underskott"
        Rule::new(
            Kind::Deficit,
            "amount-deficit",
            r"<VK> (?:stort |större |i )?(?:underskott|minusresultat|minus)\b",
        ),
        // --- consultants ----------------------------------------------------------------
        // "tre socionomkonsulter", "3 timvikarier", "12 inhyrda socialsekreterare"
        // Hired through an agency: "Av oss som i dag arbetar med utredningar är fem inhyrda
        // via bemanningsföretag".
        Rule::new(
            Kind::Consultants,
            "hired-via-agency",
            r"\b(?:är|var) <NOW><V> (?:av [^#]{1,30}? )?inhyrda (?:via|från|genom) (?:ett |olika )?[a-zåäö]*(?:bemannings|konsult)[a-zåäö]*",
        ),
        // Services bought: "Linköpings kommun köpte konsulttjänster inom socialtjänsten för
        // 24 miljoner kronor".
        Rule::new(
            Kind::Consultants,
            "bought-hired-services",
            &hired(
                // Of social services: "Trafikverket köper konsulttjänster för fem miljarder" is not.
                r"\b(?:köpte|köpt|köper|har köpt|hade köpt) (?:in )?(?:(?:konsulttjänster|bemanningstjänster|tjänster från bemanningsföretag|<HIRED_COST>) (?:inom|till|för|i|på) (?:<SOCIAL_PLACE>|socialnämnden)\b|<HIRED_SOCIAL>|socionomtjänster)(?: [^#]{0,50}?)? för (?:totalt |sammanlagt |drygt )?<VK>",
            ),
        ),
        // The consultants' bill, of social services when it says whose: "Konsultnotan
        // landade på 17,3 miljoner kronor" (not "Konsultnotan för ombyggnaden av stadshuset").
        Rule::new(
            Kind::Consultants,
            "the-consultants-bill",
            r"\bkonsultnot(?:an|or|orna)(?: (?:för|inom|i|på) (?:<SOCIAL_PLACE>|socialnämnden)\b[^#]{0,30}?)? (?:landade på|blev|var|är|uppgick till|uppgår till|hamnade på|slutade på|steg till) (?:(?:under|för|i) [^#,]{1,25}? )?(?:totalt |drygt )?<VK>",
        ),
        // Posts held by consultants: "Fem tjänster var vid samma tidpunkt besatta med
        // konsulter", "Av dessa var fem tillsatta med konsulter och åtta obesatta."
        Rule::new(
            Kind::Consultants,
            "posts-held-by-consultants",
            r"<V> <ADJ>(?:[a-zåäö]*tjänster )?(?:(?:är|var|har varit) )?(?:[^#,]{0,30}? )?(?:besatta|tillsatta|bemannade) (?:med|av) (?:inhyrda |inhyrd )?(?:[a-zåäö]*konsulter|hyrpersonal|personal från bemanningsföretag)\b",
        ),
        // A change in the number hired, both ends: "Järfälla kommun har minskat antalet
        // inhyrda socialsekreterare från 14 i augusti i fjol till 7" (hired for social work:
        // "Antalet konsulter i byggprojektet gick från tre till fem" is not).
        Rule::new(
            Kind::Consultants,
            "number-hired-from",
            &hired(r"\bantalet <HIRED_SOCIAL>(?: [^#,]{1,30}?)? från <V>"),
        ),
        Rule::new(
            Kind::Consultants,
            "number-hired-to",
            &hired(r"\bantalet <HIRED_SOCIAL>(?: [^#,]{1,30}?)? från #n\d+#[^#]{0,40}? till <V>"),
        ),
        // "tre av dem är inhyrda via bemanningsföretag"
        Rule::new(
            Kind::Consultants,
            "x-are-hired-via-agency",
            r"<V> (?:av [^#]{1,30}? )?(?:är|var) inhyrda (?:via|från|genom) (?:ett |olika )?[a-zåäö]*(?:bemannings|konsult)[a-zåäö]*",
        ),
        Rule::new(
            Kind::Consultants,
            "hired-people",
            &hired(r"<V> (?:<ADJ>)?<HIRED>\b"),
        ),
        // Staff who come from an agency: "I dag arbetar sex socialsekreterare från
        // bemanningsföretag på enheten".
        Rule::new(
            Kind::Consultants,
            "staff-from-agency",
            r"<V> <ADJ><STAFF> (?:från|via|genom) (?:ett |olika |två |flera )?[a-zåäö]*(?:bemannings|konsult)(?:företag|bolag)[a-zåäö]*",
        ),
        // "Sju av handläggarna på barn- och familjeenheten är i dag anställda via
        // bemanningsföretag"
        Rule::new(
            Kind::Consultants,
            "x-of-staff-employed-via-agency",
            r"<V> av (?:<UNIT_GEN> |de |dessa )?<ADJ><STAFF>[^#]{0,60}? (?:är|var) (?:i dag |idag |nu |just nu )?(?:anställda|inhyrda|anlitade) (?:via|från|genom|av) (?:ett |olika )?[a-zåäö]*(?:bemannings|konsult)(?:företag|bolag)[a-zåäö]*",
        ),
        // "konsultkostnader på 12 miljoner kronor", "kostnaderna för inhyrda konsulter uppgick till 8 mnkr",
        // "Kostnaden för inhyrd personal var under samma period 8,2 miljoner kronor"
        Rule::new(
            Kind::Consultants,
            "consultant-costs",
            &hired(
                r"\b(?:konsultkostnad(?:er|erna|en)?|kostnad(?:en|er|erna)? för (?:<HIRED_COST>|bemanning)|inhyrda konsulter för|bemanningskostnad(?:er|erna)?)(?:,? [^#]{0,80}?)? (?:på|om|är|var|blev|uppgår till|uppgick till|landade på|hamnade på|motsvarande|ökade till|har ökat till|steg till|(?:beräknas|väntas|bedöms|förväntas) (?:i år |för helåret |under året )?(?:bli|uppgå till|landa på|hamna på)|från|till) (?:(?:under|för|i) [^#,]{1,25}? )?(?:totalt |drygt |omkring |cirka )?<VK>",
            ),
        ),
        // The verb first: "I Sala var notan för inhyrda socionomer 3,1 miljoner kronor"
        Rule::new(
            Kind::Consultants,
            "was-the-cost-of-hired",
            &hired(
                r"\b(?:var|är|blev|landade|hamnade|uppgick|uppgår) (?:notan|kostnaden|kostnaderna) för (?:<HIRED_COST>|bemanning)(?: [^#,]{1,30}?)? (?:på |till )?(?:totalt |drygt )?<VK>",
            ),
        ),
        // The cost of the hired staff the sentence has just counted: "Socialtjänsten i Järpen
        // har i dag tre konsulter, och kostnaden för dem beräknas till 3,5 miljoner kronor",
        // "beslutat att hyra in tre konsulter under våren, till en beräknad kostnad av 2,2
        // miljoner kronor".
        Rule::new(
            Kind::Consultants,
            "hired-and-their-cost",
            &hired(
                r"<HIRED>\b[^#]{0,50}?(?:,? och (?:den (?:totala |beräknade )?)?(?:kostnaden|notan)(?: för (?:dem|dessa|det|detta))? (?:beräknas |väntas |bedöms |uppskattas )?(?:till|uppgå till|uppgår till|uppgick till|bli|landa på|landar på|landade på|är|var|blev)|,? till en (?:beräknad |uppskattad |total |sammanlagd )?kostnad (?:av|på|om)) (?:totalt |drygt |cirka |omkring |nästan )?<VK>",
            ),
        ),
        // What the staffing agencies billed: "Bemanningsföretagen fakturerade socialtjänsten i
        // Härnösand 7,8 miljoner kronor förra året" (not any consultancy: "Konsultbolaget
        // fakturerade kunden 3 miljoner kronor för it-systemet").
        Rule::new(
            Kind::Consultants,
            "staffing-agencies-billed",
            r"\bbemanningsföretag(?:en|et)? (?:har |hade )?(?:fakturerade|fakturerat|fakturerar) (?:[^#]{1,40}? )?(?:totalt |sammanlagt |drygt )?<VK>",
        ),
        // Hired among the staff counted: "har tolv socialsekreterare, varav tre är inhyrda"
        Rule::new(
            Kind::Consultants,
            "of-whom-hired",
            r"#n\d+# <ADJ><STAFF_>[^#]{0,40}?,? varav <V> (?:är|var) (?:inhyrda|konsulter|inhyrd personal|från bemanningsföretag)\b",
        ),
        // A second period in the same breath: "Kostnaden för inhyrda konsulter uppgick 2019 till
        // 11,2 mnkr och för perioden januari–augusti 2020 till 6,4 mnkr"
        Rule::new(
            Kind::Consultants,
            "consultant-costs-and-then",
            &hired(
                r"\b(?:konsultkostnad(?:er|erna|en)?|kostnad(?:en|er|erna)? för (?:<HIRED_COST>|bemanning)|bemanningskostnad(?:er|erna)?)[^#]{0,80}?#k\d+# (?:och|samt) (?:för |under |i )?(?:perioden |året |hela året |första halvåret )?(?:[a-zåäö]+(?:–|-)[a-zåäö]+ |[a-zåäö]+ )?(?:(?:19|20)\d\d )?(?:till|på) <VK>",
            ),
        ),
        // Records: "I oktober uppgick antalet inhyrda socionomkonsulter till sex"
        Rule::new(
            Kind::Consultants,
            "number-of-hired",
            &hired(
                r"\b(?:uppgår|uppgick|uppgått) antalet <ADJ><HIRED>(?: (?:inom|på|i|vid) [^#]{1,40}?)? till <NOW><V>",
            ),
        ),
        // A change in the count gives both: "Antalet inhyrda socionomer minskade från nio till
        // två", "halverat antalet inhyrda socialsekreterare, från tolv till sex", "antalet
        // konsulter i socialtjänsten från nio till tre". Only staff hired for social work:
        // "antalet inhyrda konsulter i projektet gick från tre till elva" is not.
        Rule::new(
            Kind::Consultants,
            "number-of-hired-from",
            &hired(r"\bantalet <HIRED_FOR_SOCIAL_WORK>,?(?: [^#]{1,40}?)? från <V> (?:ner |upp )?till #n\d+#"),
        ),
        // V2 inversion: "I Västervik är konsultkostnaden i socialtjänsten 9 miljoner kronor".
        Rule::new(
            Kind::Consultants,
            "is-the-consultant-cost",
            &hired(r"\b(?:är|var|blev|uppgår|uppgick|landade|hamnade|låg|ligger) (?:nu |i år |i fjol )?(?:konsultkostnad(?:en|erna)|kostnad(?:en|erna) för (?:<HIRED_COST>|bemanning))(?: (?:i|inom|på|för|vid) [^#,]{1,50}?)? (?:till |på )?(?:totalt |drygt |cirka |omkring )?<VK>"),
        ),
        // The social unit that changed it: "I Helsingborg har socialförvaltningen minskat
        // antalet konsulter från 35 till 22".
        Rule::new(
            Kind::Consultants,
            "unit-changed-number-of-hired-from",
            &hired(&format!(r"\b<SOCIAL_PLACE>{UNIT_CHANGED} antalet <HIRED_COST>,?(?: [^#]{{1,40}}?)? från <V> (?:ner |upp )?till #n\d+#")),
        ),
        Rule::new(
            Kind::Consultants,
            "unit-changed-number-of-hired-to",
            &hired(&format!(r"\b<SOCIAL_PLACE>{UNIT_CHANGED} antalet <HIRED_COST>,?(?: [^#]{{1,40}}?)? från #n\d+# (?:ner |upp )?till <V>")),
        ),
        // What was paid to hire social workers: "Kungsbacka betalade under samma period elva
        // miljoner kronor för att hyra in socionomer".
        Rule::new(
            Kind::Consultants,
            "paid-to-hire",
            &hired(r"<VK> (?:[^#,]{0,30}? )?(?:för|på) att (?:hyra in|ta in|anlita|köpa in) (?:<ADJ>)?(?:<HIRED_SOCIAL>|socionomer|socialsekreterare|<HIRED_COST> (?:i|inom|till|på|vid) <SOCIAL_PLACE>)\b"),
        ),
        Rule::new(
            Kind::Consultants,
            "number-of-hired-to",
            &hired(r"\bantalet <HIRED_FOR_SOCIAL_WORK>,?(?: [^#]{1,40}?)? från #n\d+# (?:ner |upp )?till <V>"),
        ),
        // Vacant posts filled by hired staff: "sex tjänster har varit vakanta, varav fyra har
        // besatts med inhyrda socionomer"
        Rule::new(
            Kind::Consultants,
            "of-which-hired",
            &hired(r"\bvarav <V> (?:har |hade |är |var )?(?:besatts|bemannats|bemannas|bemannades|täckts|fyllts|tillsatts) (?:med|av) <ADJ><HIRED>"),
        ),
        // Posts filled by hired staff: "fyra tjänster var bemannade med konsulter", "sex av
        // utredartjänsterna var besatta av inhyrda konsulter", "Fem tjänster på
        // barn- och ungdomsenheten täcks i dag av inhyrda socionomer", "är två tjänster
        // tillsatta med konsulter"
        Rule::new(
            Kind::Consultants,
            "posts-filled-by-hired",
            &hired(&format!(r"<V> (?:av (?:dem|dessa|[a-zåäö]*tjänsterna)|[a-zåäö]*tjänster)(?: (?:på|inom|vid|i) [^#,]{{1,40}}?)? (?:har |hade )?(?:var |är |varit |har varit )?{FILLED}")),
        ),
        Rule::new(
            Kind::Consultants,
            "are-posts-filled-by-hired",
            &hired(&format!(r"\b(?:är|var) <V> [a-zåäö]*tjänster {FILLED}")),
        ),
        // Tables: "Antal inhyrda socionomer i oktober: 11"
        Rule::new(
            Kind::Consultants,
            "table-hired",
            // and a fact box's line: "Inhyrda konsulter: 9"
            &hired(r"^(?:antal(?:et)? <ADJ><HIRED>|inhyrda (?:konsulter|<SOCIAL_STAFF>))(?: [^#:]{1,40})?: <V>"),
        ),
        // "antalet inhyrda socionomer är i dag nio" (not "ska minska till tre": a target)
        Rule::new(
            Kind::Consultants,
            "number-of-hired-is",
            &hired(
                r"\bantalet <ADJ><HIRED>(?: [^#]{0,40}?)? (?:är|var|uppgår till|uppgick till|ligger på|låg på) <NOW><V>",
            ),
        ),
        // "Förra året kostade konsulterna 14 miljoner kronor", "hyrpersonalen har kostat
        // kommunen 9 miljoner"
        Rule::new(
            Kind::Consultants,
            "consultants-cost",
            &hired(
                r"\b(?:<HIRED_COST>(?: [^#]{0,30}?)? (?:kostade|kostar|kostat|har kostat|hade kostat)|(?:kostade|kostar|har kostat|hade kostat) (?:[^#]{0,20}? )?<HIRED_COST>(?: (?:inom|i|på|vid) [^#,]{1,50}?)?) (?:kommunen |förvaltningen |nämnden |socialtjänsten |[a-zåäö-]+(?: kommun| stad)? )?(?:totalt |sammanlagt )?<VK>",
            ),
        ),
        // A pronoun for hired staff named in the sentence before: "Kommunen har anlitat sex
        // socionomkonsulter. Hittills i år har de kostat drygt 9 miljoner kronor."
        Rule::new(
            Kind::Consultants,
            "they-cost",
            r"\b(?:(?:de|dessa|dom) (?:har |hade )?(?:(?:hittills|sammanlagt|totalt|redan|nu|i år|hittills i år) )?(?:kostat|kostade|kostar)|(?:har|hade) (?:de|dessa|dom) (?:(?:hittills|sammanlagt|totalt|redan|nu) )?kostat|(?:kostade|kostar) (?:de|dessa|dom)) (?:kommunen |förvaltningen |nämnden |socialtjänsten )?(?:totalt |sammanlagt )?<VK>",
        )
        .with_antecedent(r"(?:\b[a-zåäö]*konsult(?:er|erna)\b|\binhyrda (?:socialsekreterare|socionomer|handläggare|konsulter)|\bhyrpersonal|\bbemanningsföretag|\bhyrsocionom)(?:[^,;]|,[0-9])*$"),
        // A pronoun for the consultants' costs named in the sentence before:
        // "Konsultkostnaderna har ökat kraftigt de senaste åren. Under 2016 uppgick de till
        // 6,1 miljoner kronor".
        Rule::new(
            Kind::Consultants,
            "they-amounted-to",
            r"\b(?:(?:de|dessa|dom) (?:uppgick|uppgår|landade|hamnade|slutade)|(?:uppgick|uppgår|landade|hamnade|slutade) (?:de|dessa|dom)) (?:[^#,]{0,25}? )?(?:till|på) (?:totalt |sammanlagt |drygt |omkring |cirka )?<VK>",
        )
        // The costs as the subject of their own clause, of social services or of no one
        // named ("Konsultkostnaderna har ökat", "kostnader för inhyrda konsulter i Haninge
        // har skjutit i höjden"; not "Konsultkostnaderna för bygget av nya simhallen").
        .with_antecedent(r"(?:\b[a-zåäö]*konsultkostnader(?:na)?(?: (?:inom|i|på|för) [a-zåäö-]+(?: och [a-zåäö]+)?)?|\bkostnader(?:na)? för (?:inhyrda|inhyrd personal|konsulter|bemanningsföretag|hyrpersonal)[a-zåäö ]*) (?:har|hade|ökade|ökar|steg|stiger|minskade|minskar|sjönk|var|är|blev|fortsätter)\b(?:[^,;]|,[0-9])*$"),
        // The cost, after a sentence about the hiring: "... har kommunen sedan augusti hyrt
        // in socionomer från ett bemanningsföretag. Prislappen hittills är 2,1 miljoner
        // kronor", "Enheten har sedan augusti haft konsulter inhyrda. Kostnaden för dessa
        // beräknas till 2,7 miljoner kronor för 2015."
        Rule::new(
            Kind::Consultants,
            "the-price-of-them",
            // and "Kostnaden för dessa uppgick under perioden till 3,8 miljoner kronor",
            // "Kostnaden för dem väntas landa på omkring tre miljoner kronor i år"
            r"^(?:(?:prislappen|notan|räkningen)|kostnaden(?: för (?:dem|dessa|de inhyrda|inhyrningen))?)(?: (?:hittills|totalt|sammanlagt|hittills i år|i år|för [^#,]{1,20}?|under [^#,]{1,30}?))? (?:är|var|blev|landade på|uppgår (?:under [^#,]{1,25}? )?till|uppgick (?:under [^#,]{1,25}? )?till|har landat på|beräknas till|beräknades till|uppskattas till|(?:väntas|beräknas|bedöms) (?:landa på|bli|uppgå till|hamna på)) (?:hittills |totalt |sammanlagt |omkring |cirka |drygt )?<VK>",
        )
        // Hired for social work, and hired already (not "planerar att anlita"): a verb of
        // hiring done, then the staff.
        .with_antecedent(r"\b(?:hyrt|hyr|hyrde|anlitat|anlitar|anlitade|haft|har|tagit|tog)\b[^.]{0,40}?\s(?:in\s)?(?:[a-zåäö]*socionom(?:er|erna)?|socialsekreterare|handläggare|[a-zåäö]*konsult(?:er|erna)|hyrpersonal|inhyrd personal)\b"),
        // "tog in nio konsulter från bemanningsföretag, till en kostnad av 11,5 miljoner
        // kronor": the cost follows the hired staff in an apposition.
        Rule::new(
            Kind::Consultants,
            "hired-at-a-cost-of",
            &hired(
                r"\b<HIRED_COST>\b[^#]{0,60}?(?:till|för|med) en (?:total |sammanlagd |samlad )?(?:kostnad|prislapp|notan?) (?:av|på|om) (?:totalt |drygt |nästan |närmare )?<VK>",
            ),
        ),
        // "hyrde under 2024 in konsulter för 22 miljoner kronor", "har köpt utredningar från
        // ett konsultbolag för nästan 1,9 miljoner kronor"
        Rule::new(
            Kind::Consultants,
            "hired-for",
            &hired(
                r"\b(?:(?:hyra|hyr|hyrt|hyrde|ta|tar|tagit|tog) (?:[a-zåäö0-9]+ ){0,3}?in|anlita|anlitar|anlitat|anlitade|(?:köpa|köper|köpt|köpte) (?:[a-zåäö]*tjänster|utredningar|personal) (?:från|av)) (?:ett |en )?<HIRED_COST>\b[^#]{0,50}? för (?:totalt |sammanlagt )?<VK>",
            ),
        ),
        // "lade 12 miljoner kronor på konsulter", in the figure's clause: not "ett underskott
        // på 9,5 miljoner kronor för 2014, där kostnaderna för inhyrd personal ..."
        Rule::new(
            Kind::Consultants,
            "spent-on-consultants",
            &hired(r"<VK> (?:[^#,]{0,30}?)?(?:på|för|till) <HIRED_COST>\b"),
        ),
    ]
}
