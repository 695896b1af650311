//! Hooks the pages share: texts, the document title, paged lists and form values.

use std::cell::RefCell;
use std::future::Future;
use std::ops::Deref;
use std::rc::Rc;

use domain::contract::Page;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Lang, Texts};

/// The texts in the language the app is shown in (Dutch unless a `Lang` context says otherwise).
#[hook]
pub fn use_texts() -> &'static Texts {
    use_context::<Lang>().unwrap_or_default().texts()
}

/// Names the browser tab after the page, so tabs, history and screen readers say where one is.
#[hook]
pub fn use_title(title: &'static str) {
    let texts = use_texts();
    use_effect_with(title, move |title| {
        if let Some(document) = web_sys::window().and_then(|window| window.document()) {
            document.set_title(&format!("{title} – {}", texts.app_name));
        }
    });
}

/// The values of a form, changed one edit at a time. Each edit applies to the latest values, so
/// events that arrive before the next render (a script filling several fields, fast typing)
/// never overwrite each other.
#[derive(Debug, Clone, PartialEq)]
pub struct Editable<T>(pub T);

/// One change to a form's values.
pub type Edit<T> = Box<dyn FnOnce(&mut T)>;

impl<T: Clone> Reducible for Editable<T> {
    type Action = Edit<T>;

    fn reduce(self: Rc<Self>, edit: Edit<T>) -> Rc<Self> {
        let mut values = Rc::unwrap_or_clone(self).0;
        edit(&mut values);
        Rc::new(Editable(values))
    }
}

/// A form's values, starting from `init`.
#[hook]
pub fn use_editable<T, F>(init: F) -> UseReducerHandle<Editable<T>>
where
    T: Clone + 'static,
    F: FnOnce() -> T,
{
    use_reducer(move || Editable(init()))
}

/// A handler for an `input` or `change` event that writes the field's `value` into the form.
pub fn on_value<T, E>(
    dispatcher: UseReducerDispatcher<Editable<T>>,
    write: impl Fn(&mut T, String) + Clone + 'static,
) -> Callback<E>
where
    T: Clone + 'static,
    E: AsRef<web_sys::Event> + 'static,
{
    Callback::from(move |event: E| {
        let value = event_property(event.as_ref(), "value")
            .as_string()
            .unwrap_or_default();
        let write = write.clone();
        dispatcher.dispatch(Box::new(move |form: &mut T| write(form, value)));
    })
}

/// A handler for a checkbox's `change` event that writes whether it is checked into the form.
pub fn on_checked<T>(
    dispatcher: UseReducerDispatcher<Editable<T>>,
    write: impl Fn(&mut T, bool) + Clone + 'static,
) -> Callback<Event>
where
    T: Clone + 'static,
{
    Callback::from(move |event: Event| {
        let checked = event_property(&event, "checked").is_truthy();
        let write = write.clone();
        dispatcher.dispatch(Box::new(move |form: &mut T| write(form, checked)));
    })
}

/// A property of the element an event happened on: `value` works alike for inputs, selects and
/// text areas.
fn event_property(event: &web_sys::Event, name: &str) -> wasm_bindgen::JsValue {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &name.into()).ok())
        .unwrap_or_default()
}

/// Moves the keyboard focus to the element with `id`, if there is one.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Moves the focus to the first of `fields` (name, input id), in the form's order, that `wrong`
/// has a message for.
pub fn focus_first(fields: &[(&str, &str)], wrong: &[(String, &'static str)]) {
    if let Some((_, id)) = fields
        .iter()
        .find(|(name, _)| wrong.iter().any(|(f, _)| f == name))
    {
        focus_id(id);
    }
}

/// A list that loads page by page.
#[derive(Debug, Clone, PartialEq)]
pub struct ListState<T> {
    /// The items loaded so far.
    pub items: Vec<T>,
    /// The cursor of the next page; `None` on the last page.
    pub next: Option<String>,
    /// Whether a page is being loaded.
    pub loading: bool,
    /// Why the last load failed, if it did.
    pub error: Option<ApiError>,
    /// Whether the first page is being loaded again to replace what is shown, which stays on
    /// screen meanwhile.
    pub refreshing: bool,
}

impl<T> Default for ListState<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            next: None,
            loading: true,
            error: None,
            refreshing: false,
        }
    }
}

pub enum ListAction<T> {
    /// Loading starts; `reset` drops what was loaded before (the list's key changed).
    Start { reset: bool },
    /// The first page is loaded again, to replace the items when it arrives (after a change).
    Refresh,
    /// A page arrived, or failed to.
    Done(Result<Page<T>, ApiError>),
}

impl<T: Clone> Reducible for ListState<T> {
    type Action = ListAction<T>;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        match action {
            ListAction::Start { reset } => {
                if reset {
                    state.items.clear();
                    state.next = None;
                }
                state.loading = true;
                state.error = None;
                state.refreshing = false;
            }
            ListAction::Refresh => {
                state.loading = true;
                state.error = None;
                state.refreshing = true;
            }
            ListAction::Done(Ok(page)) => {
                if std::mem::take(&mut state.refreshing) {
                    state.items.clear();
                }
                state.items.extend(page.items);
                state.next = page.next;
                state.loading = false;
            }
            ListAction::Done(Err(error)) => {
                state.loading = false;
                state.refreshing = false;
                state.error = Some(error);
            }
        }
        Rc::new(state)
    }
}

/// A paged list and the way to load its next page.
pub struct PagedList<T: Clone + 'static> {
    state: UseReducerHandle<ListState<T>>,
    /// Loads the next page; after a failure, retries the page that failed.
    pub load_more: Callback<()>,
    /// Loads the first page again and replaces the list with it once it arrives: after a change
    /// that may have moved, added or removed items.
    pub reload: Callback<()>,
}

impl<T: Clone + 'static> Deref for PagedList<T> {
    type Target = ListState<T>;
    fn deref(&self) -> &ListState<T> {
        &self.state
    }
}

/// Loads a list page by page with `fetch(after)`, from the start again whenever `key` changes
/// (a filter, say). An answer that arrives after the key changed is dropped, so a slow first
/// page cannot overwrite the list of a newer filter.
#[hook]
pub fn use_paged_list<T, K, F, Fut>(key: K, fetch: F) -> PagedList<T>
where
    T: Clone + 'static,
    K: PartialEq + 'static,
    F: Fn(Option<String>) -> Fut + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
{
    let state = use_reducer(ListState::<T>::default);
    let generation = use_mut_ref(|| 0_u64);
    let load = Rc::new(load_page(state.dispatcher(), generation.clone(), fetch));

    {
        let load = load.clone();
        let generation = generation.clone();
        use_effect_with(key, move |_| {
            load(Load::Reset);
            // Answers for an unmounted list have nowhere to go.
            move || *generation.borrow_mut() += 1
        });
    }

    let load_more = {
        let next = state.next.clone();
        let load = load.clone();
        Callback::from(move |()| load(Load::After(next.clone())))
    };
    let reload = Callback::from(move |()| load(Load::Refresh));
    PagedList {
        state,
        load_more,
        reload,
    }
}

/// Which page to load, and what to do with what was loaded before.
enum Load {
    /// The first page, dropping what was loaded.
    Reset,
    /// The page after this cursor, appended.
    After(Option<String>),
    /// The first page, replacing what was loaded when it arrives.
    Refresh,
}

fn load_page<T, F, Fut>(
    dispatcher: UseReducerDispatcher<ListState<T>>,
    generation: Rc<RefCell<u64>>,
    fetch: F,
) -> impl Fn(Load)
where
    T: Clone + 'static,
    F: Fn(Option<String>) -> Fut + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
{
    move |load| {
        let (after, action) = match load {
            Load::Reset => (None, ListAction::Start { reset: true }),
            Load::After(after) => (after, ListAction::Start { reset: false }),
            Load::Refresh => (None, ListAction::Refresh),
        };
        // A new first page makes every answer still under way out of date.
        if after.is_none() {
            *generation.borrow_mut() += 1;
        }
        let mine = *generation.borrow();
        dispatcher.dispatch(action);
        let page = fetch(after);
        let dispatcher = dispatcher.clone();
        let generation = generation.clone();
        spawn_local(async move {
            let result = page.await;
            if *generation.borrow() == mine {
                dispatcher.dispatch(ListAction::Done(result));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(items: &[u32], next: Option<&str>) -> Page<u32> {
        Page {
            items: items.to_vec(),
            next: next.map(str::to_owned),
        }
    }

    #[test]
    fn edits_apply_to_the_latest_values() {
        let form = Rc::new(Editable((1, 2)));
        let form = form.reduce(Box::new(|v: &mut (i32, i32)| v.0 = 10));
        let form = form.reduce(Box::new(|v: &mut (i32, i32)| v.1 = 20));
        assert_eq!(form.0, (10, 20));
    }

    #[test]
    fn pages_append_and_the_last_one_ends_the_list() {
        let state = Rc::new(ListState::default());
        let state = state.reduce(ListAction::Done(Ok(page(&[1, 2], Some("c1")))));
        assert_eq!(state.next.as_deref(), Some("c1"));
        let state = state.reduce(ListAction::Start { reset: false });
        assert!(state.loading);
        let state = state.reduce(ListAction::Done(Ok(page(&[3], None))));
        assert_eq!(state.items, [1, 2, 3]);
        assert_eq!(state.next, None);
        assert!(!state.loading);
    }

    #[test]
    fn a_failed_page_keeps_what_was_loaded_and_can_be_retried() {
        let state = Rc::new(ListState::default());
        let state = state.reduce(ListAction::Done(Ok(page(&[1], Some("c1")))));
        let state = state.reduce(ListAction::Done(Err(ApiError::Network)));
        assert_eq!(state.items, [1]);
        assert_eq!(state.next.as_deref(), Some("c1"));
        assert_eq!(state.error, Some(ApiError::Network));
        let state = state.reduce(ListAction::Start { reset: false });
        assert_eq!(state.error, None);
    }

    #[test]
    fn a_refresh_keeps_the_list_on_screen_until_the_new_first_page_replaces_it() {
        let state = Rc::new(ListState::default());
        let state = state.reduce(ListAction::Done(Ok(page(&[1, 2], Some("c1")))));
        let state = state.reduce(ListAction::Refresh);
        assert_eq!(state.items, [1, 2]);
        assert!(state.loading && state.refreshing);
        let state = state.reduce(ListAction::Done(Ok(page(&[2, 3], None))));
        assert_eq!(state.items, [2, 3]);
        assert!(!state.refreshing);
        assert_eq!(state.next, None);
    }

    #[test]
    fn a_reset_starts_the_list_over() {
        let state = Rc::new(ListState::default());
        let state = state.reduce(ListAction::Done(Ok(page(&[1], Some("c1")))));
        let state = state.reduce(ListAction::Start { reset: true });
        assert!(state.items.is_empty());
        assert_eq!(state.next, None);
    }
}
