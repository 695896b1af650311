//! The 2006 set of kerndoelen for primary education (Besluit vernieuwde kerndoelen WPO), in
//! force from 1 August 2006.
//!
//! The titles are short Dutch paraphrases of the official texts, meant to let a coordinator
//! recognise an objective in a list; the official wording stays with SLO and the Besluit.

use chrono::NaiveDate;

use super::{Domain, Framework, Objective, SubDomain};

/// The code of the 2006 set.
pub const CODE: &str = "kerndoelen-2006";

/// The province where the Fries objectives apply.
pub const FRIESLAND: &str = "Friesland";

use Domain::*;
use SubDomain::*;

/// (number, domain, sub-domain, title), in order.
#[rustfmt::skip]
const OBJECTIVES: [(u16, Domain, Option<SubDomain>, &str); 58] = [
    // Nederlands
    (1, Nederlands, Some(MondelingOnderwijs), "Informatie verwerven uit gesproken taal"),
    (2, Nederlands, Some(MondelingOnderwijs), "Zich mondeling uitdrukken: informeren, verslag doen, uitleggen, discussiëren"),
    (3, Nederlands, Some(MondelingOnderwijs), "Informatie en meningen vergelijken en beoordelen in gesprekken en discussies"),
    (4, Nederlands, Some(SchriftelijkOnderwijs), "Informatie halen uit informatieve en instructieve teksten"),
    (5, Nederlands, Some(SchriftelijkOnderwijs), "Teksten schrijven met verschillende functies"),
    (6, Nederlands, Some(SchriftelijkOnderwijs), "Informatie en meningen ordenen bij het lezen van studieteksten en bronnen"),
    (7, Nederlands, Some(SchriftelijkOnderwijs), "Informatie en meningen in teksten vergelijken en beoordelen"),
    (8, Nederlands, Some(SchriftelijkOnderwijs), "Informatie ordenen bij het schrijven van een brief, verslag, formulier of werkstuk"),
    (9, Nederlands, Some(SchriftelijkOnderwijs), "Plezier in het lezen en schrijven van verhalen, gedichten en informatieve teksten"),
    (10, Nederlands, Some(Taalbeschouwing), "Strategieën herkennen, gebruiken en beoordelen bij mondeling en schriftelijk taalgebruik"),
    (11, Nederlands, Some(Taalbeschouwing), "Taalkundige principes en regels gebruiken, waaronder spelling"),
    (12, Nederlands, Some(Taalbeschouwing), "Woordenschat uitbreiden en onbekende woorden leren begrijpen"),
    // Engels
    (13, Engels, None, "Informatie verwerven uit eenvoudige gesproken en geschreven Engelse teksten"),
    (14, Engels, None, "In het Engels informatie vragen en geven over eenvoudige onderwerpen"),
    (15, Engels, None, "Eenvoudige Engelse woorden over alledaagse onderwerpen schrijven"),
    (16, Engels, None, "Betekenis en schrijfwijze van Engelse woorden opzoeken in een woordenboek"),
    // Fries (Friesland only)
    (17, Fries, None, "Een positieve houding ontwikkelen tegenover het gebruik van het Fries"),
    (18, Fries, None, "Informatie verwerven uit gesproken Fries"),
    (19, Fries, None, "Zich mondeling uitdrukken in het Fries"),
    (20, Fries, None, "Informatie verwerven uit geschreven Friese teksten"),
    (21, Fries, None, "Teksten schrijven in het Fries"),
    (22, Fries, None, "Taalbeschouwing en strategieën bij het Fries"),
    // Rekenen/wiskunde
    (23, RekenenWiskunde, Some(WiskundigInzichtEnHandelen), "Wiskundetaal gebruiken"),
    (24, RekenenWiskunde, Some(WiskundigInzichtEnHandelen), "Praktische en formele rekenproblemen oplossen en redeneringen weergeven"),
    (25, RekenenWiskunde, Some(WiskundigInzichtEnHandelen), "Aanpakken onderbouwen en oplossingen beoordelen"),
    (26, RekenenWiskunde, Some(GetallenEnBewerkingen), "Getallen, breuken, procenten en verhoudingen doorzien en ermee rekenen"),
    (27, RekenenWiskunde, Some(GetallenEnBewerkingen), "Basisbewerkingen tot 100 en de tafels uit het hoofd"),
    (28, RekenenWiskunde, Some(GetallenEnBewerkingen), "Schattend tellen en rekenen"),
    (29, RekenenWiskunde, Some(GetallenEnBewerkingen), "Handig optellen, aftrekken, vermenigvuldigen en delen"),
    (30, RekenenWiskunde, Some(GetallenEnBewerkingen), "Schriftelijk rekenen volgens standaardprocedures"),
    (31, RekenenWiskunde, Some(GetallenEnBewerkingen), "De rekenmachine met inzicht gebruiken"),
    (32, RekenenWiskunde, Some(MetenEnMeetkunde), "Eenvoudige meetkundige problemen oplossen"),
    (33, RekenenWiskunde, Some(MetenEnMeetkunde), "Meten en rekenen met eenheden en maten"),
    // Oriëntatie op jezelf en de wereld
    (34, OrientatieOpJezelfEnDeWereld, Some(MensEnSamenleving), "Zorg voor de lichamelijke en psychische gezondheid van jezelf en anderen"),
    (35, OrientatieOpJezelfEnDeWereld, Some(MensEnSamenleving), "Redzaam gedrag: sociaal, in het verkeer en als consument"),
    (36, OrientatieOpJezelfEnDeWereld, Some(MensEnSamenleving), "Hoofdzaken van de Nederlandse en Europese staatsinrichting en de rol van de burger"),
    (37, OrientatieOpJezelfEnDeWereld, Some(MensEnSamenleving), "Gedrag vanuit respect voor algemeen aanvaarde waarden en normen"),
    (38, OrientatieOpJezelfEnDeWereld, Some(MensEnSamenleving), "Hoofdzaken van geestelijke stromingen in de multiculturele samenleving"),
    (39, OrientatieOpJezelfEnDeWereld, Some(MensEnSamenleving), "Met zorg omgaan met het milieu"),
    (40, OrientatieOpJezelfEnDeWereld, Some(NatuurEnTechniek), "Planten en dieren in de eigen omgeving en hoe ze leven"),
    (41, OrientatieOpJezelfEnDeWereld, Some(NatuurEnTechniek), "Bouw en functie van onderdelen van planten, dieren en mensen"),
    (42, OrientatieOpJezelfEnDeWereld, Some(NatuurEnTechniek), "Onderzoek doen naar materialen en natuurkundige verschijnselen"),
    (43, OrientatieOpJezelfEnDeWereld, Some(NatuurEnTechniek), "Weer en klimaat"),
    (44, OrientatieOpJezelfEnDeWereld, Some(NatuurEnTechniek), "Werking, vorm en materiaal van producten uit de eigen omgeving"),
    (45, OrientatieOpJezelfEnDeWereld, Some(NatuurEnTechniek), "Oplossingen voor technische problemen ontwerpen, uitvoeren en evalueren"),
    (46, OrientatieOpJezelfEnDeWereld, Some(NatuurEnTechniek), "Seizoenen, dag en nacht door de stand van de aarde ten opzichte van de zon"),
    (47, OrientatieOpJezelfEnDeWereld, Some(Ruimte), "De inrichting van de eigen omgeving vergelijken met omgevingen elders"),
    (48, OrientatieOpJezelfEnDeWereld, Some(Ruimte), "Hoe Nederland bewoning van door water bedreigde gebieden mogelijk maakt"),
    (49, OrientatieOpJezelfEnDeWereld, Some(Ruimte), "Spreiding over de wereld van bevolking, godsdiensten, klimaten en landschappen"),
    (50, OrientatieOpJezelfEnDeWereld, Some(Ruimte), "Kaart en atlas gebruiken en basistopografie beheersen"),
    (51, OrientatieOpJezelfEnDeWereld, Some(Tijd), "Eenvoudige historische bronnen gebruiken en tijd aanduiden en indelen"),
    (52, OrientatieOpJezelfEnDeWereld, Some(Tijd), "Kenmerken van de tien tijdvakken"),
    (53, OrientatieOpJezelfEnDeWereld, Some(Tijd), "Belangrijke personen en gebeurtenissen uit de Nederlandse geschiedenis"),
    // Kunstzinnige oriëntatie
    (54, KunstzinnigeOrientatie, None, "Met beeld, taal, muziek, spel en beweging gevoelens en ervaringen uitdrukken"),
    (55, KunstzinnigeOrientatie, None, "Reflecteren op eigen werk en dat van anderen"),
    (56, KunstzinnigeOrientatie, None, "Kennis van en waardering voor cultureel erfgoed"),
    // Bewegingsonderwijs
    (57, Bewegingsonderwijs, None, "Op een verantwoorde manier deelnemen aan de bewegingscultuur"),
    (58, Bewegingsonderwijs, None, "Samen met anderen respectvol bewegen, afspraken maken en regels hanteren"),
];

/// The 2006 set: 58 objectives. It stays valid to the end of the transition to the new sets
/// (phased in from 1 August 2027, transition to 2031), so series written against it keep
/// working until then.
pub fn kerndoelen_2006() -> Framework {
    Framework {
        code: CODE.to_string(),
        name: "Kerndoelen primair onderwijs 2006".to_string(),
        valid_from: date(2006, 8, 1),
        valid_until: Some(date(2031, 7, 31)),
        objectives: OBJECTIVES
            .iter()
            .map(|&(number, domain, sub_domain, title)| Objective {
                number,
                domain,
                sub_domain,
                title: title.to_string(),
                only_in_province: (domain == Fries).then(|| FRIESLAND.to_string()),
            })
            .collect(),
    }
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    // Only called with fixed, valid dates.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}
