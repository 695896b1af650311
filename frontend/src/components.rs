//! Small building blocks the pages share: loading and error states, the list footer, menu links.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::ApiError;
use crate::hooks::use_texts;
use crate::route::Route;

/// "Loading…", announced politely to screen readers.
#[component]
pub fn Loading() -> Html {
    let texts = use_texts();
    html! {
        <p class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            { texts.loading }
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorMessageProps {
    pub error: ApiError,
    /// Offers a "try again" button when set.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

/// A failed request, in Dutch, with a way to try again.
#[component]
pub fn ErrorMessage(props: &ErrorMessageProps) -> Html {
    let texts = use_texts();
    // An always-present slot (empty when unused): yew matches unkeyed siblings from the end, so a
    // child that comes and goes would make it rebuild its neighbours.
    let retry = props.on_retry.as_ref().map(|on_retry| {
        let on_retry = on_retry.clone();
        html! {
            <button type="button" class="button-secondary" onclick={move |_| on_retry.emit(())}>
                { texts.retry }
            </button>
        }
    });
    let retry = retry.unwrap_or_default();
    html! {
        <div class="message message-error" role="alert">
            <p>{ texts.error(&props.error) }</p>
            { retry }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ListFooterProps {
    pub loading: bool,
    pub error: Option<ApiError>,
    /// Whether some items are shown already.
    pub has_items: bool,
    pub has_more: bool,
    pub on_more: Callback<()>,
}

/// Under a paged list: the first page's loading state, an error with retry, or the "Meer laden"
/// button. While a further page loads the button stays where it is, marked busy rather than
/// disabled or replaced, so keyboard focus stays on it.
#[component]
pub fn ListFooter(props: &ListFooterProps) -> Html {
    let texts = use_texts();
    if let Some(error) = &props.error {
        return html! { <ErrorMessage error={error.clone()} on_retry={props.on_more.clone()} /> };
    }
    if props.loading && !props.has_items {
        return html! { <Loading /> };
    }
    if !props.has_more && !props.loading {
        return html! {};
    }
    let loading = props.loading;
    let on_more = props.on_more.clone();
    let onclick = move |_| {
        if !loading {
            on_more.emit(());
        }
    };
    html! {
        <div class="list-footer">
            <button
                type="button"
                class="button-secondary load-more"
                aria-disabled={loading.then_some("true")}
                aria-busy={loading.then_some("true")}
                {onclick}
            >
                { if loading { texts.loading_more } else { texts.load_more } }
            </button>
        </div>
    }
}

/// Shown on a page the person's roles do not cover.
#[component]
pub fn NoAccess() -> Html {
    let texts = use_texts();
    crate::hooks::use_title(texts.no_access_title);
    html! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ texts.no_access_title }</h1>
            <p id="no-access">{ texts.no_access_body }</p>
            <p><NavLink to={Route::Overview} current={false}>{ texts.back_to_overview }</NavLink></p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct NavLinkProps {
    pub to: Route,
    /// The link's id, for a link that must be found (a menu item).
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Marks the link as the current page (`aria-current="page"`).
    pub current: bool,
    #[prop_or_default]
    pub children: Html,
}

/// A link within the app: a real `<a href>` (so it can be opened in a new tab or copied) that
/// navigates without reloading on a plain click.
#[component]
pub fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let to = props.to;
    let onclick = Callback::from(move |event: MouseEvent| {
        let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
        if let (false, 0, Some(navigator)) = (modified, event.button(), &navigator) {
            event.prevent_default();
            navigator.push(&to);
        }
    });
    html! {
        <a
            id={props.id.clone()}
            href={to.to_path()}
            aria-current={props.current.then_some("page")}
            {onclick}
        >
            { props.children.clone() }
        </a>
    }
}

#[derive(Properties, PartialEq)]
pub struct FormFieldProps {
    /// The input's id; the hint gets `<id>-hint` and the message `<id>-error`.
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A label, its input, and under the input a hint and the input's message.
/// The input itself says `aria-describedby={described_by(..)}` so both are read with it.
#[component]
pub fn FormField(props: &FormFieldProps) -> Html {
    let hint = props.hint.as_ref().map(|hint| {
        html! { <p id={format!("{}-hint", props.id)} class="field-hint">{ hint.clone() }</p> }
    });
    let error = props.error.as_ref().map(|error| {
        html! { <p id={format!("{}-error", props.id)} class="field-error">{ error.clone() }</p> }
    });
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field-invalid"), props.class.clone())}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            { props.children.clone() }
            { hint.unwrap_or_default() }
            { error.unwrap_or_default() }
        </div>
    }
}

/// The `aria-describedby` of an input in a [`FormField`]: its hint and its message, if shown.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<AttrValue> {
    let ids: Vec<String> = [(hint, "hint"), (error, "error")]
        .into_iter()
        .filter(|(shown, _)| *shown)
        .map(|(_, part)| format!("{id}-{part}"))
        .collect();
    (!ids.is_empty()).then(|| AttrValue::from(ids.join(" ")))
}

#[derive(Properties, PartialEq)]
pub struct StatusMessageProps {
    pub id: AttrValue,
    /// What just happened; nothing is shown when there is nothing to say.
    pub message: Option<AttrValue>,
}

/// "Saved", announced to screen readers and focusable, so the keyboard can be put where the
/// person continues after a form closes.
#[component]
pub fn StatusMessage(props: &StatusMessageProps) -> Html {
    html! {
        <p id={props.id.clone()} class={classes!("status-line", props.message.is_some().then_some("message message-success"))} role="status" tabindex="-1">
            { props.message.clone().unwrap_or_default() }
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_is_described_by_what_is_shown_next_to_it() {
        assert_eq!(described_by("pf-group", false, false), None);
        assert_eq!(
            described_by("pf-group", true, true).as_deref(),
            Some("pf-group-hint pf-group-error")
        );
        assert_eq!(
            described_by("pf-note", false, true).as_deref(),
            Some("pf-note-error")
        );
    }
}
