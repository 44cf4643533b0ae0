//! The shared vocabulary of the claim patterns.
//!
//! Patterns run over a *masked* sentence: lower case, white space collapsed to single spaces,
//! and every quantity found by [`super::numerals`] replaced by a marker `#n3#` (a count),
//! `#p3#` (a percent or fraction) or `#k3#` (kronor), where 3 is the quantity's index. The
//! patterns are written with the tokens below, expanded by [`expand`], so that each rule reads
//! like the Swedish it matches:
//!
//! | token | matches |
//! |---|---|
//! | `<V>` | a count, captured as the claim's value |
//! | `<VP>` | a percent or fraction, captured as the value |
//! | `<VK>` | an amount in kronor, captured as the value |
//! | `<VA>` | any quantity (count, percent or kronor), captured as the value |
//! | `<OF>` | a count, captured as the total ("X av Y") |
//! | `<N>` | any count, not captured |
//! | `<STAFF>` | a word for social-services staff, captured as the role |
//! | `<STAFF_>` | the same, not captured |
//! | `<ADJ>` | up to two inflected adjectives ("erfarna", "heltidsanställda", "ordinarie") |
//! | `<GAP>` | up to 80 bytes of the masked sentence, as few as possible (an ASCII character is one, å, ä, ö, é two as folded, an en dash three) |
//! | `<QUIT>` | having resigned or left, in the perfect or past tense |
//! | `<OTHER_EMPLOYER>` | another employer as the goal of leaving ("andra arbetsgivare", "grannkommunerna") |
//! | `<ONLY>` | an optional word that restricts or sums a count ("bara", "totalt", "ytterligare") |
//! | `<CASES>` | a count noun for cases ("ärenden", "utredningar", "barn", "hushåll"), after up to two adjectives |
//! | `<NOW>` | an optional adverb of time ("för närvarande", "i dag", "vid årsskiftet", "förra året") |
//! | `<WHEN>` | a time named before a figure ("vid årsskiftet", "förra året"; part of `<NOW>`) |
//! | `<UNIT_GEN>` | a social-work unit in the genitive ("enhetens", "förvaltningens") |
//! | `<MONTH>` | a month's name ("januari" … "december") |
//! | `<SOCIAL_PLACE>` | a place of social work after "inom", "på" ("barn och familj", "mottagningen") |

use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Staff of social services. Compounds are allowed in front ("biståndshandläggare",
/// "specialistsocionomer", "barnsekreterare", "LSS-handläggare"); consultants are their own kind and not here.
/// The compound's front is lazy: the word runs to a word boundary whichever way it is cut,
/// so the match is the same, but a capture search tries the endings from the word's start
/// instead of from its end (every ending at every cut: a seventh of the backtracking engine's
/// work on the synthetic texts).
pub const STAFF: &str = r"[a-zåäöé-]*?(?:sekreterar(?:e|en|na|es|nas)|socionom(?:er|erna|en)?|handläggar(?:e|en|na|es)|medarbetar(?:e|en|na)|anställd(?:a|e)?|tjänstem(?:än|ännen|an)|utredar(?:e|en|na)|behandlar(?:e|en|na)|socialarbetar(?:e|en|na)|chef(?:er|erna|en)|personal(?:en)?|kurator(?:er|erna|n)?|pedagog(?:er|erna)?|ssr-medlemmar|biståndsbedömar(?:e|na)|[a-zåäö-]*rådgivar(?:e|en|na)|kolleg(?:a|an|or|orna|er|erna))";

/// Social workers by what they do (one group, so it may stand anywhere in a pattern), for rules where "anställda" or "medarbetare" would be
/// anyone ("Antalet anställda i kommunen", "Luleå kommun har 7 000 anställda"): a few
/// compounds of social work, not any ("bygglovshandläggare" is not).
pub const SOCIAL_STAFF: &str = r"(?:(?:social|bistånds|lss-|barn|familje|familjehems|familjerätts|mottagnings|myndighets)?(?:sekreterar(?:e|en|na)|handläggar(?:e|en|na))|socionom(?:er|erna)?|(?:barn)?utredar(?:e|na)|socialarbetar(?:e|na)|(?:familje|missbruks|öppenvårds)?behandlar(?:e|na))";

/// Other services and other trades: a sentence that names one of these and nothing of social
/// services is about them ("Sjukfrånvaron bland lärarna är 9 procent", "Polisen har 30
/// vakanta utredartjänster", "Kulturnämnden redovisar ett underskott", "underskottet i
/// statsbudgeten"). Like the rules, these
/// run over the masked sentence (lower case, folded to ASCII): a case-insensitive Unicode
/// pattern with word boundaries runs on the slow engines (it made claim extraction 2.5x
/// slower on the claim-dense seeds).
pub const OTHER_SECTOR: &str = r"\b(?:[a-zåäö]*lärar[a-zåäö]*|[a-zåäö]*lärare|skola|skolan|skolor[a-zåäö]*|förskol[a-zåäö]*|fritidshem[a-zåäö]*|elev[a-zåäö]*|polis[a-zåäö]*|statsbudget[a-zåäö]*|kommunkoncern[a-zåäö]*|räddningstjänst[a-zåäö]*|brandm[a-zåäö]*|sjukskötersk[a-zåäö]*|underskötersk[a-zåäö]*|läkar[a-zåäö]*|läkare|akutmottagning[a-zåäö]*|sjukhus[a-zåäö]*|vårdcentral[a-zåäö]*|kulturnämnd[a-zåäö]*|tekniska (?:nämnden|förvaltningen)|byggnadsnämnd[a-zåäö]*|bygglov[a-zåäö]*|byggarbetsplats[a-zåäö]*|byggplats[a-zåäö]*|byggföretag[a-zåäö]*|byggbolag[a-zåäö]*|rektor[a-zåäö]*|miljönämnd[a-zåäö]*|miljöförvaltning[a-zåäö]*|miljöskydd[a-zåäö]*|miljötillsyn[a-zåäö]*|hemtjänst[a-zåäö]*|äldreomsorg[a-zåäö]*|hemvård[a-zåäö]*|korttidsboende[a-zåäö]*|inom vård och omsorg|barn- och utbildnings[a-zåäö]*|utbildningsnämnd[a-zåäö]*|spelar[a-zåäö]*|klubb[a-zåäö]*|[a-zåäö]*inbrott[a-zåäö]*|[a-zåäö]*stöld[a-zåäö]*|cykelstölder|reklamationsnämnd[a-zåäö]*|bostadsbolag[a-zåäö]*|hyreskontrakt[a-zåäö]*|ekonomisystem[a-zåäö]*)\b";

/// State agencies whose own handläggare and utredare carry cases: "Antalet ärenden per
/// handläggare på Migrationsverket är 45". A sentence that names one and nothing of social
/// services but its staff words ([`SOCIAL_SERVICES`]) is about the agency.
pub const OTHER_AGENCY: &str = r"\b(?:migrationsverket|försäkringskassan|skatteverket|arbetsförmedlingen|kronofogden|ekobrottsmyndigheten|polismyndigheten|tullverket|pensionsmyndigheten|csn|kriminalvården|länsstyrelsen|skolinspektionen)\b";

/// Words of social services, but for the staff words other agencies share ([`SOCIAL_STAFF_WORDS`]).
pub const SOCIAL_SERVICES: &str = r"socialtjänst|socialsekreterar|socionom|socialnämnd|socialförvaltning|familjeomsorg|\bifo\b|barn och unga|försörjningsstöd|ekonomiskt bistånd|\blss\b|familjeenhet|mottagningsenhet|barnavård|orosanmäl";

/// Staff words of social services that state agencies share. With [`SOCIAL_SERVICES`], they
/// keep a sentence that also names another service (not a state agency): social workers'
/// sentences name the school and the police as often as anyone ("anmälningar från skolan").
pub const SOCIAL_STAFF_WORDS: &str = r"handläggar|utredare";

/// What a figure is set as, not what is: a target, a demand, a cap ("Målet är 15 ärenden
/// per socialsekreterare", "Facket kräver ett tak på 12", "vill införa ett ärendetak på 25").
pub const TARGET: &str = r"\b(?:målet|mål för|målsättning[a-zåäö]*|tak|taket|ärendetak|kräver|krav på|rekommenderar|rekommendation[a-zåäö]*|riktvärde[a-zåäö]*|riktmärke[a-zåäö]*|högst|maximalt|bör|borde|vill se|önskar)\b";

/// A figure forecast, planned or proposed in its own clause, not one that is ("räknar med
/// att orosanmälningarna ökar med en tredjedel", "planerar att hyra in tre
/// socionomkonsulter", "Enligt förslaget omfattar familjeenheten 30 tjänster"). Money is left out by
/// the caller: a deficit or cost forecast is how budgets report ("beräknas kosta 7,2
/// miljoner kronor", "prognostiserar ett underskott på 18 miljoner kronor").
pub const FORECAST: &str = r"\b(?:räknar (?:nu |också |dessutom )?med|beräknar att|beräknas|väntas|förväntas|kan komma att|riskerar att|riskerar|planerar att|planerar|avser att|föreslår att|föreslås|ska (?:minska|öka|halvera|sänka|höja|fördubbla|dra ner på|dra ned på|skära ner på)|enligt (?:förslaget|planen|prognosen)|skulle kunna)\b";

/// A figure the sentence denies, anywhere before it: "Det stämmer inte att tolv
/// socialsekreterare har sagt upp sig", "Det finns inget som tyder på att anmälningarna har
/// ökat med 60 procent", "Enkäten visar inte att 25 procent vill sluta".
pub const DENIED: &str = r"\b(?:det (?:stämmer|är) inte (?:alls )?(?:sant |korrekt |riktigt |rätt )?att|det är (?:fel|felaktigt|osant|en myt) att|(?:inget|ingenting) (?:som )?tyder på att|visar inte att|stämmer inte att|finns (?:inga|inget) belägg för att|dementerar att|förnekar att|tillbakavisar (?:uppgiften|påståendet) (?:om )?att)\b";

/// A report or rumour the sentence denies after the figure: "Uppgiften om att 15
/// socialsekreterare har sagt upp sig är felaktig", "Ryktet om att hälften skulle ha sagt
/// upp sig tillbakavisas". Both halves must stand in the sentence.
pub const DENIED_REPORT: &str =
    r"\b(?:uppgiften|uppgifterna|ryktet|ryktena|påståendet|påståendena) (?:om )?att\b";
pub const DENIED_AFTER: &str = r"\b(?:är|var) (?:felaktig|felaktiga|fel|osann|osanna|inte korrekt|inte sann)\b|\b(?:stämmer|stämde) inte\b|\b(?:tillbakavisas|tillbakavisades|dementeras|dementerades|avfärdas|avfärdades)\b";

/// A sick-leave rate set as a goal ("Kommunens mål för sjukfrånvaro är 6 procent",
/// "sjukfrånvaron ska understiga 7 procent"). Narrower than [`TARGET`]: "högst sjukfrånvaro
/// hade IFO", "facket kräver åtgärder eftersom sjukfrånvaron är 14 procent" report a rate.
pub const SICK_TARGET: &str = r"\b(?:målet|mål för|mål är|målsättning[a-zåäö]*|understiga|ska (?:sänkas|minska|ner|ned) till|prognos[a-zåäö]*)\b";

/// A figure for the whole country: "Riksgenomsnittet för personalomsättning bland
/// socialsekreterare ligger på omkring 20 procent" is a yardstick, not a municipality's claim.
pub const NATIONAL: &str = r"\b(?:riksgenomsnitt(?:et)?|rikssnitt(?:et)?|(?:snittet|genomsnittet|medianen) (?:i|för) (?:riket|landet|sverige|hela landet|landets kommuner)|i riket som helhet|nationella (?:snittet|genomsnittet)|i (?:hela )?landet|i riket|i hela sverige|i sverige som helhet|(?:av|bland) landets|landets (?:alla )?(?:kommuner|socialsekreterare|socionomer|socialtjänster)|rikstäckande|nationell(?:t|a)? (?:nivå|statistik|enkät|undersökning|kartläggning))\b";

/// A sentence whose figure is of an area wider than one municipality: a county ("i Örebro
/// län", "länet som helhet"), a region or province ("socionomer i Skåne", "Region Skåne"),
/// several municipalities at once ("fem skånska kommuner", "de tre kommunerna"), or the whole
/// country. When it names no municipality of its own, its figure is of none: not of the
/// municipality its paragraph or document is mostly about.
pub const WIDER_AREA: &str = concat!(
    r"\b(?:[a-zåäö]+s? län|länet|länets|region [a-zåäö]+|",
    r"(?:i|inom|över|för|runt om i|i hela) (?:skåne|blekinge|halland|småland|västergötland|",
    r"bohuslän|dalsland|värmland|närke|västmanland|uppland|södermanland|östergötland|dalarna|",
    r"gästrikland|hälsingland|härjedalen|jämtland|medelpad|ångermanland|västerbotten|",
    r"norrbotten|lappland|norrland|svealand|götaland|västra götaland|västernorrland|",
    r"kronoberg|skaraborg|sjuhärad|södertörn|mälardalen|storstockholm|stockholmsregionen|",
    r"göteborgsregionen|malmöregionen|fyrbodal)|",
    r"kommunerna (?:i|inom)|de [a-zåäö]+ kommunerna|",
    r"riksgenomsnitt(?:et)?|rikssnitt(?:et)?|i (?:hela )?landet|i riket|i hela sverige|",
    r"(?:av|bland) landets|landets (?:alla )?(?:kommuner|socialsekreterare|socionomer|socialtjänster))\b|",
    // Several municipalities: "#n0# skånska kommuner", "flera kommuner", "de #n1# kommunerna".
    r"(?:#n\d+#|\b(?:flera|många|alla|samtliga|de|[a-zåäö]+ska|[a-zåäö]+länska)) ",
    r"(?:#n\d+# )?(?:[a-zåäö]+ska |[a-zåäö]+länska )?kommuner(?:na)?\b",
);

/// What a place right after it is, when it is not where a figure is: the seat of a firm ("tre
/// konsulter från ett bemanningsföretag i Gävle", "ett avtal med ett konsultbolag i
/// Bollnäs") or where people went ("har gått till kommuner närmare Stockholm", "sa upp sig
/// för att börja arbeta i Växjö"; not "sex nyanställda har börjat arbeta i Huskvarna", nor
/// "socialtjänsten flyttade till Märsta centrum", which are the place). Read over the words before a
/// mention, up to it; not "pendlar till", whose place is often the workplace the text is about,
/// but "pendlar från Borås", where they live.
pub const ELSEWHERE_BEFORE: &str = concat!(
    r"(?:(?:företag|bolag|firma|firmor|byrå|koncern|leverantör)(?:et|en|n|er|erna)?",
    r"(?: (?:med (?:säte|huvudkontor)|baserad|baserat|baserade))? (?:i|från|på)",
    r"|\bnärmare|\bi närheten av",
    r"|\b(?:gått|gick|gå|går|sökt sig|sökte sig|söker sig|lockats|lockades|värvats|värvades|bytt|bytte|försvunnit|försvann)(?: [a-zåäö]+){0,4}? (?:till|närmare|i|på|inom)",
    // Where commuters live: "pendlar från Borås" (not "pendlar till", often the workplace).
    r"|\bpendla(?:r|de|t)?(?: [a-zåäö]+){0,2}? från",
    r"|\b(?:för att (?:börja )?|(?:och|men) (?:har |hade )?(?:börjat|började) )(?:arbeta|jobba)(?: [a-zåäö]+){0,2}? (?:i|på|inom|för)",
    r"|\bnya? (?:jobb|tjänst|tjänster|arbete|arbeten|arbetsgivare|anställning(?:ar)?) (?:i|på|inom|hos)",
    r") $",
);

/// Where a sentence turns to comparing its figure with a wider area: "vilket är lägst i
/// länet", "en av de högsta andelarna i Skåne", "jämfört med snittet i länet". The area
/// after it is the yardstick, not the figure's own.
pub const COMPARED_FROM: &str = r", vilket\b|\bjämfört med\b|\bjämförelse\b|\bän (?:i|för|bland|på)\b|\bmedan\b|\bav de [a-zåäö]+(?:ste|sta)\b|\b(?:lägst|högst|störst|minst|bäst|sämst) (?:i|av|bland|inom)\b";

/// Narrower than [`COMPARED_FROM`]: where a sentence turns to the places its figure is set
/// against ("jämfört med 7,9 procent i Järfälla"). Not "vilket", after which the place is
/// often the figure's own ("vilket är en tredjedel av personalen i Botkyrka").
pub const COMPARED_WITH: &str =
    r"\bjämfört med\b|\bi jämförelse med\b|\bän (?:i|för|bland|på)\b|\bmedan\b";

/// The whole country named right after a figure: "funderar 40 procent av landets
/// socialsekreterare på att sluta", "slutade 2 400 socialsekreterare i hela landet".
/// Narrower than [`NATIONAL`]: after a figure "i riket" is often the yardstick a local figure
/// is set against ("ökade med 20 procent mer än i riket").
pub const NATIONAL_AFTER: &str = r"^ (?:av|bland) (?:landets|rikets|sveriges|hela landets)\b|^[^#]{0,40}? i (?:hela landet|hela sverige|sverige|landet som helhet|riket som helhet)\b";

/// A rate of every employee of the municipality, which a rate of social services is set
/// against: "sjukfrånvaron i kommunen som helhet 7,2 procent" (read before the figure).
pub const WHOLE_EMPLOYER: &str = r"\b(?:kommunen som helhet|hela kommunen|kommunen totalt|kommunen i stort|samtliga (?:kommunens )?(?:anställda|medarbetare)|alla kommunens (?:anställda|medarbetare)|kommunens (?:anställda|medarbetare) (?:som helhet|totalt|i stort|(?:var|är|ligger|låg|uppgick|uppgår|har|hade))|kommunövergripande)\b";

/// The same right after the figure: "att jämföra med 26 procent i kommunen totalt".
pub const WHOLE_EMPLOYER_AFTER: &str =
    r"^ (?:i|inom|för|bland) (?:kommunen (?:totalt|som helhet|i stort)|hela kommunen)\b";

/// Genitives of the units social work is done in: "av enhetens 28 handläggare", "sex av
/// förvaltningens socialsekreterare" (not "bolagets", "skolans", "Volvos").
pub const UNIT_GEN: &str = r"(?:[a-zåäö-]*enhetens|[a-zåäö]*gruppens|[a-zåäö]*avdelningens|[a-zåäö]*förvaltningens|[a-zåäö]*kontorets|socialtjänstens|[a-zåäö]*nämndens|stadsdelens|kommunens|ifo:s|familjerättens|[a-zåäö]*jourens)";

/// Where posts of social work are: "inom barn och familj", "på mottagningen".
pub const SOCIAL_PLACE: &str = r"(?:barn och (?:unga|familj|ungdom)|barn- och (?:familje|ungdoms)[a-zåäö]*|vuxen(?:enheten|gruppen|sektionen|stöd[a-zåäö]*|- och missbruks[a-zåäö]*|\b)|ifo|individ- och familjeomsorgen|socialtjänsten|försörjningsstöd[a-zåäö]*|ekonomiskt bistånd|[a-zåäö]*mottagningen|familjeenheten|socialkontoret|[a-zåäö]*socialförvaltningen|myndighetsutövningen|utredningsenheten|(?:barn- och familje|barn- och ungdoms|mottagnings|vuxen|missbruks|försörjningsstöds|ungdoms|barn|myndighets|bistånds|lss-|familjehems|placerings)enheten|familjerätten|socialjouren|lss)";

/// Words that may stand between a number and the staff noun: "erfarna", "kvarvarande",
/// "heltidsanställda", "ordinarie", "nya". Only inflected forms ending in -a/-e, so that
/// "10 av 30 minuter med socialsekreterare" cannot slip through, and the adverb of "fast
/// anställda" (written apart as often as "fastanställda"). And the ordinal of a title: "de tre
/// 1:e socialsekreterarna".
pub const ADJ: &str = r"(?:(?:fast|1:e|[a-zåäöé-]+(?:a|e)) ){0,2}";

/// Resigned or left, as news and minutes put it.
pub const QUIT: &str = r"(?:sagt upp sig|sa upp sig|sade upp sig|säger upp sig|slutat|slutade|<LEFT>|avgått|avgick|avslutat sin anställning|avslutat sina anställningar|avslutade sin anställning|avslutade sina anställningar|gått vidare|<MOVED>|valt att (?:säga upp sig|sluta|lämna))";

/// Left for another employer: "gått till andra arbetsgivare", "bytt jobb", "gått över till
/// bemanningsföretag", "tog anställning hos grannkommunerna". Only with an employer as the
/// goal: "gått till domstol", "gått över till digitala möten" are no leaving.
pub const MOVED: &str = r"(?:(?:gått|flyttat|flyttade)(?: över)? till <OTHER_EMPLOYER>|(?:bytt|bytte) <EMPLOYER>|(?:tog|tagit|tar) (?:en )?(?:ny )?anställning (?:hos|i|på|inom) <OTHER_EMPLOYER>)";

/// A word that restricts or sums a count before it: "slutade bara fem", "sa totalt tolv ...
/// upp sig", "lämnade ytterligare tre".
pub const ONLY: &str = r"(?:(?:bara|endast|enbart|totalt|sammanlagt|ytterligare|hela) )?";

/// Another employer, as the goal of leaving ([`MOVED`]): "andra arbetsgivare",
/// "grannkommunerna", "ett bemanningsföretag".
pub const OTHER_EMPLOYER: &str =
    r"(?:en |ett )?(?:(?:andra|annan|annat|nya?|privata?|större) )?<EMPLOYER>";
pub const EMPLOYER: &str = r"(?:arbetsgivare|kommuner?|grannkommuner(?:na)?|jobb|arbetsplatser?|bemanningsföretag|bemanningsbolag|konsultföretag|konsultbolag|regionen|privata aktörer)";

/// "lämnat" as leaving a job. "Lämna" is transitive and mostly means something else: "har
/// lämnat in en anmälan", "lämnat synpunkter", "lämnat över ärendet", "lämnat besked". So it
/// counts only at the end of a clause, before a time, reason or coordination ("lämnat sedan
/// årsskiftet", "lämnat av andra orsaker", "lämnat eller bytt tjänst"), or with a workplace
/// as object ("lämnat enheten", "lämnat Botkyrkas socialtjänst", "lämnat sina tjänster",
/// "lämnat myndighetsutövningen", "lämnat individ- och familjeomsorgen").
pub const LEFT: &str = r"(?:lämnat|lämnade)(?:$|[.,;:!)-]|”|—|–| (?:sedan|under|i|på|efter|av|för|eller|och|inom|sin (?:tjänst|anställning|arbetsplats)|sina (?:tjänster|anställningar|jobb)|sitt jobb|jobbet|yrket|arbetet|arbetsplatsen|tjänsten|kommunen|socialtjänsten|[a-zåäö-]*enheten|[a-zåäö]*förvaltningen|[a-zåäö]*avdelningen|[a-zåäö]*kontoret|individ- och familjeomsorgen|[a-zåäö]*omsorgen|[a-zåäö]*myndighetsutövningen|verksamheten|[a-zåäö]+s (?:[a-zåäö]+- och )?(?:socialtjänst|socialförvaltning|kommun|[a-zåäö]*enhet|[a-zåäö]*förvaltning)|[a-zåäö]+ (?:stad|kommun)|barn|vuxen|försörjningsstöd(?:et)?)\b)";

/// Count nouns for a caseload, after up to two adjectives ("pågående utredningar", "aktuella
/// ärenden"; the same words as `<ADJ>`, which expands before this). Written so that "|barn|"
/// stands once, as the plain noun: the caseloads one states of oneself leave it out
/// (`caseload.rs`), not "barnärenden".
pub const CASES: &str = r"(?:(?:fast|[a-zåäöé-]+(?:a|e)) ){0,2}(?:(?:barn|barnavårds|bistånds|vuxen|försörjningsstöds|lss-)?ärenden|ärende|(?:barnavårds|barnskydds|bistånds|social)?utredningar|förhandsbedömningar|barn|klienter|brukare|familjer|hushåll|akter)";

/// Words that turn a statement into a wish, a plan or a denial, or put the leaving in a
/// clause of its own ("tre socialsekreterare tog över när chefen slutade").
pub const NOT_DONE: &[&str] = &[
    " när ",
    " eftersom ",
    " innan ",
    " medan ",
    " vill ",
    " skulle vilja",
    " funderar",
    " överväger",
    " planerar",
    " tänker ",
    " kan tänka",
    " inte ",
    " aldrig ",
    " ingen ",
    " riskerar",
];

/// Adverbs of time that may stand before a figure or a state: "är för närvarande 6
/// vakanta", "finns i dag 25", "var vid årsskiftet tre", "var förra året 5,1 procent", of
/// addition: "i Kiruna står också fyra tjänster tomma", and of restriction: "i dag är endast
/// två tjänster vakanta". (Dates and years are no quantities, so they stay words here.)
pub const NOW: &str = r"(?:(?:också|även|dessutom) )?(?:(?:fortfarande|just nu|i dag|idag|nu|för närvarande|för tillfället|i nuläget|totalt|sammanlagt|<WHEN>) )?(?:(?:endast|bara|enbart) )?";

/// A time named between a verb and its figure: "var vid årsskiftet tre", "var förra året 5,1
/// procent", "var den 1 februari 2022 tio". (Part of [`NOW`].)
pub const WHEN: &str = r"(?:vid årsskiftet|vid årets (?:början|slut)|vid (?:utgången|slutet) av (?:året|[a-zåäö]+(?: \d{4})?|\d{4})|i fjol|förra året|i år|under (?:året|fjolåret|\d{4})|under (?:första|andra|tredje|fjärde) (?:kvartalet|tertialet|halvåret)(?: \d{4})?|(?:i|under) <MONTH>(?: \d{4})?|den \d{1,2} [a-zåäö]+(?: \d{4})?)";

/// Expands the tokens of a rule into a regex over the masked sentence.
#[cfg(test)]
pub fn expand(pattern: &str) -> regex::bytes::Regex {
    compile(&expand_plain(pattern))
}

/// The regex over the masked sentence for a pattern already expanded by [`expand_plain`]
/// (as a rule compiles it).
#[cfg(test)]
pub fn compile(plain: &str) -> regex::bytes::Regex {
    super::ascii_regex(&super::fold::pattern(plain))
        .unwrap_or_else(|e| panic!("claim pattern {plain:?}: {e}"))
}

/// The tokens of a rule expanded, before folding: the pattern in plain Swedish, which the
/// prefilter's coverage test reads.
pub fn expand_plain(pattern: &str) -> String {
    pattern
        .replace("<V>", r"#(?P<v>n\d+)#")
        .replace("<VP>", r"#(?P<v>p\d+)#")
        .replace("<VK>", r"#(?P<v>k\d+)#")
        .replace("<VA>", r"#(?P<v>[npk]\d+)#")
        .replace("<OF>", r"#(?P<of>n\d+)#")
        .replace("<N>", r"#n\d+#")
        .replace("<STAFF>", &format!(r"\b(?P<role>{STAFF})\b"))
        .replace("<STAFF_>", &format!(r"\b{STAFF}\b"))
        .replace("<SOCIAL_STAFF>", SOCIAL_STAFF)
        .replace("<ADJ>", ADJ)
        .replace("<GAP>", r".{0,80}?")
        .replace("<QUIT>", QUIT)
        .replace("<MOVED>", MOVED)
        .replace("<OTHER_EMPLOYER>", OTHER_EMPLOYER)
        .replace("<EMPLOYER>", EMPLOYER)
        .replace("<ONLY>", ONLY)
        .replace("<LEFT>", LEFT)
        .replace("<CASES>", CASES)
        .replace("<NOW>", NOW)
        .replace("<WHEN>", WHEN)
        .replace("<UNIT_GEN>", UNIT_GEN)
        .replace("<SOCIAL_PLACE>", SOCIAL_PLACE)
        // Last: the tokens above may hold it.
        .replace("<MONTH>", &format!("(?:{})", crate::dates::MONTHS))
}

/// The base form of a staff noun as written: "socialsekreterarna" -> "socialsekreterare".
pub fn role_lemma(word: &str) -> String {
    const STEMS: &[(&str, &str)] = &[
        ("sekreterar", "sekreterare"),
        ("socionom", "socionom"),
        ("handläggar", "handläggare"),
        ("medarbetar", "medarbetare"),
        ("anställd", "anställd"),
        ("tjänstem", "tjänsteman"),
        ("utredar", "utredare"),
        ("behandlar", "behandlare"),
        ("socialarbetar", "socialarbetare"),
        ("chef", "chef"),
        ("personal", "personal"),
        ("kurator", "kurator"),
        ("pedagog", "pedagog"),
        ("konsult", "konsult"),
        ("vikarie", "vikarie"),
    ];
    // All stems found in one pass (searching for each in turn built a searcher per stem per
    // claim).
    static FINDER: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(STEMS.iter().map(|(stem, _)| stem)).expect("stems"));
    // A Swedish compound's head is its last part: "socionomkonsulter" is a consultant, so
    // the stem found furthest right wins.
    let head = FINDER
        .find_overlapping_iter(word)
        .max_by_key(|m| m.start())
        .map(|m| (m.start(), STEMS[m.pattern().as_usize()].1));
    match head {
        Some((i, lemma)) => format!("{}{}", &word[..i], lemma),
        None => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas() {
        assert_eq!(role_lemma("socialsekreterarna"), "socialsekreterare");
        assert_eq!(role_lemma("biståndshandläggare"), "biståndshandläggare");
        assert_eq!(role_lemma("specialistsocionomer"), "specialistsocionom");
        assert_eq!(role_lemma("socionomkonsulter"), "socionomkonsult");
    }

    #[test]
    fn staff_and_adjectives() {
        let re = expand("^<V> <ADJ><STAFF>$");
        assert!(re.is_match(b"#n0# erfarna socialsekreterare"));
        assert!(re.is_match(
            super::super::fold::text("#n0# heltidsanställda biståndshandläggare").as_bytes()
        ));
        assert!(!re.is_match(b"#n0# minuter med socialsekreterare"));
        assert!(!re.is_match(super::super::fold::text("#n0# år").as_bytes()));
    }
}
