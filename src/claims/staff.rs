//! Patterns about people: who resigned, who wants to quit, which posts stand empty, how many
//! a unit has, and who is on sick leave.

use super::{Kind, Rule};

pub(super) fn rules() -> Vec<Rule> {
    vec![
        // --- resigned -------------------------------------------------------------------
        // "10 av 30 socialsekreterare (vid ...) har sagt upp sig", "10 av de drygt 30
        // socialsekreterarna på avdelningarna har sagt upp sig"
        Rule::new(
            Kind::Resigned,
            "x-of-y-staff-quit",
            r"<V> av (?:de |dessa |totalt |sammanlagt )?<OF> <ADJ><STAFF><GAP> (?:har |hade )?<QUIT>",
        ),
        // "sa 12 av 21 socialsekreterare upp sig", "sade 5 av enhetens 14 handläggare upp sig"
        Rule::new(
            Kind::Resigned,
            "sa-x-of-y-upp-sig",
            r"\b(?:sa|sade) <V> av (?:de |dessa |[a-zåäö]+s )?<OF> <ADJ><STAFF> upp sig",
        ),
        // "sa 12 socialsekreterare upp sig"
        Rule::new(
            Kind::Resigned,
            "sa-x-staff-upp-sig",
            r"\b(?:sa|sade) <V> <ADJ><STAFF> upp sig",
        ),
        // "Av de dryga 30 anställda (...) har 12 valt att säga upp sig"
        Rule::new(
            Kind::Resigned,
            "of-y-have-x-quit",
            r"\bav (?:de |dessa )?<OF> <ADJ><STAFF><GAP> (?:har|hade) <V> (?:[^ #]+ ){0,2}?<QUIT>",
        ),
        // "21 socialsekreterare som slutat", "15 handläggare på enheten har sagt upp sig"
        Rule::new(
            Kind::Resigned,
            "x-staff-quit",
            r"<V> <ADJ><STAFF> (?:[^ #,]+ ){0,6}?(?:som )?(?:har |hade )?<QUIT>",
        ),
        // "21 stycken som slutat", "9 stycken har lämnat"
        Rule::new(
            Kind::Resigned,
            "x-stycken-quit",
            r"<V> (?:stycken|st\.?) (?:som )?(?:har |hade )?<QUIT>",
        ),
        // "Tio uppsägningar på åtta månader", "ett tiotal avhopp"
        Rule::new(
            Kind::Resigned,
            "x-resignations",
            r"<V> (?:<ADJ>)?(?:uppsägningar|avgångar|avhopp)\b",
        ),
        // "hälften sa upp sig", "var tredje socialsekreterare har slutat"
        Rule::new(
            Kind::Resigned,
            "share-quit",
            r"<VP> (?:av )?(?:(?:de |alla |kommunens |förvaltningens |enhetens |[a-zåäö]+ens )?<ADJ><STAFF> )?(?:har |hade )?(?:sa upp sig|sade upp sig|sagt upp sig|slutade|slutat|lämnade|lämnat)\b",
        ),
        // "2016 slutade nära hälften av kommunens socialsekreterare"
        Rule::new(
            Kind::Resigned,
            "quit-share",
            r"\b(?:slutade|har slutat|lämnade|har lämnat|sa upp sig|sade upp sig) <VP> av (?:de |alla |[a-zåäö]+s )?<ADJ><STAFF>",
        ),
        // "personalomsättningen var 30 procent"
        Rule::new(
            Kind::Resigned,
            "turnover",
            r"\bpersonalomsättning(?:en)?(?: [^#]{0,50}?)? (?:är|var|låg på|ligger på|uppgick till|uppgår till|på|till) <VP>",
        ),
        // "Antalet socialsekreterare som slutat uppgår till 14"
        Rule::new(
            Kind::Resigned,
            "number-who-quit",
            r"\bantalet <ADJ><STAFF> som (?:har )?<QUIT>(?: [^#]{0,40}?)? (?:är|var|uppgår till|uppgick till|landade på|blev) <V>",
        ),
        // --- intent_to_quit ---------------------------------------------------------------
        // "drygt 30 procent av medarbetarna (...) skulle vilja säga upp sig",
        // "var tredje socialsekreterare funderar på att sluta"
        Rule::new(
            Kind::IntentToQuit,
            "share-wants-to-quit",
            r"<VP> <GAP>\b(?:vill|skulle vilja|funderar på att|har funderat på att|överväger att|planerar att|tänker|kan tänka sig att|har övervägt att) (?:att )?(?:säga upp sig|sluta|lämna|byta (?:jobb|arbete|yrke|arbetsplats))",
        ),
        // --- vacancies ------------------------------------------------------------------
        // "det saknas 10 stycken socialsekreterare", "enheten saknar fem handläggare"
        Rule::new(
            Kind::Vacancies,
            "missing-staff",
            r"\b(?:saknas|saknar|fattas) (?:det )?(?:i dag |idag |just nu |fortfarande )?<V> (?:stycken |st\.? )?<ADJ>(?:<STAFF>|[a-zåäö]*tjänster\b)",
        ),
        // "sju vakanta tjänster", "tre obesatta socialsekreterartjänster"
        Rule::new(
            Kind::Vacancies,
            "vacant-posts",
            r"<V> (?:<ADJ>)?(?:vakanta|obesatta|lediga|tomma|otillsatta) (?:[a-zåäö]*tjänster|platser|befattningar)\b",
        ),
        // "fem tjänster är vakanta", "tre socialsekreterartjänster står tomma"
        Rule::new(
            Kind::Vacancies,
            "posts-are-vacant",
            r"<V> (?:[a-zåäö]*tjänster|<STAFF>) (?:är|står|var|stod) (?:fortfarande |just nu )?(?:vakanta|obesatta|tomma|otillsatta|lediga)\b",
        ),
        // "fem vakanser", "vakanser motsvarande 7 tjänster"
        Rule::new(Kind::Vacancies, "x-vacancies", r"<V> vakans(?:er)?\b"),
        Rule::new(
            Kind::Vacancies,
            "vacancies-of",
            r"\bvakans(?:er|erna)? (?:på|om|motsvarande) <V>",
        ),
        // --- staffing -------------------------------------------------------------------
        // "Ordinarie bemanning är 32 stycken"
        Rule::new(
            Kind::Staffing,
            "staffing-level",
            r"\b(?:full |ordinarie |normal )?bemanning(?:en)?(?: [^#]{0,40}?)? (?:är|var|ligger på|uppgår till|om|på) <V>",
        ),
        // "ett förstärkningsteam som består av sju erfarna socialsekreterare"
        Rule::new(
            Kind::Staffing,
            "team-of",
            r"\b[a-zåäö]*team(?:et)? (?:om|med|på|bestående av|som består av|som ska bestå av) <V> <ADJ><STAFF>",
        ),
        // "På enheten finns 25 socialsekreterare", "Tre specialistsocionomer finns"
        Rule::new(
            Kind::Staffing,
            "there-are",
            r"\b(?:finns|arbetar|jobbar) (?:det )?(?:i dag |idag |totalt |nu )?<V> <ADJ><STAFF>",
        ),
        Rule::new(
            Kind::Staffing,
            "staff-are-there",
            r"<V> <ADJ><STAFF> (?:finns|arbetar|jobbar) (?:på|inom|i|vid)\b",
        ),
        // "enheten består av 14 handläggare", "avdelningen har 20 tjänster"
        Rule::new(
            Kind::Staffing,
            "unit-has",
            r"\b(?:enheten|avdelningen|gruppen|förvaltningen|socialtjänsten|kontoret|socialkontoret) (?:består av|omfattar|har|hade) (?:i dag |idag |totalt )?<V> <ADJ>(?:<STAFF>|tjänster|årsarbetare|heltidstjänster)\b",
        ),
        // --- sick_leave -----------------------------------------------------------------
        // "sjukfrånvaron bland socialsekreterarna är 12 procent"
        Rule::new(
            Kind::SickLeave,
            "sick-leave-rate",
            r"\bsjukfrånvaro(?:n)?(?: [^#]{0,60}?)? (?:är|var|ligger på|låg på|uppgår till|uppgick till|har ökat till|ökade till|har stigit till|steg till|på|till) <VP>",
        ),
        // "fem är sjukskrivna", "tre av tolv handläggare är långtidssjukskrivna"
        Rule::new(
            Kind::SickLeave,
            "x-are-on-sick-leave",
            r"<V> (?:av (?:de |dessa )?<OF> )?(?:<ADJ><STAFF> )?(?:är|var|har varit|blivit|är nu) (?:[a-zåäö]+ )?(?:sjukskrivna|långtidssjukskrivna|sjukskriven|sjukskrivits)\b",
        ),
        // "tre socialsekreterare har sjukskrivit sig", "fyra sjukskrivna handläggare"
        Rule::new(
            Kind::SickLeave,
            "x-staff-sick",
            r"<V> <ADJ><STAFF> (?:har )?(?:sjukskrivit sig|blivit sjukskrivna)\b",
        ),
        Rule::new(
            Kind::SickLeave,
            "x-sick-staff",
            r"<V> (?:lång)?(?:tids)?sjukskrivna <STAFF>",
        ),
        // "12 procent av personalen är sjukskrivna"
        Rule::new(
            Kind::SickLeave,
            "share-sick",
            r"<VP> (?:av (?:<STAFF_>|personalen|medarbetarna) )?(?:är|var) (?:lång)?(?:tids)?sjukskrivna\b",
        ),
    ]
}
