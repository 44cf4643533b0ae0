//! Findings of supervisory and audit bodies: IVO, Arbetsmiljöverket, JO, the municipal
//! auditors and the firms they hire.

use super::{Kind, Rule};
use regex::Regex;
use std::sync::LazyLock;

/// A review and how many cases it went through: "har granskat 40 barnavårdsutredningar",
/// "gick igenom 60 avslutade utredningar", "efter en granskning av 25 utredningar".
static SAMPLE: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    let plain = super::vocab::expand_plain(
        r"\b(?:granskat|granskade|undersökt|undersökte|gått igenom|gick igenom|studerat|studerade|granskning av|genomgång av) (?:totalt |sammanlagt |drygt |cirka )?<OF> (?:[a-zåäö-]+ ){0,2}?[a-zåäö]*?(?:ärenden|utredningar|akter|fall|journaler)\b",
    );
    super::ascii_regex(&super::fold::pattern(&plain)).expect("review sample")
});

/// The number of cases of the last review stated in `before` (the text before a finding, from
/// a few paragraphs back): what "i 26 av dem" counts from.
pub(super) fn sample_before(before: &str) -> Option<f64> {
    super::count_named_before(before, &SAMPLE).map(|(value, _)| value)
}

pub(super) fn rules() -> Vec<Rule> {
    vec![
        // "I 19 av 23 fall har inga samtal förts med barnet", and a share of them: "I hälften
        // av de 20 granskade akterna saknas ..." (50 percent of 20)
        Rule::new(Kind::Inspection, "in-x-of-y-cases",
            r"\bi (?:bara |endast |hela |totalt )?#(?P<v>[np]\d+)# av (?:de |totalt )?<OF> (?:granskade |undersökta |aktuella |avslutade |genomförda |pågående |inkomna )?(?:fall|fallen|ärenden|ärendena|utredningar|utredningarna|akter|akterna|barnavårdsutredningar|förhandsbedömningar|förhandsbedömningarna|[a-zåäö]*anmälningar|[a-zåäö]*anmälningarna|[a-zåäö]*grupper|[a-zåäö]*grupperna|[a-zåäö]*enheter|[a-zåäö]*enheterna|kommunerna|förvaltningarna)\b"),
        // A count of cases alone, with a body or review in sight: "Ivo konstaterar att
        // utredningarna i elva fall pågått längre än fyra månader"
        Rule::new(Kind::Inspection, "in-x-cases",
            r"\bi (?:bara |endast |hela |totalt )?<V> fall\b"),
        // "I ett stickprov om 40 avslutade barnavårdsutredningar hade 13 överskridit ..."
        Rule::new(Kind::Inspection, "sample-of-y-x",
            r"\bstickprov (?:om|på|av) <OF> (?:[a-zåäö]+ ){0,2}?[a-zåäö]*(?:utredningar|ärenden|akter)\b[^#]{0,20}? (?:hade|var|saknade|saknades|visade) <V>"),
        // What was reviewed, named by the review: "i tio av de tolv arbetsgrupper som
        // granskades saknades en riskbedömning"
        Rule::new(Kind::Inspection, "in-x-of-y-reviewed",
            r"\bi (?:bara |endast |hela |totalt )?<V> av (?:de |totalt )?<OF> (?:[a-zåäö]*enheter|[a-zåäö]*grupper|verksamheter|[a-zåäö-]*hem|boenden|[a-zåäö]*ärenden|akter|[a-zåäö]*utredningar|journaler|[a-zåäö]*anmälningar) som (?:granskades|granskats|har granskats|undersöktes|undersökts|har undersökts|inspekterades|besöktes)\b"),
        // "12 av 20 granskade utredningar saknade ...", "7 av 12 utredningar var inte
        // slutförda", "11 av 16 akter inte var ..." (subordinate clause word order)
        Rule::new(Kind::Inspection, "x-of-y-reviewed-lacked",
            r"<V> av (?:de )?<OF> (?:granskade |undersökta |aktuella )?(?:ärenden|ärendena|utredningar|utredningarna|akter|akterna|fall|barnavårdsutredningar|förhandsbedömningar|förhandsbedömningarna|[a-zåäö]*anmälningar|[a-zåäö]*anmälningarna)(?: (?:i|på|inom|vid) [^#,]{1,40}?)? (?:inte )?(?:saknade|saknar|saknades|hade|har|visade|innehöll|brast|uppfyllde|uppfyllde inte|var|följde|följdes|genomfördes|gjordes|avslutades|överskridit|överskridits|överskred|överskrider|pågått|pågick|dröjt|dröjde)\b"),
        // The sample first, the finding after: "Ivo granskade 30 utredningar och fann brister
        // i 22 av dem", "revisorerna har granskat 20 ärenden; i 14 av dessa saknades ...",
        // "Arbetsmiljöverket besökte fyra enheter och riktade krav mot tre av dem", and the
        // review as a noun: "Vid IVO:s granskning av 16 utredningar saknades barnsamtal i elva
        // av dem".
        Rule::new(Kind::Inspection, "reviewed-y-found-in-x",
            r"\b(?:granskade|granskat|granskades|gick igenom|gått igenom|undersökte|undersökt|inspekterade|inspekterat|besökte|besökt|(?:granskning(?:en)?|genomgång(?:en)?|inspektion(?:en)?|tillsyn(?:en)?) av) (?:totalt |sammanlagt )?<OF> (?:[a-zåäö]+ )?(?:ärenden|utredningar|akter|fall|barnavårdsutredningar|journaler|arbetsplatser|[a-zåäö]*enheter|verksamheter|arbetsgrupper)\b<GAP>\b(?:i|mot|hos|på) <V> av (?:dem|dessa|de granskade)\b"),
        // The sample in a sentence before: "IVO har granskat 40 barnavårdsutredningar. I 26 av
        // dem hade utredningstiden överskridits", "... i tolv av de granskade ärendena", "i 26
        // av dessa utredningar" (named, so it may point a few paragraphs back).
        Rule::new(Kind::Inspection, "in-x-of-them",
            // and the files by their noun alone: "I sju av akterna saknas en vårdplan"; a share
            // of them: "I vart fjärde av de granskade ärendena" (25 percent of those counted)
            r"\bi (?:bara |endast |hela |totalt )?#(?P<v>[np]\d+)# av (?:dem|dessa(?: (?:ärenden|utredningar|barnavårdsutredningar|akter|förhandsbedömningar))?|(?:de granskade )?(?:ärendena|utredningarna|akterna|fallen|barnavårdsutredningarna))\b")
            .with_total_before(),
        // Staff the inspectors asked: "Inspektörerna fann att 9 av 13 intervjuade handläggare
        // hade fler ärenden än de hann med"
        Rule::new(Kind::Inspection, "found-x-of-y-staff",
            r"\b(?:inspektörerna|inspektören|ivo|arbetsmiljöverket|revisorerna|granskarna) (?:fann|finner|konstaterade|konstaterar|kunde konstatera|noterade) (?:också |även )?att <V> av (?:de )?<OF> (?:intervjuade |tillfrågade )?<ADJ>(?:<SOCIAL_STAFF>)\b"),
        // "Av de 16 socialsekreterare som besvarade Arbetsmiljöverkets frågor angav 13 att de
        // regelbundet arbetar över"; "Av de 28 socialsekreterare som intervjuades uppgav 17
        // att ..." when the paragraph or the three before name the body or a review (as for
        // every finding without its body)
        Rule::new(Kind::Inspection, "of-y-staff-asked-x-said",
            r"\bav (?:de )?<OF> <ADJ>(?:<SOCIAL_STAFF>) som (?:(?:besvarade|svarade på|intervjuades av|har intervjuats av|intervjuats av) (?:arbetsmiljöverkets|ivo:s|revisorernas|inspektörernas|granskarnas|inspektörerna|ivo|arbetsmiljöverket|revisorerna)(?: (?:frågor|enkät|intervjuer))?|intervjuades|har intervjuats|intervjuats|tillfrågades)[^#]{0,20}? (?:angav|uppgav|svarade|berättade|sa|sade) <V> att\b"),
        // The interviews in other orders: "Av de 24 handläggare som Arbetsmiljöverket
        // intervjuade vid inspektionen uppgav 15 att", "uppgav nio av 14 intervjuade
        // socialsekreterare att", "IVO intervjuade 30 socialsekreterare vid tillsynen, och 19
        // av dem uppgav att", "intervjuades 18 socialsekreterare, varav tio sade att"
        Rule::new(Kind::Inspection, "of-y-staff-the-body-asked-x-said",
            r"\bav (?:de )?<OF> <ADJ>(?:<SOCIAL_STAFF>) som (?:[a-zåäö:]+ )?(?:intervjuade|tillfrågade|träffade|har intervjuat|talade med|pratade med|samtalade med)(?: [^#]{0,40}?)? (?:angav|uppgav|svarade|berättade|sa|sade) <V> att\b"),
        // Staff named as any staff, the inspectors the ones who asked: "Av de 31 medarbetare
        // som inspektörerna intervjuade uppgav 22 att ..."
        Rule::new(Kind::Inspection, "of-y-employees-the-inspectors-asked-x-said",
            r"\bav (?:de )?<OF> (?:medarbetare|medarbetarna|anställda) som (?:inspektörerna|inspektören|arbetsmiljöverket|ivo|revisorerna|granskarna) (?:intervjuade|tillfrågade|träffade|har intervjuat|talade med)(?: [^#]{0,40}?)? (?:angav|uppgav|svarade|berättade|sa|sade) <V> att\b"),
        Rule::new(Kind::Inspection, "said-x-of-y-interviewed-staff",
            r"\b(?:angav|uppgav|svarade|berättade|sa|sade) <V> av (?:de )?<OF> (?:intervjuade|tillfrågade) <ADJ>(?:<SOCIAL_STAFF>) att\b"),
        Rule::new(Kind::Inspection, "interviewed-y-staff-x-of-them-said",
            r"\b(?:intervjuade|intervjuades|tillfrågades|träffade) <OF> <ADJ>(?:<SOCIAL_STAFF>)[^#]{0,60}?,? (?:och |varav )?<V> (?:av dem )?(?:angav|uppgav|svarade|berättade|sa|sade) att\b"),
        // "i 40 procent av de granskade ärendena"
        Rule::new(Kind::Inspection, "share-of-reviewed",
            r"\bi <VP> av (?:de )?(?:granskade |undersökta )?(?:ärendena|utredningarna|akterna|fallen)\b"),
        // "Ivo (...) kunde konstatera flera brister", "IVO riktar allvarlig kritik mot"
        Rule::new(Kind::Inspection, "body-finds-faults",
            r"\b(?P<body>ivo|inspektionen för vård och omsorg|arbetsmiljöverket|jo|justitieombudsmannen|revisorerna|revisionen|socialstyrelsen)\b.{0,60}?\b(?:konstatera|konstaterade|konstaterar|fann|finner|fastslog|fastslår|påtalar|påtalade|riktar|riktade|riktat|kritiserar|kritiserade|kritiserat|upptäckte|hittade|ser) .{0,40}?\b(?:brister|kritik|missförhållanden|allvarliga)\b")
            .without_value(),
        // "fick kritik av Ivo", "kritiseras av JO"
        Rule::new(Kind::Inspection, "criticised-by-body",
            r"\b(?:kritik|kritiseras|kritiserades|kritiserats|anmärkning|föreläggande|vite) (?:från|av) (?P<body>ivo|inspektionen för vård och omsorg|arbetsmiljöverket|jo|justitieombudsmannen|revisorerna|socialstyrelsen)\b")
            .without_value(),
    ]
}

/// Bodies as written in the original text (case matters: "JO" is the ombudsman, "jo" a yes).
static BODY: LazyLock<Regex> = LazyLock::new(|| {
    // With the genitive: "Arbetsmiljöverkets frågor".
    Regex::new(r"\b(IVO|Ivo|IVO:s|Ivo:s|Inspektionen för vård och omsorg|Arbetsmiljöverkets?|JO|Justitieombudsmannens?|[Rr]evisorerna|[Rr]evisorernas|[Rr]evisionen|[Kk]ommunens revisorer|Socialstyrelsens?|KPMG|PwC|EY|Deloitte)\b")
        .expect("body pattern")
});

/// Words that say an inspection or review is going on, when no body is named.
static REVIEW_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:granskning|granskningen|granskade|granskades|granskats|granskat|aktgranskning|aktgranskningen|tillsyn|tillsynen|inspektion|inspektionen|revision|revisionsrapport)\b")
        .expect("review words")
});

/// The body named in `text`, in its canonical form.
pub(super) fn body_in(text: &str) -> Option<&'static str> {
    let m = BODY.find(text)?;
    Some(canonical_body(m.as_str()))
}

pub(super) fn canonical_body(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches(":s");
    let lower = match lower {
        "arbetsmiljöverkets" | "justitieombudsmannens" | "socialstyrelsens" | "revisorernas" => {
            &lower[..lower.len() - 1]
        }
        other => other,
    };
    match lower {
        "ivo" | "inspektionen för vård och omsorg" => "IVO",
        "arbetsmiljöverket" => "Arbetsmiljöverket",
        "jo" | "justitieombudsmannen" => "JO",
        "revisorerna" | "revisionen" | "kommunens revisorer" => "revisorerna",
        "socialstyrelsen" => "Socialstyrelsen",
        "kpmg" => "KPMG",
        "pwc" => "PwC",
        "ey" => "EY",
        "deloitte" => "Deloitte",
        _ => "IVO",
    }
}

pub(super) fn mentions_review(text: &str) -> bool {
    // A newspaper's or broadcaster's review is journalism, not oversight: "I Aftonbladets
    // granskning uppgav 17 av 28 intervjuade socialsekreterare att ...".
    REVIEW_WORDS.is_match(&MEDIA_REVIEW.replace_all(text, ""))
}

/// A review by the press: "Aftonbladets granskning", "SVT:s granskning", "tidningens
/// granskning", "Uppdrag granskning".
static MEDIA_REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:aftonbladets|expressens|dagens nyheters|dn:s|svd:s|svenska dagbladets|svt:s|sveriges radios|ekots|tv4:s|kalibers|gp:s|göteborgs-postens|sydsvenskans|[a-zåäö]*tidningens|[a-zåäö]*postens|[a-zåäö]*bladets|[a-zåäö]*kurirens|redaktionens) (?:egen |egna |senaste |nya |stora )?granskning(?:en)?|uppdrag granskning)\b")
        .expect("media review")
});
