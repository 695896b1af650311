//! Organisations are the tenants: every resource belongs to a school, a school board, an employer
//! or a partner organisation.

use crate::text_enum;

text_enum! {
    /// What kind of organisation a tenant is.
    pub enum OrganisationKind ("organisation kind") {
        /// The programme itself (for example a city's ambassador programme): home of programme
        /// staff and ambassadors.
        Programme = "programme",
        /// A school board (*schoolbestuur*), which governs one or more schools.
        SchoolBoard = "school_board",
        /// A primary (po) or secondary (vo) school.
        School = "school",
        /// An employer that sponsors the hours of its staff.
        Employer = "employer",
        /// A partner organisation (provider, municipality, research partner) using the API.
        Partner = "partner",
    }
}

text_enum! {
    /// Primary (*primair onderwijs*) or secondary (*voortgezet onderwijs*) education.
    pub enum SchoolType ("school type") {
        /// Primary education, groups 1 to 8.
        Po = "po",
        /// Secondary education, *leerjaar* 1 to 6.
        Vo = "vo",
    }
}

text_enum! {
    /// The holiday region of a school; school holidays differ per region.
    pub enum Region ("region") {
        /// Region noord.
        Noord = "noord",
        /// Region midden.
        Midden = "midden",
        /// Region zuid.
        Zuid = "zuid",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_text_form() {
        for kind in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::parse(kind.as_str()), Ok(*kind));
        }
        for region in Region::ALL {
            assert_eq!(Region::parse(region.as_str()), Ok(*region));
        }
    }

    #[test]
    fn an_unknown_region_names_the_valid_ones() {
        let err = Region::parse("oost").unwrap_err();
        assert_eq!(
            err.0,
            "'oost' is not a valid region; expected one of: noord, midden, zuid"
        );
    }

    #[test]
    fn school_types_serialise_as_their_dutch_abbreviation() {
        assert_eq!(serde_json::to_string(&SchoolType::Vo).unwrap(), "\"vo\"");
    }
}
