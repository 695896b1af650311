//! Hooks the pages share: texts, the document title, and paged lists.

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
}

impl<T> Default for ListState<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            next: None,
            loading: true,
            error: None,
        }
    }
}

pub enum ListAction<T> {
    /// Loading starts; `reset` drops what was loaded before (the list's key changed).
    Start { reset: bool },
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
            }
            ListAction::Done(Ok(page)) => {
                state.items.extend(page.items);
                state.next = page.next;
                state.loading = false;
            }
            ListAction::Done(Err(error)) => {
                state.loading = false;
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
            load(None, true);
            // Answers for an unmounted list have nowhere to go.
            move || *generation.borrow_mut() += 1
        });
    }

    let load_more = {
        let next = state.next.clone();
        Callback::from(move |()| load(next.clone(), false))
    };
    PagedList { state, load_more }
}

fn load_page<T, F, Fut>(
    dispatcher: UseReducerDispatcher<ListState<T>>,
    generation: Rc<RefCell<u64>>,
    fetch: F,
) -> impl Fn(Option<String>, bool)
where
    T: Clone + 'static,
    F: Fn(Option<String>) -> Fut + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
{
    move |after, reset| {
        if reset {
            *generation.borrow_mut() += 1;
        }
        let mine = *generation.borrow();
        dispatcher.dispatch(ListAction::Start { reset });
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
    fn a_reset_starts_the_list_over() {
        let state = Rc::new(ListState::default());
        let state = state.reduce(ListAction::Done(Ok(page(&[1], Some("c1")))));
        let state = state.reduce(ListAction::Start { reset: true });
        assert!(state.items.is_empty());
        assert_eq!(state.next, None);
    }
}
