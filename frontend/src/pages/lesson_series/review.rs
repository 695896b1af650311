//! The coordinator's review of a submitted series: approve it, or ask for changes with a comment
//! that says which. An empty comment is refused here, in Dutch, and nothing is sent.

use domain::contract::{LessonSeries, LessonSeriesTransition};
use domain::lesson_series::LessonSeriesAction;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::api::lesson_series::transition_lesson_series;
use crate::api::{Api, ApiError};
use crate::components::described_by;
use crate::hooks::{focus_id, use_texts};
use crate::i18n::is_about_field;

#[derive(Properties, PartialEq)]
pub struct ReviewPanelProps {
    pub api: Api,
    pub series_id: Uuid,
    /// The series as the server has it after the step, and what to say about it.
    pub on_changed: Callback<(LessonSeries, &'static str)>,
}

#[component]
pub fn ReviewPanel(props: &ReviewPanelProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let comment = use_state(String::new);
    let missing = use_state(|| false);

    let send = {
        let (api, id, on_changed) = (props.api.clone(), props.series_id, props.on_changed.clone());
        let (saving, error, missing) = (saving.clone(), error.clone(), missing.clone());
        Callback::from(move |transition: LessonSeriesTransition| {
            if *saving {
                return;
            }
            saving.set(true);
            error.set(None);
            let done = match transition.action {
                LessonSeriesAction::Approve => t.approved_done,
                _ => t.changes_requested_done,
            };
            let (api, on_changed) = (api.clone(), on_changed.clone());
            let (saving, error, missing) = (saving.clone(), error.clone(), missing.clone());
            spawn_local(async move {
                let result = transition_lesson_series(&api, id, &transition).await;
                saving.set(false);
                match result {
                    Ok(series) => on_changed.emit((series, done)),
                    Err(failure) if is_about_field(&failure, "comment") => {
                        missing.set(true);
                        focus_id("request-changes-comment");
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };

    let on_approve = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| {
            send.emit(LessonSeriesTransition {
                action: LessonSeriesAction::Approve,
                comment: None,
            })
        })
    };
    let on_comment = {
        let (comment, missing) = (comment.clone(), missing.clone());
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            if !value.trim().is_empty() {
                missing.set(false);
            }
            comment.set(value);
        })
    };
    let on_request_changes = {
        let (comment, missing, send) = (comment.clone(), missing.clone(), send.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = comment.trim().to_owned();
            if text.is_empty() {
                missing.set(true);
                focus_id("request-changes-comment");
                return;
            }
            send.emit(LessonSeriesTransition {
                action: LessonSeriesAction::RequestChanges,
                comment: Some(text),
            });
        })
    };

    let comment_error = missing.then(|| {
        html! {
            <p id="request-changes-comment-error" class="field-error form-error" role="alert">
                { t.comment_required }
            </p>
        }
    });
    let failure = error.as_ref().map(|error| {
        html! { <p id="review-error" class="message message-error" role="alert">{ t.error(texts, error) }</p> }
    });

    html! {
        <section id="series-review" class="panel" aria-labelledby="series-review-title">
            <h2 id="series-review-title">{ t.review_title }</h2>
            <p class="muted">{ t.review_hint }</p>
            { failure.unwrap_or_default() }
            <div class="card-actions review-approve">
                <button id="approve-series" type="button" class="button-primary"
                    disabled={*saving} onclick={on_approve}>
                    { t.approve }
                </button>
            </div>
            <form id="request-changes-form" class="review-form" novalidate=true
                aria-labelledby="request-changes-title" onsubmit={on_request_changes}>
                <h3 id="request-changes-title">{ t.request_changes }</h3>
                <div class={classes!("field", missing.then_some("field-invalid"))}>
                    <label for="request-changes-comment">{ t.request_changes_label }</label>
                    <textarea id="request-changes-comment" rows="4" maxlength="2000" required=true
                        value={(*comment).clone()} oninput={on_comment}
                        aria-invalid={missing.then_some("true")}
                        aria-describedby={described_by("request-changes-comment", true, *missing)} />
                    <p id="request-changes-comment-hint" class="field-hint">{ t.request_changes_hint }</p>
                    { comment_error.unwrap_or_default() }
                </div>
                <div class="form-actions">
                    <button id="request-changes" type="submit" class="button-secondary" disabled={*saving}>
                        { if *saving { t.saving } else { t.request_changes } }
                    </button>
                </div>
            </form>
        </section>
    }
}
