//! What the employer page's forms share when they are sent: the draft is checked first and the
//! focus goes to the first wrong field; it is sent once at a time; once sent the form is emptied
//! and says so; a refusal about fields shows at those fields, any other failure above the button.

use std::future::Future;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::load::server_messages;
use crate::api::ApiError;
use crate::hooks::{Editable, focus_first, focus_id, use_editable};
use crate::i18n::SponsorshipTexts;

/// A message for each wrong field, by field name.
pub type FieldMessages = Vec<(String, &'static str)>;

/// A form's values and where sending them stands.
#[derive(Clone)]
pub struct Form<D: Clone + 'static> {
    pub draft: UseReducerHandle<Editable<D>>,
    pub messages: UseStateHandle<FieldMessages>,
    pub saving: UseStateHandle<bool>,
    /// Why sending failed, when it was not about the fields.
    pub failure: UseStateHandle<Option<ApiError>>,
    /// What the form says once sent.
    pub done: UseStateHandle<Option<String>>,
    /// The values of an empty form, to start again with once sent.
    blank: Rc<dyn Fn() -> D>,
}

/// How a form is sent; see [`Form::on_submit`].
pub struct Submit<C, S, R, A> {
    /// The fields in the order the form shows them, with their input's id.
    pub fields: &'static [(&'static str, &'static str)],
    /// Where the focus goes once sent: the message that says so.
    pub done_id: &'static str,
    /// What to send, or a message for each wrong field.
    pub check: C,
    /// Sends what `check` gave.
    pub send: S,
    /// The messages for the fields a refusal is about, if it is about fields.
    pub refused: R,
    /// What to do once sent; gives what the form says.
    pub sent: A,
}

/// A form that starts with, and after each success returns to, `blank()`.
#[hook]
pub fn use_form<D, B>(blank: B) -> Form<D>
where
    D: Clone + 'static,
    B: Fn() -> D + 'static,
{
    let blank: Rc<dyn Fn() -> D> = Rc::new(blank);
    let draft = {
        let blank = blank.clone();
        use_editable(move || blank())
    };
    Form {
        draft,
        messages: use_state(FieldMessages::new),
        saving: use_state(|| false),
        failure: use_state(|| None::<ApiError>),
        done: use_state(|| None::<String>),
        blank,
    }
}

impl<D: Clone + 'static> Form<D> {
    /// The form's submit handler.
    pub fn on_submit<I, T, Fut, C, S, R, A>(
        &self,
        submit: Submit<C, S, R, A>,
    ) -> Callback<SubmitEvent>
    where
        C: Fn(&D) -> Result<I, FieldMessages> + 'static,
        S: Fn(I) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
        R: Fn(&ApiError) -> Option<FieldMessages> + 'static,
        A: Fn(T) -> Option<String> + 'static,
    {
        let (form, submit) = (self.clone(), Rc::new(submit));
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *form.saving {
                return;
            }
            form.failure.set(None);
            form.done.set(None);
            let input = match (submit.check)(&form.draft.0) {
                Ok(input) => input,
                Err(wrong) => {
                    focus_first(submit.fields, &wrong);
                    form.messages.set(wrong);
                    return;
                }
            };
            form.messages.set(Vec::new());
            form.saving.set(true);
            let answer = (submit.send)(input);
            let (form, submit) = (form.clone(), submit.clone());
            spawn_local(async move {
                let result = answer.await;
                form.saving.set(false);
                match result {
                    Ok(value) => {
                        form.done.set((submit.sent)(value));
                        let blank = form.blank.clone();
                        form.draft.dispatch(Box::new(move |d: &mut D| *d = blank()));
                        focus_id(submit.done_id);
                    }
                    Err(error) => match (submit.refused)(&error) {
                        Some(wrong) => {
                            focus_first(submit.fields, &wrong);
                            form.messages.set(wrong);
                        }
                        None => form.failure.set(Some(error)),
                    },
                }
            });
        })
    }
}

/// The usual [`Submit::refused`]: the fields the server named in its refusal, if any.
pub fn refused_fields(t: &'static SponsorshipTexts) -> impl Fn(&ApiError) -> Option<FieldMessages> {
    move |error| match error {
        ApiError::Problem(problem) if !problem.errors.is_empty() => {
            Some(server_messages(t, &problem.errors))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use domain::contract::{FieldError, Problem};

    use super::*;
    use crate::i18n::NL;

    fn refusal(code: &str, fields: &[&str]) -> ApiError {
        ApiError::Problem(Box::new(Problem {
            request_id: None,
            problem_type: "about:blank".into(),
            title: "Ongeldig".into(),
            status: 422,
            detail: String::new(),
            code: domain::contract::ErrorCode::parse(code)
                .unwrap_or_else(|| panic!("no such code: {code}")),
            details: None,
            errors: fields
                .iter()
                .map(|field| FieldError {
                    field: (*field).into(),
                    message: "fout".into(),
                })
                .collect(),
        }))
    }

    #[test]
    fn a_refusal_naming_fields_shows_at_those_fields_and_anything_else_above_the_button() {
        let t = NL.sponsorship();
        let refused = refused_fields(t);
        assert_eq!(
            refused(&refusal("invalid_input", &["hourly_rate", "hourly_rate"])),
            Some(vec![(
                "hourly_rate".to_owned(),
                t.field_message("hourly_rate")
            )])
        );
        assert_eq!(refused(&refusal("employer_not_verified", &[])), None);
        assert_eq!(refused(&ApiError::Network), None);
    }
}
