//! The roles a person or client can have. A role is always held in one organisation, its tenant;
//! programme staff and ambassadors belong to the programme itself.

use crate::text_enum;

text_enum! {
    /// What a principal may do is decided by its role in an organisation.
    pub enum Role ("role") {
        /// Programme staff (*projectleider*): intake, matching, payouts; sees every tenant.
        ProgrammeAdmin = "programme_admin",
        /// School director (*directeur*): manages the school's spots.
        SchoolDirector = "school_director",
        /// Internal coordinator (*intern coördinator*, IC): coaches ambassadors at one school.
        Coordinator = "coordinator",
        /// Teacher (*leerkracht*, *docent*) who works with an ambassador.
        Teacher = "teacher",
        /// Ambassador (*onderwijsambassadeur*): the professional from outside education.
        Ambassador = "ambassador",
        /// Contact person of an employer that sponsors staff hours.
        EmployerContact = "employer_contact",
        /// A partner organisation's API client (OAuth2 client credentials).
        PartnerClient = "partner_client",
    }
}

impl Role {
    /// The kind of organisation in which this role is held.
    pub fn organisation_kind(self) -> crate::OrganisationKind {
        use crate::OrganisationKind as K;
        match self {
            Role::ProgrammeAdmin | Role::Ambassador => K::Programme,
            Role::SchoolDirector | Role::Coordinator | Role::Teacher => K::School,
            Role::EmployerContact => K::Employer,
            Role::PartnerClient => K::Partner,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OrganisationKind;

    #[test]
    fn school_roles_belong_to_schools() {
        assert_eq!(
            Role::SchoolDirector.organisation_kind(),
            OrganisationKind::School
        );
        assert_eq!(
            Role::EmployerContact.organisation_kind(),
            OrganisationKind::Employer
        );
        assert_eq!(
            Role::ProgrammeAdmin.organisation_kind(),
            OrganisationKind::Programme
        );
    }
}
