//! A calendar feed to subscribe to: a download link and the full address to paste into Outlook,
//! Google or Apple calendars. The address is the secret (calendar apps cannot log in), so the
//! server hands it only to whoever may see the lessons.

use domain::contract::CalendarFeed;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::lesson_calendar::school_calendar_feed;
use crate::api::lesson_series::series_calendar_feed;
use crate::api::{Api, ApiError};
use crate::components::{ErrorMessage, Loading};
use crate::hooks::use_texts;

/// Whose lessons a feed holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedOf {
    /// Every lesson at a school.
    School(Uuid),
    /// The lessons of one series.
    Series(Uuid),
    /// The logged-in ambassador's course sessions.
    MyTraining,
}

/// The address to subscribe to: the server gives a path, a calendar app needs it whole.
pub fn absolute_url(origin: &str, path: &str) -> String {
    if path.starts_with("http://") || path.starts_with("https://") {
        path.to_owned()
    } else {
        format!("{}{path}", origin.trim_end_matches('/'))
    }
}

fn origin() -> String {
    web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct CalendarFeedProps {
    pub api: Api,
    pub of: FeedOf,
}

#[component]
pub fn CalendarFeedPanel(props: &CalendarFeedProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    let loaded = use_state(|| None::<Result<CalendarFeed, ApiError>>);
    let retry = use_state(|| 0_u32);
    {
        let (api, loaded) = (props.api.clone(), loaded.clone());
        use_effect_with((props.of, *retry), move |&(of, _)| {
            loaded.set(None);
            spawn_local(async move {
                let feed = match of {
                    FeedOf::School(id) => school_calendar_feed(&api, id).await,
                    FeedOf::Series(id) => series_calendar_feed(&api, id).await,
                    FeedOf::MyTraining => crate::api::training::my_training_feed(&api).await,
                };
                loaded.set(Some(feed));
            });
        });
    }

    let content = match &*loaded {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let retry = retry.clone();
            let on_retry = Callback::from(move |()| retry.set(*retry + 1));
            html! { <ErrorMessage error={error.clone()} {on_retry} /> }
        }
        Some(Ok(feed)) => {
            let full = absolute_url(&origin(), &feed.url);
            // One click in the field selects the whole address, ready to copy.
            let onfocus = Callback::from(|event: FocusEvent| {
                event.target_unchecked_into::<HtmlInputElement>().select();
            });
            html! {
                <>
                    <p>
                        <a id="calendar-feed-link" href={feed.url.clone()} download="">{ t.feed_download }</a>
                    </p>
                    <div class="field">
                        <label for="calendar-feed-url">{ t.feed_url_label }</label>
                        <input id="calendar-feed-url" type="text" readonly=true value={full}
                            aria-describedby="calendar-feed-url-hint" {onfocus} />
                        <p id="calendar-feed-url-hint" class="field-hint">{ t.feed_hint }</p>
                    </div>
                </>
            }
        }
    };

    html! {
        <section id="calendar-feed" class="panel calendar-feed" aria-labelledby="calendar-feed-title">
            <h2 id="calendar-feed-title">{ t.feed_title }</h2>
            { content }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_path_becomes_an_address_a_calendar_app_can_use() {
        assert_eq!(
            absolute_url("https://klasbrug.nl", "/api/v1/calendars/abc.ics"),
            "https://klasbrug.nl/api/v1/calendars/abc.ics"
        );
        assert_eq!(
            absolute_url("http://127.0.0.1:8080/", "/api/v1/calendars/abc.ics"),
            "http://127.0.0.1:8080/api/v1/calendars/abc.ics"
        );
        assert_eq!(
            absolute_url("https://klasbrug.nl", "https://cal.example/x.ics"),
            "https://cal.example/x.ics"
        );
    }
}
