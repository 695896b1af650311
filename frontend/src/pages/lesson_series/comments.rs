//! The review's comments, oldest first, and a reply form for whoever may take part.

use domain::contract::{LessonSeries, ReviewComment, ReviewCommentInput};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::api::lesson_series::comment_lesson_series;
use crate::api::{Api, ApiError};
use crate::components::described_by;
use crate::hooks::{focus_id, use_texts};
use crate::i18n::is_about_field;

#[derive(Properties, PartialEq)]
pub struct CommentsProps {
    pub api: Api,
    pub series_id: Uuid,
    pub comments: Vec<ReviewComment>,
    /// Whether the reply form is shown.
    pub may_reply: bool,
    /// The series with the new comment, and what to say about it.
    pub on_changed: Callback<(LessonSeries, &'static str)>,
}

#[component]
pub fn Comments(props: &CommentsProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    let text = use_state(String::new);
    let missing = use_state(|| false);
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);

    let on_input = {
        let (text, missing) = (text.clone(), missing.clone());
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            if !value.trim().is_empty() {
                missing.set(false);
            }
            text.set(value);
        })
    };
    let on_submit = {
        let (api, id, on_changed) = (props.api.clone(), props.series_id, props.on_changed.clone());
        let (text, missing, saving, error) =
            (text.clone(), missing.clone(), saving.clone(), error.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let reply = text.trim().to_owned();
            if reply.is_empty() {
                missing.set(true);
                focus_id("reply-text");
                return;
            }
            if *saving {
                return;
            }
            saving.set(true);
            error.set(None);
            let (api, on_changed) = (api.clone(), on_changed.clone());
            let (text, missing, saving, error) =
                (text.clone(), missing.clone(), saving.clone(), error.clone());
            spawn_local(async move {
                let result =
                    comment_lesson_series(&api, id, &ReviewCommentInput { text: reply }).await;
                saving.set(false);
                match result {
                    Ok(series) => {
                        text.set(String::new());
                        on_changed.emit((series, t.replied_done));
                    }
                    Err(failure) if is_about_field(&failure, "text") => missing.set(true),
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };

    let list = if props.comments.is_empty() {
        html! { <p id="series-comments-empty" class="muted">{ t.comments_empty }</p> }
    } else {
        html! {
            <ol id="series-comments" class="comments">
                { for props.comments.iter().map(|comment| {
                    let action = comment.action.map(|a| a.as_str()).unwrap_or("reply");
                    html! {
                        <li class="comment" data-action={action}>
                            <p class="comment-head">
                                <strong class="comment-author">{ comment.author_name.clone() }</strong>
                                <span class={classes!("comment-action", format!("comment-action-{action}"))}>
                                    { t.action(comment.action) }
                                </span>
                                <span class="comment-date muted">{ texts.dates.instant(comment.written_at) }</span>
                            </p>
                            <p class="comment-text">{ comment.text.clone() }</p>
                        </li>
                    }
                }) }
            </ol>
        }
    };

    let reply_form = props.may_reply.then(|| {
        let reply_error = missing.then(|| {
            html! {
                <p id="reply-text-error" class="field-error form-error" role="alert">{ t.reply_required }</p>
            }
        });
        let failure = error.as_ref().map(|error| {
            html! { <p id="reply-error" class="message message-error" role="alert">{ t.error(texts, error) }</p> }
        });
        html! {
            <form id="reply-form" class="review-form" novalidate=true onsubmit={on_submit}>
                { failure.unwrap_or_default() }
                <div class={classes!("field", missing.then_some("field-invalid"))}>
                    <label for="reply-text">{ t.reply_label }</label>
                    <textarea id="reply-text" rows="3" maxlength="2000" required=true
                        value={(*text).clone()} oninput={on_input}
                        aria-invalid={missing.then_some("true")}
                        aria-describedby={described_by("reply-text", false, *missing)} />
                    { reply_error.unwrap_or_default() }
                </div>
                <div class="form-actions">
                    <button id="reply-submit" type="submit" class="button-secondary" disabled={*saving}>
                        { if *saving { t.saving } else { t.reply_submit } }
                    </button>
                </div>
            </form>
        }
    });

    html! {
        <section class="panel" aria-labelledby="series-comments-title">
            <h2 id="series-comments-title">{ t.comments_title }</h2>
            { list }
            { reply_form.unwrap_or_default() }
        </section>
    }
}
