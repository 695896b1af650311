//! For addresses that lead nowhere.

use yew::prelude::*;

use crate::components::NavLink;
use crate::hooks::{use_texts, use_title};
use crate::route::Route;

#[component]
pub fn NotFoundPage() -> Html {
    let texts = use_texts();
    use_title(texts.not_found_title);
    html! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ texts.not_found_title }</h1>
            <p id="not-found">{ texts.not_found_body }</p>
            <p><NavLink to={Route::Overview} current={false}>{ texts.back_to_overview }</NavLink></p>
        </section>
    }
}
