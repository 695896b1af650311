//! Berichten, for programme staff: the e-mails Klasbrug sent, those that wait and those that
//! failed with the mail server's last answer, newest first; a failed one can be sent again.

use std::collections::HashMap;
use std::rc::Rc;

use domain::contract::{MessageQuery, MessageStatus, OutgoingMessage};
use uuid::Uuid;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::api::messages::{list_messages, retry_message};
use crate::app::Session;
use crate::components::ListFooter;
use crate::hooks::{use_paged_list, use_texts, use_title};
use crate::i18n::{Texts, fill};

#[derive(Properties, PartialEq)]
pub struct MessagesProps {
    pub session: Session,
}

/// The messages as a retry answered them, shown instead of the list's older copy until the
/// list is loaded again.
#[derive(Default, PartialEq)]
struct Answered(HashMap<Uuid, OutgoingMessage>);

enum AnsweredAction {
    Insert(OutgoingMessage),
    Clear,
}

impl Reducible for Answered {
    type Action = AnsweredAction;

    fn reduce(self: Rc<Self>, action: AnsweredAction) -> Rc<Self> {
        match action {
            AnsweredAction::Insert(message) => {
                let mut map = self.0.clone();
                map.insert(message.id, message);
                Rc::new(Answered(map))
            }
            AnsweredAction::Clear if self.0.is_empty() => self,
            AnsweredAction::Clear => Rc::new(Answered::default()),
        }
    }
}

/// What the last "Opnieuw versturen" came to.
#[derive(Clone, PartialEq)]
enum Notice {
    Done(String),
    Failed(&'static str),
}

/// After a retry the delivery worker sends the message within moments: the list is looked at
/// again after these pauses (in milliseconds), so the row shows how it went.
const LOOK_AGAIN_MS: [i32; 3] = [1_000, 3_000, 8_000];

#[component]
pub fn MessagesPage(props: &MessagesProps) -> Html {
    let texts = use_texts();
    let t = texts.messages();
    use_title(t.menu);
    let filter = use_state(MessageQuery::default);
    let list = {
        let (api, current) = (props.session.api.clone(), (*filter).clone());
        use_paged_list((*filter).clone(), move |after| {
            let (api, current) = (api.clone(), current.clone());
            async move { list_messages(&api, &current, after).await }
        })
    };
    let answered = use_reducer(Answered::default);
    let busy = use_state(|| None::<Uuid>);
    let notice = use_state(|| None::<Notice>);
    // Pauses that end after the page is gone must not load its list again.
    let mounted = use_mut_ref(|| true);
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| move || *mounted.borrow_mut() = false);
    }
    {
        let answered = answered.dispatcher();
        use_effect_with(list.items.clone(), move |_| {
            answered.dispatch(AnsweredAction::Clear)
        });
    }

    let on_status = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(MessageQuery {
                status: MessageStatus::parse(&value).ok(),
                ..(*filter).clone()
            });
        })
    };
    let on_recipient = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let recipient = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
            filter.set(MessageQuery {
                recipient,
                ..(*filter).clone()
            });
        })
    };
    let on_retry = {
        let api = props.session.api.clone();
        let (answered, busy, notice) = (answered.dispatcher(), busy.clone(), notice.clone());
        let (reload, mounted) = (list.reload.clone(), mounted.clone());
        Callback::from(move |message: OutgoingMessage| {
            let (api, answered, busy, notice) =
                (api.clone(), answered.clone(), busy.clone(), notice.clone());
            let (reload, mounted) = (reload.clone(), mounted.clone());
            busy.set(Some(message.id));
            notice.set(None);
            spawn_local(async move {
                let result = retry_message(&api, message.id).await;
                busy.set(None);
                match result {
                    Ok(updated) => {
                        let said = fill(t.retried, &[("recipient", &updated.recipient)]);
                        answered.dispatch(AnsweredAction::Insert(updated));
                        notice.set(Some(Notice::Done(said)));
                        for pause in LOOK_AGAIN_MS {
                            if !wait(pause).await || !*mounted.borrow() {
                                return;
                            }
                            reload.emit(());
                        }
                    }
                    Err(error) => {
                        notice.set(Some(Notice::Failed(t.error(texts, &error))));
                        reload.emit(());
                    }
                }
            });
        })
    };

    let table = if list.items.is_empty() {
        if list.loading || list.error.is_some() {
            html! {}
        } else {
            html! { <p id="messages-empty" class="message message-info">{ t.none }</p> }
        }
    } else {
        html! {
            <div class="table-wrap" role="region" aria-labelledby="page-title" tabindex="0">
                <table id="messages" class="cards-on-phone messages-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t.column_created }</th>
                            <th scope="col">{ t.column_recipient }</th>
                            <th scope="col">{ t.column_subject }</th>
                            <th scope="col">{ t.column_status }</th>
                            <th scope="col">{ t.column_attempts }</th>
                            <th scope="col">{ t.column_error }</th>
                            <th scope="col">{ t.column_sent }</th>
                            <th scope="col"><span class="visually-hidden">{ t.column_actions }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for list.items.iter().map(|item| {
                            let message = answered.0.get(&item.id).unwrap_or(item);
                            message_row(texts, message, *busy == Some(message.id), &on_retry)
                        }) }
                    </tbody>
                </table>
            </div>
        }
    };
    let notice = match &*notice {
        Some(Notice::Done(said)) => html! {
            <p id="messages-notice" class="message message-success" role="status">{ said.clone() }</p>
        },
        Some(Notice::Failed(said)) => html! {
            <p id="messages-notice" class="message message-error" role="alert">{ *said }</p>
        },
        None => html! {},
    };

    html! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu }</h1>
            <p class="lead">{ t.intro }</p>
            <div class="filters">
                <div class="field">
                    <label for="messages-status">{ t.filter_status }</label>
                    <select id="messages-status" onchange={on_status}>
                        <option value="" selected={filter.status.is_none()}>{ t.all }</option>
                        { for MessageStatus::ALL.iter().map(|status| html! {
                            <option value={status.as_str()} selected={filter.status == Some(*status)}>
                                { t.status(*status) }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="messages-recipient">{ t.filter_recipient }</label>
                    <input id="messages-recipient" type="search" autocomplete="off" onchange={on_recipient}
                        value={filter.recipient.clone().unwrap_or_default()} />
                </div>
            </div>
            { notice }
            { table }
            <ListFooter
                loading={list.loading}
                error={list.error.clone()}
                has_items={!list.items.is_empty()}
                has_more={list.next.is_some()}
                on_more={list.load_more.clone()}
            />
        </section>
    }
}

fn message_row(
    texts: &'static Texts,
    message: &OutgoingMessage,
    busy: bool,
    on_retry: &Callback<OutgoingMessage>,
) -> Html {
    let t = texts.messages();
    let instant = |at: chrono::DateTime<chrono::Utc>| {
        html! { <time datetime={at.to_rfc3339()}>{ texts.dates.instant(at) }</time> }
    };
    let status_class = match message.status {
        MessageStatus::Waiting => "status-proposed",
        MessageStatus::Sent => "status-open",
        MessageStatus::Failed => "status-cancelled",
    };
    let next_attempt = message
        .next_attempt_at
        .map(|at| html! { <span class="muted">{ t.next_attempt }{ " " }{ instant(at) }</span> })
        .unwrap_or_default();
    let retry = if message.status == MessageStatus::Failed {
        let (on_retry, chosen) = (on_retry.clone(), message.clone());
        let onclick = Callback::from(move |_: MouseEvent| on_retry.emit(chosen.clone()));
        html! {
            <button type="button" class="button-secondary button-small retry" {onclick}
                disabled={busy} aria-busy={busy.to_string()}
                aria-label={format!("{} ({})", t.retry, message.recipient)}>
                { if busy { t.retrying } else { t.retry } }
            </button>
        }
    } else {
        html! {}
    };
    html! {
        <tr key={message.id.to_string()} id={format!("message-{}", message.id)} class="outgoing-message"
            data-status={message.status.as_str()} data-recipient={message.recipient.clone()}>
            <td data-label={t.column_created}>{ instant(message.created_at) }</td>
            <td data-label={t.column_recipient} class="outgoing-recipient">{ address(&message.recipient) }</td>
            <td data-label={t.column_subject}>{ message.subject.clone() }</td>
            <td data-label={t.column_status}>
                <span class={classes!("status", "outgoing-status", status_class)}>{ t.status(message.status) }</span>
                { next_attempt }
            </td>
            <td data-label={t.column_attempts} class="outgoing-attempts">{ message.attempts }</td>
            <td data-label={t.column_error} class="outgoing-error">{ message.last_error.clone().map(Html::from).unwrap_or_default() }</td>
            <td data-label={t.column_sent}>{ message.sent_at.map(instant).unwrap_or_default() }</td>
            <td class="row-buttons">{ retry }</td>
        </tr>
    }
}

/// An address that may break after its `@` where a column is narrow.
fn address(recipient: &str) -> Html {
    match recipient.split_once('@') {
        Some((local, domain)) => html! { <>{ local }{ "@" }<wbr />{ domain }</> },
        None => html! { { recipient } },
    }
}

/// Waits `ms` milliseconds; `false` when the browser would not set a timer.
async fn wait(ms: i32) -> bool {
    let mut scheduled = false;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        scheduled = web_sys::window()
            .and_then(|window| {
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                    .ok()
            })
            .is_some();
    });
    scheduled && JsFuture::from(promise).await.is_ok()
}
