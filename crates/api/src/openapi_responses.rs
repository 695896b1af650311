//! What every operation has in common, added to the document once the routes are collected
//! (the route macros only see one operation at a time): the shared error responses (401 for a
//! missing or invalid token, 400 for a path or query value that cannot be read, 415 for a JSON
//! body sent without `Content-Type: application/json`), binary bodies as `format: binary`
//! strings, lists that refer to their item schema, public operations without a security
//! requirement, and the schemas that parameters refer to.
//!
//! Generated clients depend on each: openapi-python-client, for one, demands an authenticated
//! client for any operation with a security requirement (even an empty one), turns
//! `array of integer` bodies into lists of numbers, and models an inlined page item twice.

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{
    ArrayItems, KnownFormat, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::server::Server;
use utoipa::openapi::{Content, OpenApi, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, PartialSchema, ToSchema};

/// The shared response for a missing or invalid access token.
pub const UNAUTHORIZED: &str = "Unauthorized";
/// The shared response for a path or query value that cannot be read.
pub const UNREADABLE_PARAMETER: &str = "UnreadableParameter";
/// The shared response for a JSON body sent without a JSON `Content-Type`.
pub const NOT_JSON: &str = "NotJson";

/// Completes the collected document; see the module documentation.
pub struct CommonResponses;

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut OpenApi) {
        register_parameter_schemas(openapi);
        refer_to_page_items(openapi);
        let components = openapi.components.get_or_insert_with(Default::default);
        for (name, description) in [
            (UNAUTHORIZED, "No valid access token (`unauthenticated`)."),
            (
                UNREADABLE_PARAMETER,
                "A path or query value could not be read, such as an id that is not a UUID or a number out of range (`invalid_path` or `invalid_query`).",
            ),
            (
                NOT_JSON,
                "The body was not sent as JSON: send it with `Content-Type: application/json` (`unsupported_media_type`).",
            ),
        ] {
            components
                .responses
                .insert(name.to_owned(), RefOr::T(problem_response(description)));
        }
        // Operations that anyone may call have no requirement, and all others name theirs:
        // the root requirement only says so for tools that want one there.
        openapi.security = Some(vec![SecurityRequirement::new(
            "bearer",
            Vec::<String>::new(),
        )]);
        openapi.servers = Some(vec![Server::new("/")]);
        for item in openapi.paths.paths.values_mut() {
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                complete_operation(operation);
            }
        }
    }
}

/// Adds the shared parts to one operation, leaving what it declares itself.
fn complete_operation(operation: &mut Operation) {
    let security = operation.security.get_or_insert_with(Vec::new);
    if security.contains(&SecurityRequirement::default()) {
        // Callable without credentials: an empty list, not a list with an empty requirement.
        security.clear();
    }
    // A token is what `bearer` and `oauth2` ask for; the session cookie's operations say
    // themselves what they answer without one (logging out without a session is no error).
    let secured = security.iter().any(|requirement| {
        serde_json::to_value(requirement)
            .is_ok_and(|schemes| schemes.get("bearer").is_some() || schemes.get("oauth2").is_some())
    });
    let responses = &mut operation.responses.responses;
    if secured && !responses.contains_key("401") {
        responses.insert(
            "401".to_owned(),
            RefOr::Ref(Ref::from_response_name(UNAUTHORIZED)),
        );
    }
    let typed_parameter = operation.parameters.iter().flatten().any(|p| match p {
        RefOr::T(p) => {
            matches!(p.parameter_in, ParameterIn::Path | ParameterIn::Query)
                && p.schema.as_ref().is_some_and(is_typed)
        }
        RefOr::Ref(_) => true,
    });
    if typed_parameter && !responses.contains_key("400") {
        responses.insert(
            "400".to_owned(),
            RefOr::Ref(Ref::from_response_name(UNREADABLE_PARAMETER)),
        );
    }
    if let Some(RefOr::T(body)) = &mut operation.request_body {
        if body.content.contains_key("application/json") && !responses.contains_key("415") {
            responses.insert(
                "415".to_owned(),
                RefOr::Ref(Ref::from_response_name(NOT_JSON)),
            );
        }
        for (media_type, content) in &mut body.content {
            if let RefOr::T(content) = content {
                binary_when_bytes(media_type, content);
            }
        }
    }
    for response in responses.values_mut() {
        if let RefOr::T(response) = response {
            for (media_type, content) in &mut response.content {
                if let RefOr::T(content) = content {
                    binary_when_bytes(media_type, content);
                }
            }
        }
    }
}

/// A parameter value that the server parses (a number, UUID, date or enumeration), so that
/// text can fail to be one.
fn is_typed(schema: &RefOr<Schema>) -> bool {
    match schema {
        RefOr::Ref(_) => true,
        RefOr::T(Schema::Object(object)) => {
            object.schema_type != SchemaType::Type(Type::String)
                || object.format.is_some()
                || object.enum_values.is_some()
        }
        RefOr::T(_) => true,
    }
}

/// `Vec<u8>` bodies come out of utoipa as arrays of integers; on the wire they are bytes.
fn binary_when_bytes(media_type: &str, content: &mut Content) {
    let bytes = matches!(
        &content.schema,
        Some(RefOr::T(Schema::Array(array))) if matches!(
            &array.items,
            ArrayItems::RefOrSchema(item) if matches!(
                item.as_ref(),
                RefOr::T(Schema::Object(o)) if o.schema_type == SchemaType::Type(Type::Integer)
            )
        )
    );
    if bytes {
        content.schema = Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
                .content_media_type(media_type)
                .into(),
        );
    }
}

fn problem_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            Content::new(Some(Ref::from_schema_name("Problem"))),
        )
        .build()
}

/// Schemas that parameters refer to by name but that no body uses, so the route macros do
/// not collect them.
fn register_parameter_schemas(openapi: &mut OpenApi) {
    let components = openapi.components.get_or_insert_with(Default::default);
    let mut schemas = Vec::new();
    for (name, schema) in [
        (
            domain::contract::AuditOrder::name(),
            domain::contract::AuditOrder::schema(),
        ),
        (domain::CsvDialect::name(), domain::CsvDialect::schema()),
        (
            domain::contract::ResearchDataset::name(),
            domain::contract::ResearchDataset::schema(),
        ),
    ] {
        schemas.push((name.into_owned(), schema));
    }
    for (name, schema) in schemas {
        components.schemas.entry(name).or_insert(schema);
    }
}

/// `Page<T>` comes out with `T` inlined in each `Page_T`; refer to `T`'s own schema instead,
/// so a generated client has one model per item type.
fn refer_to_page_items(openapi: &mut OpenApi) {
    let Some(components) = openapi.components.as_mut() else {
        return;
    };
    let names: Vec<String> = components.schemas.keys().cloned().collect();
    for name in names {
        let Some(item) = name.strip_prefix("Page_") else {
            continue;
        };
        if !components.schemas.contains_key(item) {
            continue;
        }
        let Some(RefOr::T(Schema::Object(page))) = components.schemas.get_mut(&name) else {
            continue;
        };
        if let Some(RefOr::T(Schema::Array(items))) = page.properties.get_mut("items") {
            items.items =
                ArrayItems::RefOrSchema(Box::new(RefOr::Ref(Ref::from_schema_name(item))));
        }
    }
}
