//! The `Idempotency-Key` header in the document: declared on every POST that
//! [`crate::idempotency`] answers from its key, with the two refusals it adds.

use actix_web::http::Method;
use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn};
use utoipa::openapi::{
    ContentBuilder, ObjectBuilder, OpenApi, Ref, RefOr, Required, ResponseBuilder, Type,
};

const DESCRIPTION: &str = "A unique value per request (1 to 255 visible characters, such as a UUID). \
Sent again with the same body within 24 hours, the first answer is replayed (its status and body, \
with `Idempotent-Replayed: true`) and nothing is done twice.";

/// Adds the header and its refusals to each POST the middleware covers.
pub fn declare(api: &mut OpenApi) {
    for (path, item) in api.paths.paths.iter_mut() {
        if !crate::idempotency::applies_to(&Method::POST, path) {
            continue;
        }
        if let Some(operation) = item.post.as_mut() {
            declare_on(operation);
        }
    }
}

fn declare_on(operation: &mut Operation) {
    let parameters = operation.parameters.get_or_insert_with(Vec::new);
    let declared = parameters.iter().any(|p| match p {
        RefOr::T(p) => p.name.eq_ignore_ascii_case("Idempotency-Key"),
        RefOr::Ref(_) => false,
    });
    if !declared {
        parameters.push(RefOr::T(
            ParameterBuilder::new()
                .name("Idempotency-Key")
                .parameter_in(ParameterIn::Header)
                .required(Required::False)
                .description(Some(DESCRIPTION))
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .min_length(Some(1))
                        .max_length(Some(crate::idempotency::MAX_KEY_LEN)),
                ))
                .build(),
        ));
    }
    refusal(
        operation,
        "400",
        "An `Idempotency-Key` that is empty, longer than 255 characters or not visible ASCII (`idempotency_key_required`).",
    );
    refusal(
        operation,
        "409",
        "The first request with this `Idempotency-Key` is still being handled (`idempotency_key_in_use`); retry after `Retry-After` seconds.",
    );
    refusal(
        operation,
        "422",
        "The `Idempotency-Key` was used for another request: another path or body (`idempotency_key_reused`).",
    );
}

/// Declares `status` with `text`, or adds `text` to the description it has.
fn refusal(operation: &mut Operation, status: &str, text: &str) {
    match operation.responses.responses.get_mut(status) {
        Some(RefOr::T(response)) => {
            if !response.description.contains(text) {
                response.description = format!("{} Or: {text}", response.description);
            }
        }
        Some(RefOr::Ref(_)) => {}
        None => {
            let response = ResponseBuilder::new()
                .description(text)
                .content(
                    "application/problem+json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("Problem")))
                        .build(),
                )
                .build();
            operation
                .responses
                .responses
                .insert(status.to_owned(), RefOr::T(response));
        }
    }
}
