//! A school's capacity for a school year: what the director records to get the suggested
//! number of placements. It locks the school, so two directors' saves take turns.

use domain::OrganisationKind;
use domain::SchoolYear;
use domain::contract::{Organisation, SchoolCapacity, SchoolCapacityInput};
use store::{Lock, Store};
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::state::AppState;

/// Records a school's capacity for `year` and returns it with the suggestion it leads to.
pub async fn put_capacity(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    year: SchoolYear,
    mut input: SchoolCapacityInput,
) -> Result<SchoolCapacity, ApiError> {
    let tx = begin(state).await?;
    tx.lock(Lock::School(id)).await?;
    let school = school(&tx, id).await?;
    policy::authorize(principal, Action::EditCapacity(&school), "school")?;
    input.validate().map_err(ApiError::invalid_fields)?;
    input
        .teachers
        .iter_mut()
        .for_each(|t| t.name = t.name.trim().to_owned());
    tx.put_school_capacity(school.id, year, &input).await?;
    let recorded = capacity(&tx, &school, year).await?;
    commit_with_audit(tx, principal, "capacity.update", "school", Some(school.id)).await?;
    Ok(recorded)
}

/// The school `id`, or 404 when it is no school.
pub(crate) async fn school(store: &Store, id: Uuid) -> Result<Organisation, ApiError> {
    match store.get_organisation(id).await {
        Ok(org) if org.kind == OrganisationKind::School => Ok(org),
        Ok(_) | Err(store::StoreError::NotFound) => Err(ApiError::NotFound("school")),
        Err(e) => Err(e.into()),
    }
}

/// A school's capacity for `year` with the suggestion it leads to.
pub(crate) async fn capacity(
    store: &Store,
    school: &Organisation,
    year: SchoolYear,
) -> Result<SchoolCapacity, ApiError> {
    let recorded = store.get_school_capacity(school.id, year).await?;
    let (input, updated_at) = match recorded {
        Some((input, at)) => (input, Some(at)),
        None => (
            SchoolCapacityInput {
                groups: 0,
                groups_with_intern: 0,
                groups_with_starting_teacher: 0,
                teachers: Vec::new(),
                offered: None,
            },
            None,
        ),
    };
    // Teachers' own answers count too; one the director typed in under the same name counts
    // once, by the teacher's own answer.
    let self_reported = store.opt_ins(school.id, year, None).await?;
    let suggestion = input.suggestion_with(&self_reported);
    Ok(SchoolCapacity {
        school_id: school.id,
        school_year: year,
        reasoning: suggestion.reasoning_nl(),
        suggestion,
        placements: store.count_placements(school.id, year).await?,
        self_reported,
        input,
        updated_at,
    })
}
