//! Patterns about people: who resigned, who wants to quit, which posts stand empty, how many
//! a unit has, and who is on sick leave.

use super::{Kind, Rule};
use std::sync::LazyLock;

/// Posts of social services named in the sentence before, which "sex står tomma" counts:
/// "tolv socialsekreterartjänster", "Enheten för barn och unga har 21 tjänster" (not
/// "jourhemsplatser", "tjänster som sfi-lärare", "hemtjänstens tjänster").
static POSTS_BEFORE: LazyLock<String> = LazyLock::new(|| {
    // The words of social services a sentence may name its posts by.
    let social = r"(?:socialtjänst|socialsekreterar|socionom|barn och unga|barn och familj|individ- och familjeomsorg|familjeenhet|mottagning|försörjningsstöd|ekonomiskt bistånd|\bifo\b)";
    format!(
        r"(?:{SOCIAL_POST_STEMS})tjänster|\btjänster(?:na)?\b.*{social}|{social}.*\btjänster(?:na)?\b"
    )
});

/// Posts of social services by name, the stems before "tjänster": "socialsekreterartjänster",
/// "handläggartjänster".
const SOCIAL_POST_STEMS: &str = "socialsekreterar|handläggar|utredar|socionom|behandlar";

/// A sick-leave rate by name: "sjukfrånvaron", compounds ("korttidssjukfrånvaron"), and the
/// records' words ("sjuktalet", "sjukskrivningstalet").
const SICK_RATE: &str = r"(?:[a-zåäö]*sjukfrånvaro(?:n)?|sjuktal(?:et)?|sjukskrivningstal(?:et)?)";

/// Whom posts of social services serve, after "tjänster för/inom": "fem tjänster för barn,
/// unga och vuxna" (not "tjänster för lärare").
const SERVED: &str = r"(?:barn|unga|vuxna|ekonomiskt bistånd|försörjningsstöd|missbruk|individ- och familjeomsorgen|ifo|socialtjänsten)";

/// A number that went up or down: "har minskat", "sjönk", "har halverats".
const CHANGE: &str = r"(?:har |hade )?(?:minskat|ökat|sjunkit|stigit|gått ner|gått upp|minskade|ökade|sjönk|steg|halverats|halverades)";

/// The staff counting themselves, now or then: "vi är i dag", "var vi", "är vi nu".
const WE_ARE: &str = r"\b(?:vi (?:är|var) (?:i dag|idag|nu|numera|totalt|bara|endast)|(?:är|var) vi(?: (?:i dag|idag|nu|numera|totalt|bara|endast))?)";

/// Posts standing empty, for the rules whose posts the sentence before named.
const EMPTY: &str = r"(?:vakanta|obesatta|tomma|otillsatta|utan (?:ordinarie |fast anställd |fast )?(?:personal|innehavare|tjänsteinnehavare))";

/// Wanting to leave one's job, after the share that does: "vill byta arbetsplats", "funderar
/// på att säga upp sig", "vill sluta".
const WANT_TO_LEAVE: &str = r"(?:vill|ville|skulle vilja|funderar på att|funderade på att|överväger att|övervägde att|planerar att|planerade att|tänker|tänkte) (?:att )?(?:säga upp sig|sluta (?:sitt jobb|sin anställning|på (?:sitt|sin|jobbet|arbetsplatsen))|lämna (?:yrket|jobbet|arbetsplatsen|sin tjänst|sin anställning|sitt jobb|sitt arbete|förvaltningen|socialtjänsten)|byta (?:jobb|arbete|yrke|arbetsplats|arbetsgivare|tjänst|bana))";

/// Wanting to stop, with nothing after it but a place: "som vill sluta är 41 procent" (not
/// "som vill sluta med övertiden", "sluta arbeta deltid").
const WANT_TO_STOP: &str = r"(?:vill|skulle vilja|funderar på att|överväger att|planerar att|tänker) (?:att )?sluta(?: (?:inom|på|i|vid) [^#,]{1,40}?)?";

pub(super) fn rules() -> Vec<Rule> {
    let empty = |p: &str| p.replace("<EMPTY>", EMPTY);
    let sick = |p: &str| p.replace("<SICK_RATE>", SICK_RATE);
    let served = |p: &str| p.replace("<SERVED>", SERVED);
    let filled = |p: &str| p.replace("<FILLED>", FILLED);
    let we_are = |p: &str| p.replace("<WE_ARE>", WE_ARE);
    let posts = |p: &str| p.replace("<SOCIAL_POST_STEMS>", SOCIAL_POST_STEMS);
    let mut rules = vec![
        // --- resigned -------------------------------------------------------------------
        // "10 av 30 socialsekreterare (vid ...) har sagt upp sig", "10 av de drygt 30
        // socialsekreterarna på avdelningarna har sagt upp sig", "tolv av stadsdelens 45
        // utredare har slutat"
        Rule::new(
            Kind::Resigned,
            "x-of-y-staff-quit",
            r"<V> av (?:de |dessa |totalt |sammanlagt |mina |våra |[a-zåäö]+s )?<OF> <ADJ><STAFF><GAP> (?:har |hade )?<QUIT>",
        ),
        // The total after the staff: "I Boxholm har två socialsekreterare av fem slutat sedan
        // årsskiftet".
        Rule::new(
            Kind::Resigned,
            "x-staff-of-y-quit",
            r"<V> <ADJ><STAFF> av (?:de |dessa |totalt |sammanlagt )?<OF>(?: [^ #,]+){0,6}? (?:har |hade )?<QUIT>",
        ),
        // Without the total: "sex av enhetens handläggare har sagt upp sig", "fem av våra
        // socialsekreterare har slutat sedan i höstas", "tre av socialsekreterarna har
        // slutat". Social workers by name, of a unit of theirs: "tre av bolagets anställda" is
        // anyone's.
        Rule::new(
            Kind::Resigned,
            "x-of-our-staff-quit",
            // Whose they are may be any unit's: "fem av jourens socialsekreterare".
            r"<V> av (?:mina |våra |<UNIT_GEN> |[a-zåäö]+s )?<ADJ>(?P<role><SOCIAL_STAFF>)\b<GAP> (?:har |hade )?<QUIT>",
        ),
        // Colleagues at a unit of social services, in a letter: "Sex av våra kollegor på
        // barnenheten har sagt upp sig" (not "på lagret").
        Rule::new(
            Kind::Resigned,
            "x-of-our-colleagues-quit",
            // and a union's members there: "14 av våra medlemmar på IFO har sagt upp sig"
            r"<V> av (?:mina |våra )(?:kolleg(?:or|orna|er|erna)|medlemmar) (?:på|inom|vid) <SOCIAL_PLACE>\b<GAP> (?:har |hade )?<QUIT>",
        ),
        // Of staff counted in the sentence before: "Under våren anställdes nio nya
        // socialsekreterare. Fyra av dem har redan slutat." (4 of 9; with no staff counted
        // there, no claim: "dem" could be anyone).
        Rule::new(
            Kind::Resigned,
            "x-of-them-quit",
            // Leaving the job, not "gått vidare" (to a permanent post, to the next course).
            r"<V> av (?:dem|dessa)(?: [^#,]{1,30}?)? (?:har |hade )?(?:(?:redan|sedan dess|nu|också|senare|snabbt) )*(?:sagt upp sig|sa upp sig|sade upp sig|slutat|slutade|<LEFT>|avslutat sin anställning|valt att (?:sluta|säga upp sig))",
        )
        .with_total_before(),
        // Part of those who left, in a time or a unit of its own: "Under 2025 har 16
        // socialsekreterare avslutat sin anställning, varav sju under andra halvåret", "Under
        // 2024 lämnade 18 socialsekreterare Karlstads socialtjänst, varav elva inom barn och
        // unga"
        Rule::new(
            Kind::Resigned,
            "of-which-in-a-time",
            r"(?:#n\d+# <ADJ><STAFF><GAP> (?:har |hade )?<QUIT>|\b(?:slutade|lämnade|avslutade|sa upp sig|sade upp sig) #n\d+# <ADJ><STAFF_>)[^#]{0,40}?,? varav <V> (?:(?:bara|enbart|endast) )?(?:under|i|sedan|efter|före|från|på|inom|vid) ",
        ),
        // "sa 12 av 21 socialsekreterare upp sig", "sade 5 av enhetens 14 handläggare upp sig"
        Rule::new(
            Kind::Resigned,
            "sa-x-of-y-upp-sig",
            r"\b(?:sa|sade) <V> av (?:de |dessa |[a-zåäö]+s )?<OF> <ADJ><STAFF> upp sig",
        ),
        // Without the total: "Under 2015 sa sju av enhetens socialsekreterare upp sig".
        Rule::new(
            Kind::Resigned,
            "sa-x-of-our-staff-upp-sig",
            r"\b(?:sa|sade) <V> av (?:mina |våra |<UNIT_GEN> )?<ADJ>(?P<role><SOCIAL_STAFF>)\b upp sig",
        ),
        // People of a unit, who can only be its staff where they resign or leave it: "Mellan
        // september och november sa 14 personer upp sig", "Under hela förra året lämnade fyra
        // personer enheten" (not "14 personer har slutat röka").
        Rule::new(
            Kind::Resigned,
            "people-resigned",
            // Nowhere else after it: not "sa 30 personer upp sig på Volvo".
            r"\b(?:sa|sade) <ONLY><V> personer(?: (?:på|inom|vid) <SOCIAL_PLACE>\b[^#,]{0,30}?)? upp sig(?:[,.;:]|$| (?:och|men|under|i|sedan|förra|efter|enligt|på (?:<SOCIAL_PLACE>|enheten|kontoret)\b))",
        ),
        Rule::new(
            Kind::Resigned,
            "people-left-the-unit",
            r"\blämnade <ONLY><V> personer (?:enheten|gruppen|förvaltningen|socialtjänsten|arbetsplatsen|socialkontoret)\b",
        ),
        // "sa 12 socialsekreterare upp sig"
        Rule::new(
            Kind::Resigned,
            "sa-x-staff-upp-sig",
            // "sade elva socialsekreterare inom individ- och familjeomsorgen upp sig"
            r"\b(?:sa|sade) <ONLY><V> <ADJ><STAFF>(?: (?:inom|på|vid|i|från|hos) [^#,]{1,50}?)? upp sig",
        ),
        // "Av de dryga 30 anställda (...) har 12 valt att säga upp sig", "Av enhetens 28
        // handläggare har sex slutat", and a share of them: "Av de 30 socialsekreterare som
        // fanns på enheten vid starten har hälften slutat" (50 percent of 30)
        Rule::new(
            Kind::Resigned,
            "of-y-have-x-quit",
            r"\bav (?:de |dessa |<UNIT_GEN> )?<OF> <ADJ><STAFF><GAP> (?:har|hade) #(?P<v>[np]\d+)# (?:[^ #]+ ){0,2}?<QUIT>",
        ),
        // "21 socialsekreterare som slutat", "15 handläggare på enheten har sagt upp sig"
        Rule::new(
            Kind::Resigned,
            "x-staff-quit",
            // Records name the unit at length: "31 medarbetare inom myndighetsutövningen för
            // individ- och familjeomsorg och LSS avslutat sin anställning".
            r"<V> <ADJ><STAFF> (?:[^ #,]+ ){0,10}?(?:som )?(?:har |hade )?<QUIT>",
        ),
        // V2 inversion in the simple past: a fronted time or place puts the verb before the
        // subject. "Förra året slutade 18 socialsekreterare", "Under 2022 lämnade 23 av 60
        // socialsekreterare förvaltningen", "Sammanlagt avgick 31 handläggare". (The perfect,
        // "har 14 socialsekreterare slutat", is x-staff-quit.) Honest gap: "lämnade 12
        // socialsekreterare in en skrivelse" (lämna in = hand in) would match; rare in print.
        Rule::new(
            Kind::Resigned,
            "quit-x-staff",
            r"\b(?:slutade|lämnade|avgick|avslutade) <ONLY><V> (?:av (?:de |dessa |totalt |[a-zåäö]+s )?<OF> )?<ADJ><STAFF>",
        ),
        // The total first, the verb before the count: "Av 84 socialsekreterare i Norrköpings
        // kommun slutade 21 under 2022", "Av de 40 handläggarna lämnade tolv under året".
        Rule::new(
            Kind::Resigned,
            "of-y-quit-x",
            r"\bav (?:de |dessa |<UNIT_GEN> |[a-zåäö]+s )?<OF> <ADJ><STAFF><GAP> (?:slutade|lämnade|avgick|sa upp sig|sade upp sig) <ONLY><V>",
        ),
        // V2 with a job taken elsewhere: "Under hösten tog fyra socialsekreterare i Upplands
        // Väsby anställning hos grannkommunerna".
        Rule::new(
            Kind::Resigned,
            "took-x-staff-jobs-elsewhere",
            r"\b(?:tog|tar) <V> <ADJ><STAFF>(?: [^#,]{1,40}?)? (?:en )?(?:ny )?anställning (?:hos|i|på|inom) <OTHER_EMPLOYER>",
        ),
        // The unit as subject: "Botkyrkas socialtjänst har tappat 14 socialsekreterare",
        // "enheten förlorade 9 av sina 20 handläggare".
        Rule::new(
            Kind::Resigned,
            "lost-x-staff",
            r"\b(?:tappat|tappade|förlorat|förlorade|blivit av med) <V> (?:av (?:sina |de |dessa |[a-zåäö]+s )?<OF> )?<ADJ><STAFF>",
        ),
        // "19 personer har sagt upp sig": "personer" is any people, so only verbs that can
        // only mean leaving a job count ("slutat" alone could be "slutat röka").
        Rule::new(
            Kind::Resigned,
            "x-persons-resigned",
            r"<V> personer (?:[^ #,]+ ){0,4}?(?:som )?(?:har |hade )?(?:sagt upp sig|sa upp sig|sade upp sig|avslutat sin anställning|avslutat sina anställningar|valt att säga upp sig|slutat sin anställning|slutat sina tjänster|lämnat (?:vår|min) (?:[a-zåäö-]*enhet|arbetsgrupp|avdelning|arbetsplats)\b)",
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
        // "hälften sa upp sig", "var tredje socialsekreterare har slutat", "drygt hälften av
        // socialsekreterarna i Norrtälje har sagt upp sig", "en tredjedel av personalen på
        // barnenheten har slutat": the staff may be placed before the verb.
        Rule::new(
            Kind::Resigned,
            "share-quit",
            r"<VP> (?:av )?(?:(?:de |alla |kommunens |förvaltningens |enhetens |[a-zåäö]+ens |[a-zåäö]+s )?<ADJ><STAFF>(?: (?:i|på|inom|vid) [^#,]{1,40}?)? )?(?:har |hade )?(?:sa upp sig|sade upp sig|sagt upp sig|slutade|slutat|<LEFT>|valt att sluta|valt att säga upp sig)",
        ),
        // "2016 slutade nära hälften av kommunens socialsekreterare"
        Rule::new(
            Kind::Resigned,
            "quit-share",
            r"\b(?:slutade|har slutat|lämnade|har lämnat|sa upp sig|sade upp sig) <VP> av (?:de |alla |[a-zåäö]+s )?<ADJ><STAFF>",
        ),
        // "personalomsättningen var 30 procent", "omsättningen av personal har legat på 35
        // procent", "personalomsättningen bland socialsekreterarna landade på 28 procent"
        Rule::new(
            Kind::Resigned,
            "turnover",
            r"\b(?:[a-zåäö]*personalomsättning(?:en)?|omsättning(?:en)? (?:av|på|bland) (?:personal(?:en)?|<STAFF_>))(?: [^#]{0,70}?)? (?:är|var|låg på|ligger på|legat på|har legat på|landade på|hamnade på|uppgick till|uppgår till|ökade till|har ökat till|steg till|på|till) <VP>",
        ),
        // The figure of another period it is set against: "har 14 socialsekreterare avslutat
        // sin anställning, vilket kan jämföras med nio under hela 2018"
        Rule::new(
            Kind::Resigned,
            "quit-compared-with",
            // "slutade fyra socialsekreterare, jämfört med femton året innan", "avslutade nio
            // socialsekreterare sin anställning, jämfört med 21 under 2021"
            r"(?:<STAFF_>.{0,80}?\b<QUIT>|\b<QUIT>.{0,40}?<STAFF_>|\b(?:sa|sade) <N> <ADJ><STAFF_>[^#]{0,60}? upp sig|\b(?:lämnade|avslutade) <N> <ADJ><STAFF_>).{0,60}?(?:jämfört med|jämföras med|att jämföra med) <V> (?:under|i|för|året|år)\b",
        ),
        // "Antalet socialsekreterare som slutat uppgår till 14"
        Rule::new(
            Kind::Resigned,
            "number-who-quit",
            r"\bantalet <ADJ><STAFF> som (?:har )?<QUIT>(?: [^#]{0,40}?)? (?:är|var|uppgår till|uppgick till|landade på|blev|(?:har )?(?:minskat|ökat|minskade|ökade|sjönk|steg) till) <V>",
        ),
        // V2 inversion: "Under 2014 minskade antalet socialsekreterare som slutade till 16"
        Rule::new(
            Kind::Resigned,
            "changed-number-who-quit",
            r"\b(?:minskade|ökade|sjönk|steg) antalet <ADJ>(?P<role><SOCIAL_STAFF>) som (?:har )?<QUIT>(?: [^#]{0,40}?)? till <V>",
        ),
        // --- intent_to_quit ---------------------------------------------------------------
        // "drygt 30 procent av medarbetarna (...) skulle vilja säga upp sig",
        // "var tredje socialsekreterare funderar på att sluta"
        Rule::new(
            Kind::IntentToQuit,
            "share-wants-to-quit",
            // The modal may be fronted ("kan 35 procent tänka sig att lämna"), the auxiliary
            // separated ("har under det senaste året övervägt att byta arbetsplats"), and the
            // wish reported as expectation ("tror att de kommer att sluta").
            r"<VP> .{0,120}?\b(?:vill|ville|skulle vilja|funderar på att|funderade på att|funderat på att|överväger att|övervägde att|övervägt att|planerar att|planerade att|planerat att|tänker|tänka sig att|kommer att|ser sig om efter|söker|letar efter) (?:att )?(?:säga upp sig|sluta|lämna|byta (?:jobb|arbete|yrke|arbetsplats|arbetsgivare|tjänst|bana)|söka (?:ett )?(?:annat|nytt) (?:jobb|arbete)|ett nytt jobb|nytt jobb|andra jobb|annat jobb)",
        ),
        // Surveys ask whether staff see themselves in the job in a few years: "I
        // medarbetarenkäten (...) uppgav 27 procent att de inte tror att de arbetar kvar i
        // förvaltningen om två år". Staff or a survey in view, and the job, not the town ("de
        // unga tror inte att de är kvar i kommunen").
        Rule::new(
            Kind::IntentToQuit,
            "share-not-staying",
            r"\b(?:[a-zåäö]*enkät[a-zåäö]*|<STAFF_>)[^#]{0,120}?<VP> [^#]{0,120}?\binte (?:tror|tänker|räknar med|ser sig|kan tänka sig) (?:att )?(?:de|man|sig själva) (?:arbetar|jobbar|kommer att (?:arbeta|jobba)) kvar\b",
        ),
        // ... with the staff after the share: "44 procent av medarbetarna inom socialtjänsten
        // svarar att de inte tror att de arbetar kvar om två år"
        Rule::new(
            Kind::IntentToQuit,
            "share-of-staff-not-staying",
            r"<VP> [^#]{0,20}?<STAFF_> [^#]{0,120}?\binte (?:tror|tänker|räknar med|ser sig|kan tänka sig) (?:att )?(?:de|man|sig själva) (?:arbetar|jobbar|kommer att (?:arbeta|jobba)) kvar\b",
        ),
        // The share as subject: "Andelen medarbetare inom individ- och familjeomsorgen som
        // (...) uppgav att de vill byta arbetsplats inom ett år var 41 procent"
        Rule::new(
            Kind::IntentToQuit,
            "share-who-want-to-quit-is",
            &format!(r"\bandelen <ADJ><STAFF_>[^#]{{0,160}}?\b{WANT_TO_LEAVE}[^#]{{0,60}}? (?:är|var|uppgick till|uppgår till|låg på|ligger på) <VP>"),
        ),
        // Wanting to stop, with only the verb after it: "Andelen socialsekreterare som vill
        // sluta är 41 procent" (not "vill sluta med övertiden").
        Rule::new(
            Kind::IntentToQuit,
            "share-who-want-to-stop-is",
            &format!(r"\bandelen <ADJ><STAFF_>[^#]{{0,80}}?\b{WANT_TO_STOP} (?:är|var|uppgick till|uppgår till|låg på|ligger på) <VP>"),
        ),
        // V2 inversion: "I Sollentuna är andelen socialsekreterare som vill sluta 41 procent"
        Rule::new(
            Kind::IntentToQuit,
            "is-share-who-want-to-quit",
            r"\b(?:är|var|blev|låg|ligger) andelen <ADJ><STAFF_>[^#]{0,60}?\b(?:vill|skulle vilja|funderar på att|överväger att|planerar att|tänker) (?:att )?(?:säga upp sig|sluta|lämna (?:yrket|jobbet|sitt jobb|arbetsplatsen)|byta (?:jobb|arbete|arbetsplats|arbetsgivare))(?: (?:inom|på|i|vid) [^#,]{1,30}?)? (?:på |till )?<VP>",
        ),
        // V2 inversion: "Enligt enkäten vill var tredje anställd inom IFO byta arbetsplats"
        Rule::new(
            Kind::IntentToQuit,
            "wants-share-to-quit",
            // A union's survey: "vill fler än hälften av medlemmarna på enheten byta jobb"
            r"\b(?:vill|skulle|funderar|överväger|planerar|tänker) <VP> (?:av (?:de |alla |[a-zåäö]+s )?)?(?:<ADJ><STAFF_>|medlemmarna (?:på|inom|vid) (?:[a-zåäö-]*enheten|socialtjänsten|[a-zåäö]*förvaltningen|ifo|individ- och familjeomsorgen))(?: [^#]{0,40}?)? (?:vilja |på att |att )?(?:säga upp sig|sluta|lämna|byta (?:jobb|arbete|yrke|arbetsplats|arbetsgivare|tjänst|bana))\b",
        ),
        // Those still there, with no staff word: "vill drygt hälften av dem som är kvar byta
        // jobb". Only leaving a job (not "lämna Sverige").
        Rule::new(
            Kind::IntentToQuit,
            "wants-share-of-those-left-to-quit",
            r"\b(?:vill|skulle vilja) <VP> av dem som (?:är|finns|har blivit|jobbar|arbetar) kvar (?:att )?(?:säga upp sig|sluta|byta (?:jobb|arbete|yrke|arbetsplats|arbetsgivare|tjänst|bana))\b",
        ),
        // "Fyra av tio socialsekreterare vill byta jobb": a share given as "X av Y", read as
        // the percentage X/Y (the spec's unit for this kind; see `share_of` in mod.rs). In a
        // survey the staff may be left out: "i enkäten uppger två av tre att de funderar på
        // att sluta".
        Rule::new(
            Kind::IntentToQuit,
            "x-of-y-want-to-quit",
            // Without the staff word the wish must be about the job: "vill sluta röka" is not.
            r"<V> av (?:de |dessa )?<OF> (?:<ADJ><STAFF_><GAP>\b(?:vill|skulle vilja|funderar på att|överväger att|planerar att|tänker|kan tänka sig att) (?:att )?(?:säga upp sig|sluta|lämna|byta (?:jobb|arbete|yrke|arbetsplats|arbetsgivare|tjänst|bana))|(?:svarar |uppger |säger )?att de (?:vill|skulle vilja|funderar på att|överväger att|planerar att|tänker) (?:säga upp sig|sluta(?:$|[.,;]| på (?:sitt|sin|jobbet|arbetsplatsen|enheten)| inom)|byta (?:jobb|arbete|yrke|arbetsplats|arbetsgivare|tjänst|bana)))",
        ),
        // --- vacancies ------------------------------------------------------------------
        // "det saknas 10 stycken socialsekreterare", "enheten saknar fem handläggare"
        // Recruiting is posts to fill: "Nu söker vi fem socialsekreterare", "Kommunen
        // rekryterar tolv handläggare till barn och unga". Social workers by name.
        Rule::new(
            Kind::Vacancies,
            "recruiting-staff",
            r"\b(?:(?:vi|kommunen|staden|[a-zåäö]*förvaltningen|socialtjänsten|[a-zåäö-]*enheten|nämnden)(?: i [^#,]{1,25}?)? (?:söker|rekryterar)|(?:söker|rekryterar) (?:vi|kommunen|staden|[a-zåäö]*förvaltningen|socialtjänsten|[a-zåäö-]*enheten|nämnden)) (?:nu |just nu |därför )*<V> <ADJ>(?P<role><SOCIAL_STAFF>)\b",
        ),
        Rule::new(
            Kind::Vacancies,
            "missing-staff",
            // A unit of social services may stand between in V2 order: "I januari saknade
            // socialtjänsten i Örebro 15 socialsekreterare". Only so the past "saknade": in "I
            // granskningen saknade tre handläggare relevant utbildning" they lacked something.
            r"\b(?:(?:saknas|saknar|fattas|saknades|fattades) (?:det |<SOCIAL_PLACE>(?: i [^#,]{1,25}?)? )?|saknade <SOCIAL_PLACE>(?: i [^#,]{1,25}?)? )(?:(?:i dag|idag|just nu|nu|fortfarande|ännu|i nuläget|för närvarande|totalt) )*<V> (?:stycken |st\.? )?<ADJ>(?:<STAFF>|[a-zåäö]*tjänster\b)",
        ),
        // The empty ones among the posts the same sentence counted: "Enheten har tolv
        // socialsekreterartjänster, och tre av dem är vakanta", "Där finns fem tjänster för
        // barn, unga och vuxna, och två av dem har varit obesatta". Social services' posts by
        // name, by their unit or by whom they serve: not "Företaget har 20 tjänster, och tre
        // av dem är vakanta". No total, as "varav" has none. "av dem" may be left out: "...
        // tolv socialsekreterartjänster och tre är vakanta".
        Rule::new(
            Kind::Vacancies,
            "posts-and-x-of-them-vacant",
            &served(&empty(&posts(r"(?:#n\d+# (?:<SOCIAL_POST_STEMS>)tjänster|\b(?:<SOCIAL_PLACE>|ifo)\b[^#]{0,40}? #n\d+# (?:[a-zåäö]+ )?tjänster|#n\d+# tjänster (?:för|inom) <SERVED>)\b[^#]{0,60}?,? (?:och|men) <V> (?:av (?:dem|dessa|tjänsterna) )?(?:har |hade )?(?:står|stod|är|var|har stått|har varit|varit|stått) <NOW><EMPTY>\b"))),
        ),
        // Posts the sentence before named as social services', split in this one: "Enheten
        // har 15 tjänster som socialsekreterare. Fyra tjänster var besatta med konsulter och
        // två var vakanta."
        Rule::new(
            Kind::Vacancies,
            "posts-split-and-x-vacant",
            &empty(r"#n\d+# (?:<ADJ>)?[a-zåäö]*tjänster\b[^#]{0,60}?,? (?:och|men) <V> (?:av (?:dem|dessa) )?(?:har |hade )?(?:står|stod|är|var|har stått|har varit|varit|stått) <NOW><EMPTY>\b"),
        )
        .with_antecedent(&POSTS_BEFORE),
        // Posts named in the sentence before: "Kommunen har tolv socialsekreterartjänster.
        // Sex står i dag utan ordinarie personal.", "... I dag är tre vakanta."
        Rule::new(
            Kind::Vacancies,
            "x-of-the-posts-before-vacant",
            &empty(r"^(?:och |men )?<V> (?:står|stod|är|var|har stått|har varit) <NOW><EMPTY>\b"),
        )
        .with_antecedent(&POSTS_BEFORE),
        Rule::new(
            Kind::Vacancies,
            "are-x-of-the-posts-before-vacant",
            &empty(r"\b(?:är|står|var|stod) <NOW><V> <NOW><EMPTY>\b"),
        )
        .with_antecedent(&POSTS_BEFORE),
        // ... and counted there: "Enheten har 21 tjänster enligt budget. Sedan februari är sex
        // av dem vakanta." (6 of 21)
        Rule::new(
            Kind::Vacancies,
            "x-of-them-vacant",
            &empty(r"<V> av (?:dem|dessa) <NOW>(?:står|stod|är|var|har stått|har varit) <NOW><EMPTY>\b"),
        )
        .with_total_before()
        .with_antecedent(&POSTS_BEFORE),
        Rule::new(
            Kind::Vacancies,
            "are-x-of-them-vacant",
            &empty(r"\b(?:är|står|var|stod) <NOW><V> av (?:dem|dessa) <NOW><EMPTY>\b"),
        )
        .with_total_before()
        .with_antecedent(&POSTS_BEFORE),
        // Municipal records: "Antalet vakanta tjänster uppgår till 6", "antalet vakanser är 4"
        Rule::new(
            Kind::Vacancies,
            "number-of-vacancies",
            r"\bantalet (?:(?:vakanta|obesatta|lediga|otillsatta|tomma) (?:[a-zåäö]*tjänster|platser|befattningar)|vakanser)(?: [^#]{0,40}?)? (?:är|var|uppgår till|uppgick till|ligger på|låg på|har ökat till|ökade till) <NOW><V>",
        ),
        // V2 inversion: "Just nu är nio socialsekreterartjänster obesatta", "i dag står fem
        // tjänster tomma". Only posts: "socialsekreterare är lediga" means on leave.
        Rule::new(
            Kind::Vacancies,
            "are-x-posts-vacant",
            // "I vintras var elva av socialtjänstens 45 tjänster inom barn och unga obesatta",
            // "Samtidigt står fem av enhetens tjänster obesatta"
            r"\b(?:är|står|var|stod) (?:som mest |som flest )?<NOW><V> (?:av (?:de |[a-zåäö]+s )?<OF> |av <UNIT_GEN> )?<ADJ>(?:[a-zåäö]*tjänster|årsarbetare|befattningar)(?: som [a-zåäö]+)?(?: (?:inom|på|vid|i|för) [^#,]{1,40}?)? (?:fortfarande |just nu |i dag )?(?:vakanta|obesatta|tomma|otillsatta|lediga)\b",
        ),
        // "Av 40 tjänster är 11 vakanta", "30 tjänster, varav 8 är vakanta"
        Rule::new(
            Kind::Vacancies,
            "of-y-posts-x-vacant",
            // (Places with a long name between are a home's: "Av 24 platser på kommunens
            // stödboende ... var 5 lediga".)
            // "Av socialnämnden Nordosts 74 årsarbetare som barnutredare är i dag 21 obesatta"
            r"\bav (?:de |totalt |(?:[a-zåäö]+ )?[a-zåäö]+s )?<OF> (?:(?:[a-zåäö]*tjänster(?:na)?|årsarbetare) (?:[^#]{0,80}? )?|platser (?:[^#]{0,30}? )?)(?:är|står|var|stod) <NOW><V> (?:vakanta|obesatta|tomma|otillsatta|lediga)\b",
        ),
        Rule::new(
            Kind::Vacancies,
            "posts-of-which-vacant",
            // "fanns 8,0 tjänster som socialsekreterare med inriktning mot barn och unga,
            // varav tre var vakanta"
            // "IFO har 26 socialsekreterartjänster, varav fyra för närvarande är vakanta"
            // The posts are a staffing claim of their own, not the vacancies' total: every set's
            // gold reads "22 tjänster, varav sex vakanta" as six vacancies and 22 posts.
            r"#n\d+# (?:[a-zåäö]*tjänster[^#]{0,80}?|platser[^#]{0,20}?) varav <V> (?:(?:i dag|idag|just nu|nu|för närvarande|fortfarande) )?(?:är |står |var |stod )?(?:vakanta|obesatta|tomma|otillsatta|lediga)\b",
        ),
        // "nästan var fjärde tjänst inom barn och unga är obesatt"
        Rule::new(
            Kind::Vacancies,
            "share-post-vacant",
            r"<VP> (?:socialsekreterar|handläggar|utredar|socionom)?tjänst(?: som [a-zåäö]+| (?:inom|på|vid|i|för) [^#,]{1,40}?)? (?:är |var |står |stod )?<NOW>(?:vakant|obesatt|otillsatt)\b",
        ),
        // "två av tjänsterna är fortfarande vakanta"
        Rule::new(
            Kind::Vacancies,
            "x-of-the-posts-vacant",
            // and "två av tjänsterna är fortfarande inte tillsatta"
            r"<V> av (?:de |[a-zåäö]+s )?(?:[a-zåäö]*tjänsterna|platserna) <NOW>(?:är|står|var|stod) <NOW>(?:vakanta|obesatta|tomma|otillsatta|lediga|(?:inte|ej) (?:tillsatta|besatta))\b",
        )
        // The posts of the sentence before: not a school's ("Skolan har sex lärartjänster.").
        .with_scope_before(),
        // V2 with the posts of a unit: "I dag är nio av tjänsterna obesatta" (not "lediga":
        // "fyra av tjänsterna i erbjudandet är lediga att boka").
        Rule::new(
            Kind::Vacancies,
            "are-x-of-the-posts-vacant",
            r"\b(?:är|står|var|stod) <NOW><V> av (?:de |[a-zåäö]+s )?[a-zåäö]*tjänsterna(?: (?:inom|på|vid|i|för) [^#,]{1,40}?)? (?:fortfarande |just nu |i dag )?(?:vakanta|obesatta|tomma|otillsatta)\b",
        ),
        // What a unit has had: "har under hösten haft tre av sex socialsekreterartjänster
        // inom barn och familj vakanta"
        Rule::new(
            Kind::Vacancies,
            "had-x-posts-vacant",
            r"\b(?:har|hade|haft) (?:[^#]{1,30}? )?<V> (?:av (?:de |[a-zåäö]+s )?<OF> )?<ADJ>(?:[a-zåäö]*tjänster(?: (?:inom|på|vid|i|för) [^#,]{1,40}?)? |(?:socialsekreterar|handläggar|utredar|socionom)tjänster(?: (?:inom|på|vid|i|för) [^#,]{1,40}?)? (?:stått|varit) )(?:vakanta|obesatta|otillsatta|tomma)\b",
        ),
        // "sex tjänster saknar ordinarie innehavare"
        Rule::new(
            Kind::Vacancies,
            "posts-without-holder",
            r"<V> <ADJ>[a-zåäö]*tjänster (?:[^#]{0,30}? )?(?:saknar|saknade) (?:ordinarie |fast anställd |fast )?(?:tjänste)?innehavare\b",
        ),
        // Tables of municipal reports: "Antal vakanta tjänster: 13"
        Rule::new(
            Kind::Vacancies,
            "table-vacancies",
            r"^antal(?:et)? (?:vakanta|obesatta|otillsatta) (?:[a-zåäö]*tjänster|befattningar)(?: [^#:]{1,40})?: <V>",
        ),
        // A share: "ungefär en fjärdedel av tjänsterna är vakanta"
        Rule::new(
            Kind::Vacancies,
            "share-of-posts-vacant",
            r"<VP> av (?:de |alla |[a-zåäö]+s )?(?:[a-zåäö]*tjänster(?:na)?|platserna) (?:är|står|var|stod) <NOW>(?:vakanta|obesatta|tomma|otillsatta|lediga)\b",
        ),
        // "sju vakanta tjänster", "tre obesatta socialsekreterartjänster", "tillsätter de åtta
        // vakanta tjänsterna"
        Rule::new(
            Kind::Vacancies,
            "vacant-posts",
            r"<V> (?:<ADJ>)?(?:vakanta|obesatta|lediga|tomma|otillsatta) (?:[a-zåäö]*tjänster(?:na)?|platser|befattningar)\b",
        ),
        // "fem tjänster är vakanta", "tre socialsekreterartjänster står tomma"
        Rule::new(
            Kind::Vacancies,
            "posts-are-vacant",
            // "sju tjänster som socialsekreterare är otillsatta"; staff are never "lediga"
            // here, that is leave, not a vacancy.
            // "tre av 19 tjänster är obesatta", "elva ordinarie tjänster står tomma"
            // "fem av enhetens tjänster är i dag vakanta"
            r"<V> (?:av (?:de |[a-zåäö]+s )?<OF> |av [a-zåäö]+s )?(?:<ADJ>[a-zåäö]*tjänster(?: som [a-zåäö]+| (?:inom|på|vid|för) <SOCIAL_PLACE>)? (?:som )?<NOW>(?:är|står|var|stod|har varit|hade varit|har stått) <NOW>(?:vakanta|obesatta|tomma|otillsatta|lediga)|<STAFF> (?:är|står|var|stod) (?:fortfarande |just nu )?(?:vakanta|obesatta|otillsatta))\b",
        ),
        // "ett dussin tjänster som vi inte har lyckats tillsätta", "fyra tjänster som inte
        // har kunnat tillsättas"
        Rule::new(
            Kind::Vacancies,
            "posts-not-filled",
            // and without "som": "två tjänster har inte gått att återbesätta"
            r"<V> <ADJ>[a-zåäö]*tjänster (?:som (?:[a-zåäö]+ ){0,2}?)?(?:har |hade )?(?:inte|ännu inte|fortfarande inte) (?:har |hade |gått att |har gått att |kunnat |har kunnat |lyckats |har lyckats )*(?:tillsätta|tillsättas|tillsatts|besätta|besättas|besatts|återbesätta|återbesättas|rekrytera|rekryteras)\b",
        ),
        // "fem vakanser", "vakanser motsvarande 7 tjänster"
        Rule::new(Kind::Vacancies, "x-vacancies", r"<V> vakans(?:er)?\b"),
        Rule::new(
            Kind::Vacancies,
            "vacancies-of",
            r"\bvakans(?:er|erna)? (?:på|om|motsvarande) <V>",
        ),
        // --- staffing -------------------------------------------------------------------
        // A headcount that changed, both ends: "I Solna har antalet socialsekreterare på
        // barn- och ungdomsenheten minskat från 30 till 22 på två år".
        Rule::new(
            Kind::Staffing,
            "number-of-staff-from",
            r"\bantalet <ADJ><STAFF>(?: (?:på|i|inom|vid) [^#,]{1,50}?)? <CHANGE>(?: [^#,]{1,20}?)? från <V> (?:till|ner till|upp till) #n\d+#".replace("<CHANGE>", CHANGE).as_str(),
        ),
        Rule::new(
            Kind::Staffing,
            "number-of-staff-to",
            r"\bantalet <ADJ><STAFF>(?: (?:på|i|inom|vid) [^#,]{1,50}?)? <CHANGE>(?: [^#,]{1,20}?)? från #n\d+# (?:till|ner till|upp till) <V>".replace("<CHANGE>", CHANGE).as_str(),
        ),
        // "Ordinarie bemanning är 32 stycken"
        Rule::new(
            Kind::Staffing,
            "staffing-level",
            r"\b(?:full |ordinarie |normal )?(?:grund)?bemanning(?:en)?(?: [^#]{0,40}?)? (?:är|var|ligger på|uppgår till|om|på) <V>",
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
            // "fanns 8,0 tjänster som socialsekreterare"
            // and with a time: "Där arbetade i januari elva handläggare"
            r"\b(?:finns|fanns|arbetar|arbetade|jobbar) (?:det )?<NOW><V> <ADJ>(?:[a-zåäö]*tjänster som )?<STAFF>",
        ),
        // Posts of social services, by whom they serve or where: "Där finns fem tjänster för
        // barn, unga och vuxna", "På familjeenheten finns 25 tjänster" (not "I hemtjänsten
        // finns 80 tjänster", nor "finns 12 tjänster för lärare").
        Rule::new(
            Kind::Staffing,
            "there-are-posts-for",
            &served(r"\b(?:finns|fanns) (?:det )?(?:i dag |idag |totalt |nu )?<V> [a-zåäö]*tjänster (?:för|inom) <SERVED>\b"),
        ),
        Rule::new(
            Kind::Staffing,
            "there-are-posts-at",
            r"\b(?:på|inom|i) <SOCIAL_PLACE>\b[^#,]{0,30}? (?:finns|fanns) (?:det )?(?:i dag |idag |totalt |nu )?<V> [a-zåäö]*tjänster\b",
        ),
        Rule::new(
            Kind::Staffing,
            "staff-are-there",
            r"<V> <ADJ><STAFF> (?:finns|arbetar|jobbar) (?:på|inom|i|vid)\b",
        ),
        // The total a share is of, in a relative clause: "var fjärde av de drygt 80
        // socialsekreterare som arbetar inom individ- och familjeomsorgen" (not "Fem
        // socialsekreterare som arbetar på familjeenheten har fått ett pris", a few of them)
        Rule::new(
            Kind::Staffing,
            "of-the-staff-who-work-there",
            r"\bav (?:de |alla |samtliga )?<V> <ADJ><STAFF> som (?:finns|arbetar|jobbar) (?:på|inom|i|vid)\b",
        ),
        // Records: "Antalet budgeterade socialsekreterartjänster inom utredning uppgår till 52".
        // Social staff only: "antalet anställda i kommunen" is everyone, "lärartjänster"
        // another service.
        Rule::new(
            Kind::Staffing,
            "number-of-staff",
            r"\bantalet <ADJ>(?:(?P<role><SOCIAL_STAFF>)|(?:socialsekreterar|handläggar|utredar|socionom)?tjänster)(?: [^#]{0,60}?)? (?:är|var|uppgår till|uppgick till|ligger på|låg på) <NOW><V>",
        ),
        // Tables: "Antal socialsekreterare: 38"
        Rule::new(
            Kind::Staffing,
            "table-staff",
            r"^antal(?:et)? <ADJ>(?:(?P<role><SOCIAL_STAFF>)|(?:socialsekreterar|handläggar|utredar|socionom)?tjänster)(?: [^#:]{1,40})?: <V>",
        ),
        // "enheten består av 14 handläggare", "avdelningen har 20 tjänster", compounds
        // ("mottagningsenheten", "arbetsgruppen") and a place ("socialtjänsten i Ljusdal har
        // sex socialsekreterare").
        Rule::new(
            Kind::Staffing,
            "unit-has",
            // "Individ- och familjeomsorgen i Gällivare ska ha nio socialsekreterare",
            // "enheten ska enligt budget ha tio socialsekreterare"
            // "Enheten för barn och familj består i dag av elva", and with its source:
            // "Myndighetsavdelningen har enligt förvaltningens egna uppgifter 52
            // handläggartjänster".
            r"\b(?:[a-zåäö-]*enhete(?:n|rna)|[a-zåäö-]*avdelningen|[a-zåäö]*gruppen|[a-zåäö]*förvaltningen|socialtjänsten|(?:individ- och )?familjeomsorgen|ifo|[a-zåäö]*kontoret|[a-zåäö]*teamet|sektionen|familjerätten|socialjouren)(?: (?:i|på|inom|för) [^#,]{1,30}?)?(?:, som)? (?:(?:består|bestod|ska bestå) (?:i dag |idag |nu |totalt )?av|omfattar|omfattade|har|hade|(?:ska|skulle|bör) (?:[a-zåäö]+ ){0,2}?ha) (?:i dag |idag |totalt |tillsammans |nu |enligt [^#,]{1,40}? )?<V> <ADJ>(?:<STAFF>|[a-zåäö]*tjänster|årsarbetare|heltidstjänster)\b",
        ),
        // A unit with its name: "Myndighetsenheten Barn och familj i Gävle kommun har 34
        // tjänster som socialsekreterare". Social workers by name only: "Enheten Park och
        // natur har 18 anställda" is another trade.
        Rule::new(
            Kind::Staffing,
            "named-unit-has",
            r"\b(?:[a-zåäö-]*enheten|[a-zåäö-]*avdelningen|[a-zåäö]*gruppen) [^#,]{1,40}? (?:har|hade|omfattar|består (?:i dag |idag |nu )?av) (?:i dag |idag |totalt |nu )?<V> <ADJ>(?:[a-zåäö]*tjänster som )?(?P<role><SOCIAL_STAFF>)\b",
        ),
        // V2 inversion: "I dag har enheten för barn och unga 46 socialsekreterare". Social
        // workers by name: "i dag har it-enheten 14 anställda" is another unit.
        Rule::new(
            Kind::Staffing,
            "has-unit",
            // "omfattar utredningsgruppen för barn och unga 26 tjänster som socialsekreterare",
            // "I Skellefteå har familjerätten fem familjerättssekreterare"
            r"\b(?:har|hade|omfattar|omfattade) (?:(?:[a-zåäö]+- och )?[a-zåäö-]*enhet(?:en|erna)|[a-zåäö-]*avdelningen|[a-zåäö]*gruppen|socialtjänsten|(?:individ- och )?familjeomsorgen|sektionen|familjerätten|[a-zåäö]*jouren)(?: (?:i|på|inom|för) [^#,]{1,30}?)? (?:i dag |idag |totalt |nu )?<V> <ADJ>(?:[a-zåäö]*tjänster som )?(?P<role><SOCIAL_STAFF>)\b",
        ),
        // What it should have: "Enligt budgeten ska enheten ha 24 socialsekreterare". Only
        // social secretaries by name: other agencies' units have "handläggare" too.
        Rule::new(
            Kind::Staffing,
            "should-unit-have",
            r"\b(?:ska|skulle|bör) (?:[a-zåäö-]*enheten|[a-zåäö]*gruppen|socialtjänsten|(?:individ- och )?familjeomsorgen)(?: (?:i|på|inom|för) [^#,]{1,30}?)? ha (?:totalt )?<V> <ADJ>(?P<role>(?:social)?sekreterar(?:e|na)|socionom(?:er|erna))\b",
        ),
        // The social workers among a unit's posts: "Enheten för barn och unga har 58
        // tillsvidaretjänster, varav 41 socialsekreterare" (not "slutade 14 medarbetare, varav
        // 9 socialsekreterare", nor "Skatteverket har 10 500 anställda, varav 900 utredare")
        Rule::new(
            Kind::Staffing,
            "posts-of-which-staff",
            r"\b(?:har|hade|finns|fanns|omfattar|omfattade|består av|bestod av) (?:[^#]{0,40}? )?#n\d+# [a-zåäö]+,? varav <V> (?P<role>(?:social|barn|familje)?sekreterar(?:e|na)|socionomer|socialarbetare)\b",
        ),
        // A municipality as a whole: "Luleå kommun har 34 socialsekreterare". Only words
        // for social workers: "Halmstads kommun har 7 000 anställda" is every employee.
        Rule::new(
            Kind::Staffing,
            "municipality-has",
            r"\bkommun(?:en)? (?:har|hade|(?:ska|skulle|bör) (?:[a-zåäö]+ ){0,2}?ha) (?:i dag |idag |totalt |nu )?<V> <ADJ>(?:(?P<role><SOCIAL_STAFF>)|(?:socialsekreterar|handläggar|socionom)tjänster)\b",
        ),
        // "Inom barn och familj ska vi vara 24 socialsekreterare". Only with "vara": the
        // prefilter cannot see "vi", "de" or "är" (too short), and a rule that needs only a
        // figure and a staff word sent a sixth more sentences of the claim-dense seeds down
        // the full path.
        Rule::new(
            Kind::Staffing,
            "we-are",
            r"\b(?:(?:vi|de) (?:ska|skulle) vara|(?:ska|skulle) (?:vi|de) vara) (?:i dag |idag |nu |totalt )?<V> <ADJ><STAFF>",
        ),
        // Every post filled: "Vid årets slut var samtliga 14 tjänster på enheten besatta".
        Rule::new(
            Kind::Staffing,
            "all-posts-filled",
            &filled(r"\b(?:(?:är|var) (?:(?:nu|i dag|idag|då|åter) )?)?(?:samtliga|alla|de) <V> <ADJ>[a-zåäö]*tjänster(?:na)?(?: [^#,]{0,40}?)? (?:(?:är|var|blev|har varit) (?:nu |i dag |idag |då |åter )?)?<FILLED>"),
        ),
        // A headcount said as "we are": "hösten 2013 var de elva på barn- och
        // ungdomsenheten", "Vi är 14 socialsekreterare på mottagningen". The unit is what
        // makes it a headcount ("vi var fem i bilen" is none).
        // The staff count themselves, now or at a time, by their titles: "Vi är i dag elva
        // behandlare och sex socialsekreterare", "För två år sedan var vi 15 behandlare".
        // Not those who sign ("Vi är fem socialsekreterare som skriver"): the clause ends
        // at the title.
        Rule::new(
            Kind::Staffing,
            "we-are-n-staff",
            &we_are(r"<WE_ARE> <V> <ADJ>(?P<role><SOCIAL_STAFF>)(?:$|[.,;:!]| (?:och|men|på|i|inom|vid|när|då)\b)"),
        ),
        Rule::new(
            Kind::Staffing,
            "we-are-n-staff-and-m",
            &we_are(r"<WE_ARE> #n\d+# <ADJ><SOCIAL_STAFF>,? och <V> <ADJ>(?P<role><SOCIAL_STAFF>)(?:$|[.,;:!]| (?:på|i|inom|vid|när|då)\b)"),
        ),
        // Some of the staff the sentence has just counted are ill: "I dag arbetar fem
        // mottagningssekreterare på mottagningen, och två av dem är sjukskrivna".
        Rule::new(
            Kind::SickLeave,
            "staff-and-x-of-them-sick",
            r"#n\d+# <ADJ><STAFF_>\b[^#]{0,60}?,? (?:och|men|varav) <V> (?:av (?:dem|dessa) )?(?:är|var) <NOW>(?:lång|heltids|deltids)?(?:tids)?sjukskriv(?:na|en)\b",
        ),
        // A headline with no verb: "Fyra av sex tjänster tomma på familjerätten". Posts of
        // social services, by their name or their unit's (not "på brandstationen").
        Rule::new(
            Kind::Vacancies,
            "headline-posts-empty",
            &posts(r"^<V> (?:av <OF> )?<ADJ>(?:(?:<SOCIAL_POST_STEMS>)tjänster (?:vakanta|tomma|obesatta|otillsatta)\b|[a-zåäö]*tjänster (?:vakanta|tomma|obesatta|otillsatta) (?:på|inom|vid|i) <SOCIAL_PLACE>)"),
        ),
        Rule::new(
            Kind::Staffing,
            "we-are-at-unit",
            r"\b(?:(?:vi|de|dom) (?:är|var)|(?:är|var) (?:vi|de|dom)) (?:(?:i dag|idag|nu|då|bara|endast|totalt) )*<V>(?: <ADJ><STAFF>)? (?:på|i|inom) (?:(?:[a-zåäö]+- och )?[a-zåäö-]*enheten|[a-zåäö]*gruppen)\b",
        ),
        // The social workers the sentence before named, counted at a time: "Enheten har
        // tappat de flesta av sina erfarna socialsekreterare. I januari i fjol var de tolv."
        Rule::new(
            Kind::Staffing,
            "they-were-n-then",
            r"^(?:i fjol|förra året|(?:i|under) <MONTH>(?: i fjol| förra året| \d{4})?|(?:våren|hösten|sommaren|vintern) \d{4}) (?:var|är) (?:de|dom|vi) (?:bara |endast )?<V>(?: stycken| st)?(?:$|[.;:!])",
        )
        .with_antecedent(r"\b(?:[a-zåäö]*sekreterar(?:e|na)|[a-zåäö]*handläggar(?:e|na)|socionom(?:er|erna)|utredar(?:e|na)|medarbetar(?:e|na))\b(?:[^,;]|,[0-9])*$"),
        // --- sick_leave -----------------------------------------------------------------
        // "sjukfrånvaron bland socialsekreterarna är 12 procent", compounds
        // ("korttidssjukfrånvaron") and the records' words ("sjuktalet", "sjukskrivningstalet")
        Rule::new(
            Kind::SickLeave,
            "sick-leave-rate",
            r"\b(?:[a-zåäö]*sjukfrånvaro(?:n)?|sjuktal(?:et)?|sjukskrivningstal(?:et)?|sjukskrivningsgrad(?:en)?)(?: [^#]{0,60}?)? (?:är|var|ligger på|låg på|legat på|har legat på|ligger|låg|legat|uppgår till|uppgick till|har ökat till|ökade till|har stigit till|steg till|landade på|nådde|har nått|nådde upp till|(?:är|var|ligger|låg) (?:nu )?uppe i|från|på|till) (?:enligt [a-zåäö]+ )?(?:(?:i dag|idag|<WHEN>) )?<VP>",
        ),
        // The rate after a change, coordinated: "Sjukfrånvaron inom enheten har enligt
        // arbetsgivarens statistik mer än fördubblats på två år och är nu 12 procent"
        Rule::new(
            Kind::SickLeave,
            "sick-leave-changed-and-is",
            // The rate is the subject: not "Enheten har haft hög sjukfrånvaro ... och är nu 20
            // procent underbemannad".
            r"\b(?:[a-zåäö]*sjukfrånvaron|sjuktalet) [^#]{1,100}? och (?:är|var|(?:ligger|låg) (?:nu |i dag |idag )?på) <NOW><VP>",
        ),
        // V2 inversion: "Enligt personalstatistiken var sjukfrånvaron inom individ- och
        // familjeomsorgen 9,7 procent under 2022"
        Rule::new(
            Kind::SickLeave,
            "is-sick-leave-rate",
            r"\b(?:är|var|låg|ligger|uppgick|uppgår|landade) (?:[a-zåäö]+ ){0,2}?(?:[a-zåäö]*sjukfrånvaron|sjuktalet|sjukskrivningstalet)(?: (?:bland|inom|på|i|för|hos) [^#,]{1,50}?)? (?:på |till )?<VP>",
        ),
        // V2, the verb first: "Just nu är fem av socialsekreterarna på utredningsenheten för
        // barn och unga sjukskrivna".
        Rule::new(
            Kind::SickLeave,
            "are-x-of-staff-sick",
            r"\b(?:är|var) <NOW><V> av (?:<UNIT_GEN> |de |dessa )?<ADJ><STAFF>(?: (?:på|i|inom|vid|för) [^#]{1,60}?)? (?:lång|heltids|deltids)?(?:tids)?sjukskriv(?:na|en)\b",
        ),
        // "Av de nio som arbetar i gruppen i dag är två sjukskrivna"
        Rule::new(
            Kind::SickLeave,
            "of-y-x-are-sick",
            r"\bav (?:de |dessa )?<OF> (?:<ADJ><STAFF_> |som (?:arbetar|jobbar) )(?:[^#]{0,50}? )?(?:är|var) <NOW><V> (?:lång|heltids|deltids)?(?:tids)?sjukskriv(?:na|en)\b",
        ),
        // The rate of another period it is set against: "Sjukfrånvaron var 7,2 procent under
        // 2019, jämfört med 5,5 procent under 2018"
        Rule::new(
            Kind::SickLeave,
            "rate-compared-with",
            // and "14 procent i maj, mot 6 procent i januari", "9,8 procent, en ökning från
            // 6,7 procent"
            &sick(r"\b<SICK_RATE>[^#]{0,60}?#p\d+#[^#]{0,40}?(?:jämfört med|jämföras med|att jämföra med|mot|en (?:ökning|minskning) från|upp från|ned från|ner från) <VP>"),
        ),
        // Where a rate went, after where it came from: "Sjukfrånvaron har också minskat, från
        // 10,2 procent under 2021 till 6,8 procent under 2022".
        Rule::new(
            Kind::SickLeave,
            "rate-from-to",
            &sick(r"\b<SICK_RATE>[^#]{0,60}? från #p\d+#(?: [^#,]{1,30}?)? till <VP>"),
        ),
        // A second rate of another unit or time, with "den" for the rate: "Sjukfrånvaron i
        // Åseda låg på 4,2 procent under 2022, medan den på barn- och familjeenheten var 13
        // procent".
        Rule::new(
            Kind::SickLeave,
            "rate-while-it-was",
            &sick(r"\b<SICK_RATE>[^#]{0,60}?#p\d+#[^#]{0,40}?, medan den (?:[^#]{1,60}? )?(?:var|är|låg på|ligger på|uppgick till|uppgår till|landade på) <VP>"),
        ),
        // Tables: "Sjukfrånvaro januari–augusti: 8,4 procent"
        Rule::new(
            Kind::SickLeave,
            "table-sick-leave",
            &sick(r"^<SICK_RATE>(?: [^#:]{1,40})?: <VP>"),
        ),
        // Another place's rate after the sentence before gave one: "I Kumla är sjukfrånvaron
        // 9,1 procent. I Hallsberg var motsvarande siffra 6,2 procent."
        Rule::new(
            Kind::SickLeave,
            "corresponding-rate",
            r"\b(?:(?:var|är|låg|ligger) motsvarande (?:siffra|andel|nivå|tal)|motsvarande (?:siffra|andel|nivå|tal) (?:var|är|låg på|ligger på)) <VP>",
        )
        .with_antecedent(r"(?:sjukfrånvaro|sjuktal|sjukskrivningstal)(?:[^,;]|,[0-9])*$"),
        // A pronoun for the rate named in the sentence before: "... är sjukfrånvaron ett
        // växande problem. Bland socialsekreterarna ligger den på 9,5 procent."
        Rule::new(
            Kind::SickLeave,
            "it-is-rate",
            r"\b(?:(?:ligger|låg|landade|hamnade|uppgår|uppgick) den (?:nu |i dag |idag )?(?:på|till)|den (?:ligger|låg|landade|hamnade|uppgår|uppgick) (?:nu |i dag |idag )?(?:på|till)) <VP>",
        )
        .with_antecedent(r"(?:sjukfrånvaro|sjuktal|sjukskrivningstal)(?:[^,;]|,[0-9])*$"),
        // ... with "var" after a fronted time: "Under första tertialet var den 12,4 procent".
        // Only after "under": "den" and "var" are too common for the prefilter to search, so
        // without a word of its own the rule sent every sentence with a figure down the full
        // path (claim extraction half again as costly on the scale benchmark's texts).
        Rule::new(
            Kind::SickLeave,
            "it-was-rate",
            r"^under [^#,]{1,40}? var den <VP>",
        )
        .with_antecedent(r"(?:sjukfrånvaro|sjuktal|sjukskrivningstal)(?:[^,;]|,[0-9])*$"),
        // ... and as it changed: "I oktober hade den stigit till 11 procent". Only after a
        // fronted time: in "Andelen timanställda är högre, och i år steg den till 30
        // procent", "den" is the share the sentence names.
        Rule::new(
            Kind::SickLeave,
            "it-changed-to-rate",
            r"^(?:(?:i|under|vid|efter|sedan|till|fram till) [^#,]{1,30}? )?(?:(?:steg|sjönk|ökade|minskade) den|(?:har|hade) den (?:nu |sedan dess |därefter )?(?:stigit|sjunkit|ökat|minskat)) till <VP>",
        )
        .with_antecedent(r"(?:sjukfrånvaro|sjuktal|sjukskrivningstal)(?:[^,;]|,[0-9])*$"),
        // V2 inversion: "På enheten är sju medarbetare sjukskrivna", "i dag är fem av
        // enhetens 18 socialsekreterare sjukskrivna"
        Rule::new(
            Kind::SickLeave,
            "are-x-staff-sick",
            // "är just nu fyra av enhetens handläggare sjukskrivna"
            r"\b(?:är|var) <NOW><V> (?:av (?:de |dessa |[a-zåäö]+s )?<OF> |av (?:de |dessa |[a-zåäö]+s ))?<ADJ><STAFF> (?:[^#]{0,60}? )?(?:lång|heltids|deltids)?(?:tids)?sjukskriv(?:na|en)\b",
        ),
        // "fem är sjukskrivna", "tre av tolv handläggare är långtidssjukskrivna", "två av
        // enhetens handläggare blev sjukskrivna", "tre medarbetare för närvarande är
        // långtidssjukskrivna"
        Rule::new(
            Kind::SickLeave,
            "x-are-on-sick-leave",
            // "Fem socialsekreterare på mottagningsenheten i Kristianstad är i dag sjukskrivna"
            // (not "Fem av oss är sjukskrivna": "oss" may be a school's teachers)
            r"<V> (?:av (?:de |dessa |mina |våra |<UNIT_GEN> )?(?:<OF> )?)?(?:<ADJ><STAFF>(?: (?:på|inom|vid) <SOCIAL_PLACE>(?: i [^#,]{1,25}?)?)? )?<NOW>(?:är|var|har varit|varit|blivit|blev) <NOW>(?:[a-zåäö]+ )?(?:sjukskrivna|långtidssjukskrivna|sjukskriven|sjukskrivits)\b",
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
            // also "var femte socialsekreterare är sjukskriven"
            r"<VP> (?:(?:av (?:de |alla |[a-zåäö]+s )?)?(?:<STAFF_>|personalen|medarbetarna) )?(?:är|var) (?:lång)?(?:tids)?sjukskriv(?:na|en)\b",
        ),
    ];
    rules.extend(posts_filled());
    rules
}

/// Filled, of posts, with what by, if anything (not by consultants: those are hired staff,
/// another kind): "tillsatta", "tillsatta med egen personal", "besatta med
/// tillsvidareanställda".
const FILLED: &str = r"(?:tillsatta|besatta)(?: med (?:egen|ordinarie|fast|tillsvidare)[a-zåäö]*(?: personal)?)?(?:$|[.,;:!]| (?:och|men|per|vid|den|i|sedan|enligt)\b)";

/// Posts, and how many of them are filled: both figures are headcounts, what the unit should
/// have and what it has, so each shape is two rules, one per figure (`<TOTAL>` and
/// `<FILLED_COUNT>` take the claim's figure in turn).
fn posts_filled() -> Vec<Rule> {
    let shapes = [
        // "Av enhetens 24 tjänster inom barn och unga var vid årsskiftet bara 15
        // tillsatta", "Av de 28 tjänsterna är i dag 17 tillsatta med tillsvidareanställda"
        (
            "of-posts-x-filled",
            r"\bav (?:<UNIT_GEN> |de |dessa |totalt |kommunens )?<TOTAL> <ADJ>[a-zåäö]*tjänster(?:na)?(?: [^#]{0,60}?)? (?:var|är|blev) (?:[^#]{0,40}? )?<FILLED_COUNT> <FILLED>",
        ),
        // "var 29 av enhetens 42 tjänster som socialsekreterare tillsatta med egen personal"
        (
            "x-of-posts-filled",
            r"<FILLED_COUNT> av (?:<UNIT_GEN> |de |dessa |kommunens )?<TOTAL> <ADJ>[a-zåäö]*tjänster(?:na)?(?: [^#]{0,50}?)? (?:(?:är|var) )?<FILLED>",
        ),
        // "Vi har 34 tjänster i dag och 31 av dem är tillsatta"
        (
            "posts-and-x-of-them-filled",
            r"<TOTAL> [a-zåäö]*tjänster\b[^#]{0,60}?,? (?:och|men) <FILLED_COUNT> av (?:dem|dessa|tjänsterna) (?:är|var) (?:(?:nu|i dag|idag|då) )?<FILLED>",
        ),
    ];
    let mut rules = Vec::new();
    for (name, shape) in shapes {
        for (figure, total, count) in [("-total", "<V>", r"#n\d+#"), ("", r"#n\d+#", "<V>")] {
            let pattern = shape
                .replace("<TOTAL>", total)
                .replace("<FILLED_COUNT>", count)
                .replace("<FILLED>", FILLED);
            // One name per rule: built once, for the process.
            let name: &'static str = format!("{name}{figure}").leak();
            rules.push(Rule::new(Kind::Staffing, name, &pattern));
        }
    }
    // "i dag är elva av tjänsterna tillsatta"
    rules.push(Rule::new(
        Kind::Staffing,
        "x-of-the-posts-filled",
        &format!(r"<V> av tjänsterna (?:(?:är|var) )?(?:(?:nu|i dag|idag|då) )?{FILLED}"),
    ));
    // Posts named in the sentence before: "Individ- och familjeomsorgen i Ockelbo har 14
    // tjänster som socialsekreterare. I dag är nio av dem tillsatta."
    rules.push(
        Rule::new(
            Kind::Staffing,
            "x-of-them-filled",
            &format!(r"<V> av (?:dem|dessa) (?:(?:är|var) )?(?:(?:nu|i dag|idag|då) )?{FILLED}"),
        )
        // Posts by any name, or social services' by theirs ("28 handläggartjänster"; not
        // "lärartjänster").
        .with_antecedent(
            format!(r"(?:\b|{SOCIAL_POST_STEMS})tjänster(?:na)?\b(?:[^,;]|,[0-9])*$").leak(),
        ),
    );
    // Every post but some filled: the rest are vacant. "Enheten för barn och unga har i dag
    // 38 tjänster, och samtliga utom tre är tillsatta."
    rules.push(Rule::new(
        Kind::Vacancies,
        "all-but-x-filled",
        &format!(r"\b(?:samtliga|alla) (?:tjänster )?utom <V> (?:är|var) (?:(?:nu|i dag|idag|då) )?{FILLED}"),
    ));
    // A budget in posts: "Barn- och ungdomsenheten har budget för 31 årsarbetare som
    // socialsekreterare".
    rules.push(Rule::new(
        Kind::Staffing,
        "budget-for-posts",
        // Social secretaries by name: "Polisen har budget för 31 årsarbetare som utredare".
        r"\bbudget (?:för|till) <V> (?:årsarbetare|heltidstjänster|tjänster) som (?P<role>(?:social)?sekreterare|socionomer|(?:bistånds|lss-)?handläggare)\b",
    ));
    rules
}

/// Staff counted in `before` (the sentence before "fyra av dem har slutat": "nio nya
/// socialsekreterare"), or posts for [`Kind::Vacancies`] ("sex av dem är vakanta" after "21
/// tjänster"): the last such count there.
pub(super) fn count_before(kind: Kind, before: &str) -> Option<f64> {
    static STAFF: std::sync::LazyLock<regex::bytes::Regex> =
        std::sync::LazyLock::new(|| counted(r"<OF> <ADJ><STAFF_>"));
    static POSTS: std::sync::LazyLock<regex::bytes::Regex> =
        std::sync::LazyLock::new(|| counted(r"<OF> <ADJ>[a-zåäö]*(?:tjänster|befattningar)\b"));
    fn counted(pattern: &str) -> regex::bytes::Regex {
        let plain = super::vocab::expand_plain(pattern);
        super::ascii_regex(&super::fold::pattern(&plain)).expect("counted before")
    }
    let re = if kind == Kind::Vacancies {
        &POSTS
    } else {
        &STAFF
    };
    // Only the sentence's last count: "30 socialsekreterare och sex konsulter" gives none,
    // "dem" being the consultants.
    super::count_named_before(before, re)
        .filter(|&(_, last)| last)
        .map(|(value, _)| value)
}
