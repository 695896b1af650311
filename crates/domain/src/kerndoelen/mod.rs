//! Kerndoelen: the national core objectives a lesson series is tied to.
//!
//! Sets of objectives change (the 2006 set is replaced from 1 August 2027, with a transition to
//! 2031), so objectives always belong to a versioned [`Framework`] and a lesson series names the
//! framework it uses. The catalogue is data: [`catalogue`] lists the frameworks the software
//! ships with, and [`Framework::rows`] flattens one into plain rows the store can insert.

mod set_2006;

use chrono::NaiveDate;

use crate::text_enum;

pub use set_2006::{CODE as KERNDOELEN_2006, FRIESLAND, kerndoelen_2006};

text_enum! {
    /// A learning area (*leergebied*) of the kerndoelen.
    pub enum Domain ("kerndoel domain") {
        /// Nederlands.
        Nederlands = "nederlands",
        /// Engels.
        Engels = "engels",
        /// Fries, taught in Friesland only.
        Fries = "fries",
        /// Rekenen/wiskunde.
        RekenenWiskunde = "rekenen_wiskunde",
        /// Oriëntatie op jezelf en de wereld.
        OrientatieOpJezelfEnDeWereld = "orientatie_op_jezelf_en_de_wereld",
        /// Kunstzinnige oriëntatie.
        KunstzinnigeOrientatie = "kunstzinnige_orientatie",
        /// Bewegingsonderwijs.
        Bewegingsonderwijs = "bewegingsonderwijs",
    }
}

text_enum! {
    /// A part of a learning area, as the 2006 set divides them.
    pub enum SubDomain ("kerndoel sub-domain") {
        /// Nederlands: mondeling onderwijs.
        MondelingOnderwijs = "mondeling_onderwijs",
        /// Nederlands: schriftelijk onderwijs.
        SchriftelijkOnderwijs = "schriftelijk_onderwijs",
        /// Nederlands: taalbeschouwing, waaronder strategieën.
        Taalbeschouwing = "taalbeschouwing",
        /// Rekenen/wiskunde: wiskundig inzicht en handelen.
        WiskundigInzichtEnHandelen = "wiskundig_inzicht_en_handelen",
        /// Rekenen/wiskunde: getallen en bewerkingen.
        GetallenEnBewerkingen = "getallen_en_bewerkingen",
        /// Rekenen/wiskunde: meten en meetkunde.
        MetenEnMeetkunde = "meten_en_meetkunde",
        /// Oriëntatie op jezelf en de wereld: mens en samenleving.
        MensEnSamenleving = "mens_en_samenleving",
        /// Oriëntatie op jezelf en de wereld: natuur en techniek.
        NatuurEnTechniek = "natuur_en_techniek",
        /// Oriëntatie op jezelf en de wereld: ruimte.
        Ruimte = "ruimte",
        /// Oriëntatie op jezelf en de wereld: tijd.
        Tijd = "tijd",
    }
}

impl Domain {
    /// The name as schools write it.
    pub fn name(self) -> &'static str {
        match self {
            Domain::Nederlands => "Nederlands",
            Domain::Engels => "Engels",
            Domain::Fries => "Fries",
            Domain::RekenenWiskunde => "rekenen/wiskunde",
            Domain::OrientatieOpJezelfEnDeWereld => "oriëntatie op jezelf en de wereld",
            Domain::KunstzinnigeOrientatie => "kunstzinnige oriëntatie",
            Domain::Bewegingsonderwijs => "bewegingsonderwijs",
        }
    }
}

/// One core objective.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Objective {
    /// Its number within the framework (1–58 in the 2006 set).
    pub number: u16,
    /// The learning area.
    pub domain: Domain,
    /// The part of the learning area, where the framework divides it.
    pub sub_domain: Option<SubDomain>,
    /// A short Dutch title.
    pub title: String,
    /// The province the objective is limited to (Fries: Friesland), if any.
    pub only_in_province: Option<String>,
}

/// A versioned set of core objectives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framework {
    /// Stable code, such as `kerndoelen-2006`.
    pub code: String,
    /// Its name.
    pub name: String,
    /// The first day schools may use it.
    pub valid_from: NaiveDate,
    /// The last day schools may use it, if an end is known.
    pub valid_until: Option<NaiveDate>,
    /// Its objectives, by number.
    pub objectives: Vec<Objective>,
}

/// Why a list of objective numbers does not fit a framework.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ObjectiveError {
    /// A lesson series must name at least one objective.
    #[error("name at least one kerndoel from {framework}")]
    NoneChosen {
        /// The framework's code.
        framework: String,
    },
    /// The number does not exist in the framework.
    #[error("{framework} has no kerndoel {number}")]
    Unknown {
        /// The framework's code.
        framework: String,
        /// The number asked for.
        number: u16,
    },
}

impl Framework {
    /// The objective with `number`.
    pub fn objective(&self, number: u16) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.number == number)
    }

    /// Whether schools may use the framework on `date`.
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.valid_from <= date && self.valid_until.is_none_or(|until| date <= until)
    }

    /// The learning areas that `numbers` cover, each once and in catalogue order; refused when
    /// the list is empty or names a number the framework does not have. The 22-hour rule uses
    /// these to tell which subjects a series teaches.
    pub fn domains_of(&self, numbers: &[u16]) -> Result<Vec<Domain>, ObjectiveError> {
        if numbers.is_empty() {
            return Err(ObjectiveError::NoneChosen {
                framework: self.code.clone(),
            });
        }
        let mut domains = Vec::new();
        for &number in numbers {
            let objective = self.objective(number).ok_or(ObjectiveError::Unknown {
                framework: self.code.clone(),
                number,
            })?;
            if !domains.contains(&objective.domain) {
                domains.push(objective.domain);
            }
        }
        domains.sort();
        Ok(domains)
    }

    /// The framework and its objectives as plain rows, for the store to insert.
    pub fn rows(&self) -> (FrameworkRow<'_>, Vec<ObjectiveRow<'_>>) {
        let framework = FrameworkRow {
            code: &self.code,
            name: &self.name,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
        };
        let objectives = self
            .objectives
            .iter()
            .map(|o| ObjectiveRow {
                framework_code: &self.code,
                number: i32::from(o.number),
                domain: o.domain.as_str(),
                sub_domain: o.sub_domain.map(SubDomain::as_str),
                title: &o.title,
                only_in_province: o.only_in_province.as_deref(),
            })
            .collect();
        (framework, objectives)
    }
}

/// A framework as one row: text, dates and integers only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameworkRow<'a> {
    /// Stable code.
    pub code: &'a str,
    /// Name.
    pub name: &'a str,
    /// First valid day.
    pub valid_from: NaiveDate,
    /// Last valid day, if known.
    pub valid_until: Option<NaiveDate>,
}

/// An objective as one row, keyed by framework code and number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjectiveRow<'a> {
    /// The framework's code.
    pub framework_code: &'a str,
    /// The objective's number (an `i32`, which both database backends store natively).
    pub number: i32,
    /// The learning area's stable code.
    pub domain: &'static str,
    /// The sub-domain's stable code, if any.
    pub sub_domain: Option<&'static str>,
    /// Short Dutch title.
    pub title: &'a str,
    /// The province it is limited to, if any.
    pub only_in_province: Option<&'a str>,
}

/// Every framework the software ships with, oldest first.
pub fn catalogue() -> Vec<Framework> {
    vec![kerndoelen_2006()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn numbers_where(pred: impl Fn(&Objective) -> bool) -> Vec<u16> {
        kerndoelen_2006()
            .objectives
            .iter()
            .filter(|o| pred(o))
            .map(|o| o.number)
            .collect()
    }

    fn range(from: u16, to: u16) -> Vec<u16> {
        (from..=to).collect()
    }

    #[test]
    fn the_2006_set_has_58_objectives_numbered_1_to_58_in_order() {
        let set = kerndoelen_2006();
        assert_eq!(set.code, "kerndoelen-2006");
        let numbers: Vec<u16> = set.objectives.iter().map(|o| o.number).collect();
        assert_eq!(numbers, range(1, 58));
        assert!(set.objectives.iter().all(|o| !o.title.trim().is_empty()));
    }

    #[test]
    fn every_domain_covers_the_numbers_the_2006_set_gives_it() {
        use Domain::*;
        for (domain, from, to) in [
            (Nederlands, 1, 12),
            (Engels, 13, 16),
            (Fries, 17, 22),
            (RekenenWiskunde, 23, 33),
            (OrientatieOpJezelfEnDeWereld, 34, 53),
            (KunstzinnigeOrientatie, 54, 56),
            (Bewegingsonderwijs, 57, 58),
        ] {
            assert_eq!(
                numbers_where(|o| o.domain == domain),
                range(from, to),
                "{domain}"
            );
        }
    }

    #[test]
    fn sub_domains_cover_their_numbers_and_only_theirs() {
        use SubDomain::*;
        for (sub, from, to) in [
            (MondelingOnderwijs, 1, 3),
            (SchriftelijkOnderwijs, 4, 9),
            (Taalbeschouwing, 10, 12),
            (WiskundigInzichtEnHandelen, 23, 25),
            (GetallenEnBewerkingen, 26, 31),
            (MetenEnMeetkunde, 32, 33),
            (MensEnSamenleving, 34, 39),
            (NatuurEnTechniek, 40, 46),
            (Ruimte, 47, 50),
            (Tijd, 51, 53),
        ] {
            assert_eq!(
                numbers_where(|o| o.sub_domain == Some(sub)),
                range(from, to),
                "{sub}"
            );
        }
    }

    #[test]
    fn only_the_fries_objectives_are_limited_to_friesland() {
        assert_eq!(
            numbers_where(|o| o.only_in_province.as_deref() == Some("Friesland")),
            range(17, 22)
        );
        assert_eq!(numbers_where(|o| o.only_in_province.is_some()).len(), 6);
    }

    #[test]
    fn a_series_domains_come_from_its_objectives_each_once() {
        let set = kerndoelen_2006();
        assert_eq!(
            set.domains_of(&[45, 40, 23]),
            Ok(vec![
                Domain::RekenenWiskunde,
                Domain::OrientatieOpJezelfEnDeWereld
            ])
        );
        assert_eq!(
            set.domains_of(&[54, 55]),
            Ok(vec![Domain::KunstzinnigeOrientatie])
        );
    }

    #[test]
    fn unknown_or_missing_objectives_are_refused() {
        let set = kerndoelen_2006();
        assert_eq!(
            set.domains_of(&[12, 59]).unwrap_err().to_string(),
            "kerndoelen-2006 has no kerndoel 59"
        );
        assert!(set.domains_of(&[0]).is_err());
        assert_eq!(
            set.domains_of(&[]).unwrap_err().to_string(),
            "name at least one kerndoel from kerndoelen-2006"
        );
    }

    #[test]
    fn the_2006_set_is_valid_from_august_2006_until_the_end_of_the_transition() {
        let set = kerndoelen_2006();
        assert!(!set.is_valid_on(d(2006, 7, 31)));
        assert!(set.is_valid_on(d(2006, 8, 1)));
        assert!(set.is_valid_on(d(2027, 8, 1)));
        assert!(set.is_valid_on(d(2031, 7, 31)));
        assert!(!set.is_valid_on(d(2031, 8, 1)));
    }

    #[test]
    fn the_catalogue_flattens_into_rows_with_stable_codes() {
        let catalogue = catalogue();
        assert_eq!(catalogue.len(), 1);
        let (framework, objectives) = catalogue[0].rows();
        assert_eq!(framework.code, "kerndoelen-2006");
        assert_eq!(framework.valid_from, d(2006, 8, 1));
        assert_eq!(objectives.len(), 58);
        let fries = &objectives[16];
        assert_eq!(
            (
                fries.framework_code,
                fries.number,
                fries.domain,
                fries.sub_domain
            ),
            ("kerndoelen-2006", 17, "fries", None)
        );
        assert_eq!(fries.only_in_province, Some("Friesland"));
        let ojw = &objectives[39];
        assert_eq!(
            (ojw.number, ojw.domain, ojw.sub_domain),
            (
                40,
                "orientatie_op_jezelf_en_de_wereld",
                Some("natuur_en_techniek")
            )
        );
        assert!(objectives.iter().all(|o| Domain::parse(o.domain).is_ok()));
    }
}
