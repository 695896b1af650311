//! What both pages show of a request: where it stands (and whether it is late), what an erasure
//! keeps and why, and the buttons that download a person's data.

use domain::contract::{KeptRecord, PrivacyRequest};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::privacy_requests::{my_data, subject_data};
use crate::api::{Api, ApiError};
use crate::components::ErrorMessage;
use crate::download::save_text;
use crate::hooks::use_texts;
use crate::i18n::{PrivacyRequestTexts, fill};

/// The status in words, with "te laat" beside it when an open request is past its deadline.
pub fn status_badges(t: &PrivacyRequestTexts, request: &PrivacyRequest) -> Html {
    html! {
        <span class="request-badges">
            <span class={classes!("status", format!("status-request-{}", request.status.as_str()))}>
                { t.status_name(request.status) }
            </span>
            if request.overdue {
                { " " }<span class="status status-request-overdue">{ t.overdue }</span>
            }
        </span>
    }
}

/// "Wat we bewaren en waarom": each thing kept, why, and until when. Nothing for an access
/// request, or an erasure that keeps nothing.
pub fn kept_list(
    t: &PrivacyRequestTexts,
    dates: &domain::date_words::DateWords,
    request: &PrivacyRequest,
) -> Html {
    let open = domain::privacy_request::is_open(request.status);
    kept_records(t, dates, &request.kept, open)
}

/// What an erasure keeps, each with until when and why; `for_now` when it may still change.
pub fn kept_records(
    t: &PrivacyRequestTexts,
    dates: &domain::date_words::DateWords,
    kept: &[KeptRecord],
    for_now: bool,
) -> Html {
    if kept.is_empty() {
        return html! {};
    }
    let item = |kept: &KeptRecord| {
        let until = match kept.until {
            Some(day) => fill(t.kept_until, &[("date", &dates.date(day))]),
            None => t.kept_nameless.to_owned(),
        };
        html! {
            <li data-key={kept.key.clone()}>
                <strong>{ kept.what.clone() }</strong>{ " " }
                <span class="kept-until">{ until }</span>{ " " }{ kept.why.clone() }
            </li>
        }
    };
    html! {
        <div class="request-kept">
            <h4>{ t.kept_title }</h4>
            <ul class="kept-list">{ for kept.iter().map(item) }</ul>
            if for_now {
                <p class="muted">{ t.kept_now }</p>
            }
        </div>
    }
}

/// A file name without spaces or accents from a person's name: "fenna-dijkstra".
pub fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    stem.trim_end_matches('-').to_owned()
}

#[derive(Properties, PartialEq)]
pub struct DataDownloadsProps {
    pub api: Api,
    /// The request whose person's data staff download; none for one's own.
    #[prop_or_default]
    pub request: Option<Uuid>,
    /// The file name without its extension.
    pub file: String,
    /// The buttons' ids start with it.
    pub id: AttrValue,
    pub html_label: &'static str,
    pub json_label: &'static str,
}

/// Two buttons that download the data, as the readable page and as JSON, and a line that
/// says which file was saved.
#[component]
pub fn DataDownloads(props: &DataDownloadsProps) -> Html {
    let texts = use_texts();
    let t = texts.privacy_requests();
    let busy = use_state(|| false);
    let saved = use_state(|| None::<String>);
    let failure = use_state(|| None::<ApiError>);
    let download = |html: bool| {
        let (api, request, file) = (props.api.clone(), props.request, props.file.clone());
        let (busy, saved, failure) = (busy.clone(), saved.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            saved.set(None);
            failure.set(None);
            let (api, busy, saved, failure) =
                (api.clone(), busy.clone(), saved.clone(), failure.clone());
            let (name, mime) = if html {
                (format!("{file}.html"), "text/html;charset=utf-8")
            } else {
                (format!("{file}.json"), "application/json")
            };
            spawn_local(async move {
                let text = match request {
                    Some(id) => subject_data(&api, id, html).await,
                    None => my_data(&api, html).await,
                };
                let result = text.and_then(|text| {
                    save_text(&name, mime, &text).map_err(|_| ApiError::Unexpected)
                });
                busy.set(false);
                match result {
                    Ok(()) => saved.set(Some(name)),
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let busy_attr = (*busy).then_some("true");
    html! {
        <div class="data-downloads">
            <div class="actions">
                <button type="button" id={format!("{}-html", props.id)} class="button-secondary"
                    aria-busy={busy_attr} onclick={download(true)}>{ props.html_label }</button>
                <button type="button" id={format!("{}-json", props.id)} class="button-secondary"
                    aria-busy={busy_attr} onclick={download(false)}>{ props.json_label }</button>
            </div>
            <p id={format!("{}-saved", props.id)} class={classes!("status-line", saved.is_some().then_some("message message-success"))} role="status">
                { (*saved).as_ref().map(|file| fill(t.downloaded, &[("file", file)])).unwrap_or_default() }
            </p>
            if let Some(error) = (*failure).clone() {
                <ErrorMessage {error} />
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_keeps_letters_and_digits_only() {
        assert_eq!(file_stem("Fenna Dijkstra"), "fenna-dijkstra");
        assert_eq!(file_stem("  Ö. de Vries-Ünal "), "de-vries-nal");
        assert_eq!(file_stem("Sem"), "sem");
    }
}
