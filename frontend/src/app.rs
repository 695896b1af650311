//! The app's frame: restoring the session on start, the login, and once logged in the header,
//! the menu and the page of the current route.

use std::rc::Rc;

use domain::contract::Me;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{Api, auth};
use crate::bundle::{self, Bundle};
use crate::components::{NavLink, NoAccess};
use crate::hooks::use_texts;
use crate::i18n::Lang;
use crate::menu::{MenuItem, may_open, menu_for};
use crate::pages::allowances::AllowancesPage;
use crate::pages::ambassadors::{AmbassadorPage, AmbassadorsPage};
use crate::pages::apply::ApplyPage;
use crate::pages::apply_confirm::ConfirmApplicationPage;
use crate::pages::audit::AuditPage;
use crate::pages::candidates::CandidatesPage;
use crate::pages::capacity::CapacityPage;
use crate::pages::dashboard::DashboardPage;
use crate::pages::employers::{EmployerDetailPage, EmployerPage, EmployersPage};
use crate::pages::forgot_password::ForgotPasswordPage;
use crate::pages::hours::HoursPage;
use crate::pages::invitation::InvitationPage;
use crate::pages::lesson_calendar::LessonCalendarPage;
use crate::pages::lesson_series::{LessonSeriesFormPage, LessonSeriesListPage, LessonSeriesPage};
use crate::pages::login::{LoginPage, Notice};
use crate::pages::mail_settings::MailSettingsPage;
use crate::pages::matching::{MatchingPage, RunPage};
use crate::pages::messages::MessagesPage;
use crate::pages::mine::{MyAllowancePage, MyDetailsPage, MyHoursPage, MyLessonsPage, MyPlacePage};
use crate::pages::my_class::MyClassPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::organisations::OrganisationsPage;
use crate::pages::overview::OverviewPage;
use crate::pages::placements::PlacementsPage;
use crate::pages::privacy::{PrivacyRegisterPage, SensitiveReadsPage};
use crate::pages::privacy_requests::{MyPrivacyPage, PrivacyRequestsPage};
use crate::pages::reset_password::ResetPasswordPage;
use crate::pages::sign_up::SignUpPage;
use crate::pages::team::TeamPage;
use crate::pages::team_invitation::TeamInvitationPage;
use crate::pages::training::TrainingPage;
use crate::pages::unsubscribe::UnsubscribePage;
use crate::pages::waiting::WaitingLines;
use crate::route::Route;

/// A logged-in person and the API client that carries their token; what every page gets.
#[derive(Clone, PartialEq)]
pub struct Session {
    pub api: Api,
    pub me: Rc<Me>,
}

/// What a build of the app holds: its bundle, and its pages for someone logged in and for
/// someone who is not. Each binary names one of the constants, so the pages of the other bundles
/// are not compiled into it.
#[derive(Clone, Copy)]
pub struct Pages {
    pub bundle: Bundle,
    signed_in: fn(Route, &Session) -> Html,
    signed_out: fn(Route, &Api, &Callback<()>) -> Html,
}

impl Pages {
    pub const FULL: Pages = Pages::of::<{ Bundle::Full.code() }>();
    pub const SCHOOL: Pages = Pages::of::<{ Bundle::School.code() }>();
    pub const EMPLOYER: Pages = Pages::of::<{ Bundle::Employer.code() }>();
    pub const AMBASSADOR: Pages = Pages::of::<{ Bundle::Ambassador.code() }>();

    /// The `Pages` of the bundle whose [`Bundle::code`] is `B`: `switch` and `public` are
    /// compiled for it with the bundle a constant, so the pages it leaves out are dead code there
    /// and not compiled in.
    const fn of<const B: u8>() -> Pages {
        Pages {
            bundle: Bundle::from_code(B),
            signed_in: switch::<B>,
            signed_out: public::<B>,
        }
    }
}

/// One bundle's pages never change while the app runs.
impl PartialEq for Pages {
    fn eq(&self, other: &Self) -> bool {
        self.bundle == other.bundle
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub pages: Pages,
}

#[derive(Clone, PartialEq)]
enum Auth {
    /// Asking the server whether the refresh cookie still holds a session.
    Restoring,
    SignedOut(Option<Notice>),
    SignedIn(Rc<Me>),
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let pages = props.pages;
    let auth = use_state(|| Auth::Restoring);
    let api = {
        let auth = auth.setter();
        use_memo((), move |_| {
            Api::new(Callback::from(move |()| {
                auth.set(Auth::SignedOut(Some(Notice::SessionExpired)));
            }))
        })
    };
    let api = (*api).clone();

    {
        let (api, auth) = (api.clone(), auth.setter());
        use_effect_with((), move |_| {
            spawn_local(async move {
                auth.set(match auth::restore(&api).await {
                    Ok(Some(me)) => Auth::SignedIn(Rc::new(me)),
                    Ok(None) => Auth::SignedOut(None),
                    Err(error) => Auth::SignedOut(Some(Notice::Failed(error))),
                });
            });
        });
    }

    let on_logged_in = {
        let auth = auth.setter();
        Callback::from(move |me: Me| auth.set(Auth::SignedIn(Rc::new(me))))
    };
    let on_signed_out = {
        let auth = auth.setter();
        Callback::from(move |notice: Notice| auth.set(Auth::SignedOut(Some(notice))))
    };

    // Once the person is known, their bundle is the hint for the next visit; a bundle that lacks
    // pages of theirs (another person logged in on this device) loads again as theirs.
    let wrong_bundle = matches!(&*auth, Auth::SignedIn(me) if !pages.bundle.covers(me));
    {
        let auth = auth.clone();
        use_effect_with(auth, move |auth| {
            if let Auth::SignedIn(me) = &**auth
                && !bundle::remember_for(pages.bundle, me)
            {
                bundle::reload();
            }
        });
    }

    let content = match &*auth {
        Auth::Restoring => html! { <Restoring /> },
        _ if wrong_bundle => html! { <Restoring /> },
        Auth::SignedOut(notice) => html! {
            <SignedOut api={api.clone()} notice={notice.clone()} {on_logged_in} {pages} />
        },
        Auth::SignedIn(me) => {
            let session = Session {
                api: api.clone(),
                me: me.clone(),
            };
            html! { <Shell {session} {on_signed_out} {pages} /> }
        }
    };

    html! {
        <ContextProvider<Lang> context={Lang::Nl}>
            <BrowserRouter>{ content }</BrowserRouter>
        </ContextProvider<Lang>>
    }
}

/// Shown while the session is restored: a quiet line instead of a login form that flashes by.
#[component]
fn Restoring() -> Html {
    let texts = use_texts();
    html! {
        <main id="main" class="restoring">
            <p role="status">
                <span class="spinner" aria-hidden="true"></span>
                { texts.restoring_session }
            </p>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct SignedOutProps {
    api: Api,
    notice: Option<Notice>,
    on_logged_in: Callback<Me>,
    pages: Pages,
}

/// Nobody is logged in: the public pages (an employer signing up, an invitation) at their own
/// address, the login everywhere else. An invitation for an existing account shows the login in
/// its place when asked, so that after logging in the person is back at the invitation.
#[component]
fn SignedOut(props: &SignedOutProps) -> Html {
    let texts = use_texts();
    let route = use_route::<Route>();
    let wants_login = use_state(|| false);
    let route = match route {
        Some(Route::Invitation) if *wants_login => None,
        Some(route) if route.is_public() => Some(route),
        _ => None,
    };
    let Some(route) = route else {
        return html! {
            <LoginPage api={props.api.clone()} notice={props.notice.clone()} on_logged_in={props.on_logged_in.clone()} />
        };
    };
    if !props.pages.bundle.has(route) {
        return html! { <LoadFull /> };
    }
    let on_log_in = {
        let wants_login = wants_login.clone();
        Callback::from(move |()| wants_login.set(true))
    };
    html! {
        <main id="main" class="login public">
            <p class="brand brand-login" aria-hidden="true">{ texts.app_name }</p>
            { (props.pages.signed_out)(route, &props.api, &on_log_in) }
        </main>
    }
}

/// A public page of the bundle `B` (a [`Bundle::code`]) if it holds it; the login for any other
/// address.
fn public<const B: u8>(route: Route, api: &Api, on_log_in: &Callback<()>) -> Html {
    let bundle = const { Bundle::from_code(B) };
    let api = api.clone();
    match route {
        Route::EmployerSignUp if bundle.has(route) => html! { <SignUpPage {api} /> },
        Route::Apply if bundle.has(route) => html! { <ApplyPage {api} /> },
        Route::ConfirmApplication if bundle.has(route) => {
            html! { <ConfirmApplicationPage {api} /> }
        }
        Route::TeamInvitation if bundle.has(route) => {
            html! { <TeamInvitationPage {api} logged_in={false} /> }
        }
        Route::ForgotPassword if bundle.has(route) => html! { <ForgotPasswordPage {api} /> },
        Route::ResetPassword if bundle.has(route) => html! { <ResetPasswordPage {api} /> },
        Route::Unsubscribe if bundle.has(route) => html! { <UnsubscribePage {api} /> },
        Route::Invitation if bundle.has(route) => {
            html! { <InvitationPage {api} logged_in={false} on_log_in={on_log_in.clone()} /> }
        }
        _ => html! { <LoadFull /> },
    }
}

/// Asked for a page the running bundle does not hold: loads the whole app in its place.
#[component]
fn LoadFull() -> Html {
    use_effect_with((), |_| bundle::load_full());
    html! { <Restoring /> }
}

#[derive(Properties, PartialEq)]
struct ShellProps {
    session: Session,
    on_signed_out: Callback<Notice>,
    pages: Pages,
}

#[component]
fn Shell(props: &ShellProps) -> Html {
    let texts = use_texts();
    let navigator = use_navigator();
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let logging_out = use_state(|| false);
    let main_ref = use_node_ref();

    // After moving to another page, put the keyboard and screen reader at its start, as a full
    // page load would. Not on the first render: the browser already starts at the top.
    {
        let main_ref = main_ref.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(route, move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        });
    }

    let onlogout = {
        let api = props.session.api.clone();
        let on_signed_out = props.on_signed_out.clone();
        let logging_out = logging_out.clone();
        Callback::from(move |_: MouseEvent| {
            logging_out.set(true);
            let (api, on_signed_out, navigator) =
                (api.clone(), on_signed_out.clone(), navigator.clone());
            spawn_local(async move {
                // Whatever the server answers, this device forgets the token: logged out here.
                let _ = auth::logout(&api).await;
                if let Some(navigator) = navigator {
                    navigator.push(&Route::Overview);
                }
                on_signed_out.emit(Notice::LoggedOut);
            });
        })
    };

    let menu = menu_for(&props.session.me);
    let render = {
        let session = props.session.clone();
        let signed_in = props.pages.signed_in;
        Callback::from(move |route: Route| signed_in(route, &session))
    };

    html! {
        <>
            <a class="skip-link" href="#main">{ texts.skip_to_content }</a>
            <header class="site-header">
                <div class="header-inner">
                    <span class="brand">
                        <NavLink to={Route::Overview} current={false}>{ texts.app_name }</NavLink>
                    </span>
                    <nav class="menu" aria-label={texts.main_menu}>
                        <ul id="menu">
                            { for menu.into_iter().map(|item| html! {
                                <li>
                                    <NavLink id={item.id()} to={item.route()} current={MenuItem::of(route) == Some(item)}>
                                        { item.label(texts) }
                                    </NavLink>
                                </li>
                            }) }
                        </ul>
                    </nav>
                    <span class="header-link">
                        <NavLink id="mail-settings-link" to={Route::MailSettings} current={route == Route::MailSettings}>
                            { texts.mail_preferences().link }
                        </NavLink>
                    </span>
                    <button id="logout" type="button" class="button-secondary" onclick={onlogout} disabled={*logging_out}>
                        { texts.logout }
                    </button>
                </div>
            </header>
            <main id="main" tabindex="-1" ref={main_ref}>
                <Switch<Route> {render} />
            </main>
        </>
    }
}

/// The page of a route for someone logged in, in the bundle `B` (a [`Bundle::code`]) if it
/// holds it. `bundle` is a constant: the arms of the pages the bundle leaves out are dead code,
/// and those pages are not compiled in.
fn switch<const B: u8>(route: Route, session: &Session) -> Html {
    let bundle = const { Bundle::from_code(B) };
    let session = session.clone();
    let guarded = |item: MenuItem, page: Html| {
        if may_open(&session.me, item) {
            page
        } else {
            html! { <NoAccess /> }
        }
    };
    match route {
        Route::Overview if bundle.has(route) => {
            html! { <OverviewPage session={session.clone()} waiting={WaitingLines::of(bundle)} /> }
        }
        Route::Placements if bundle.has(route) => guarded(
            MenuItem::Placements,
            html! { <PlacementsPage session={session.clone()} /> },
        ),
        Route::Capacity if bundle.has(route) => guarded(
            MenuItem::Capacity,
            html! { <CapacityPage session={session.clone()} /> },
        ),
        Route::Team if bundle.has(route) => guarded(
            MenuItem::Team,
            html! { <TeamPage session={session.clone()} /> },
        ),
        Route::Organisations if bundle.has(route) => guarded(
            MenuItem::Organisations,
            html! { <OrganisationsPage session={session.clone()} /> },
        ),
        Route::AuditLog if bundle.has(route) => guarded(
            MenuItem::AuditLog,
            html! { <AuditPage session={session.clone()} /> },
        ),
        Route::PrivacyRequests if bundle.has(route) => guarded(
            MenuItem::PrivacyRequests,
            html! { <PrivacyRequestsPage session={session.clone()} /> },
        ),
        Route::MyPrivacy if bundle.has(route) => guarded(
            MenuItem::MyPrivacy,
            html! { <MyPrivacyPage session={session.clone()} /> },
        ),
        Route::PrivacyRegister if bundle.has(route) => guarded(
            MenuItem::PrivacyRegister,
            html! { <PrivacyRegisterPage session={session.clone()} /> },
        ),
        Route::SensitiveReads if bundle.has(route) => guarded(
            MenuItem::SensitiveReads,
            html! { <SensitiveReadsPage session={session.clone()} /> },
        ),
        Route::Messages if bundle.has(route) => guarded(
            MenuItem::Messages,
            html! { <MessagesPage session={session.clone()} /> },
        ),
        Route::Ambassadors if bundle.has(route) => guarded(
            MenuItem::Ambassadors,
            html! { <AmbassadorsPage session={session.clone()} /> },
        ),
        Route::Ambassador { id } if bundle.has(route) => guarded(
            MenuItem::Ambassadors,
            html! { <AmbassadorPage key={id.to_string()} session={session.clone()} {id} /> },
        ),
        Route::Matching if bundle.has(route) => guarded(
            MenuItem::Matching,
            html! { <MatchingPage session={session.clone()} /> },
        ),
        Route::MatchingRun { id } if bundle.has(route) => guarded(
            MenuItem::Matching,
            html! { <RunPage key={id.to_string()} session={session.clone()} {id} /> },
        ),
        Route::Candidates if bundle.has(route) => guarded(
            MenuItem::Candidates,
            html! { <CandidatesPage session={session.clone()} /> },
        ),
        Route::LessonSeriesList if bundle.has(route) => guarded(
            MenuItem::LessonSeries,
            html! { <LessonSeriesListPage session={session.clone()} /> },
        ),
        // An ambassador opens their own series from Mijn lessen.
        Route::LessonSeries { id } if bundle.has(route) => guarded(
            if may_open(&session.me, MenuItem::LessonSeries) {
                MenuItem::LessonSeries
            } else {
                MenuItem::MyLessons
            },
            html! { <LessonSeriesPage key={id.to_string()} session={session.clone()} {id} /> },
        ),
        Route::LessonCalendar if bundle.has(route) => guarded(
            MenuItem::LessonCalendar,
            html! { <LessonCalendarPage session={session.clone()} /> },
        ),
        Route::Hours if bundle.has(route) => guarded(
            MenuItem::Hours,
            html! { <HoursPage session={session.clone()} /> },
        ),
        Route::Dashboard if bundle.has(route) => guarded(
            MenuItem::Dashboard,
            html! { <DashboardPage session={session.clone()} /> },
        ),
        Route::Allowances if bundle.has(route) => guarded(
            MenuItem::Allowances,
            html! { <AllowancesPage session={session.clone()} /> },
        ),
        Route::Employer if bundle.has(route) => guarded(
            MenuItem::Employer,
            html! { <EmployerPage session={session.clone()} /> },
        ),
        Route::Employers if bundle.has(route) => guarded(
            MenuItem::Employers,
            html! { <EmployersPage session={session.clone()} /> },
        ),
        Route::EmployerDetail { id } if bundle.has(route) => guarded(
            MenuItem::Employers,
            html! { <EmployerDetailPage key={id.to_string()} session={session.clone()} {id} /> },
        ),
        Route::EmployerSignUp if bundle.has(route) => {
            html! { <SignUpPage api={session.api.clone()} /> }
        }
        Route::Apply if bundle.has(route) => html! { <ApplyPage api={session.api.clone()} /> },
        Route::ConfirmApplication if bundle.has(route) => {
            html! { <ConfirmApplicationPage api={session.api.clone()} /> }
        }
        Route::TeamInvitation if bundle.has(route) => {
            html! { <TeamInvitationPage api={session.api.clone()} logged_in={true} /> }
        }
        Route::ForgotPassword if bundle.has(route) => {
            html! { <ForgotPasswordPage api={session.api.clone()} /> }
        }
        Route::ResetPassword if bundle.has(route) => {
            html! { <ResetPasswordPage api={session.api.clone()} /> }
        }
        Route::Unsubscribe if bundle.has(route) => {
            html! { <UnsubscribePage api={session.api.clone()} /> }
        }
        // Everyone's own: no menu item guards it.
        Route::MailSettings if bundle.has(route) => {
            html! { <MailSettingsPage session={session.clone()} /> }
        }
        Route::MyClass if bundle.has(route) => guarded(
            MenuItem::MyClass,
            html! { <MyClassPage session={session.clone()} /> },
        ),
        Route::Invitation if bundle.has(route) => {
            html! { <InvitationPage api={session.api.clone()} logged_in={true} /> }
        }
        Route::MyPlace if bundle.has(route) => guarded(
            MenuItem::MyPlace,
            html! { <MyPlacePage session={session.clone()} /> },
        ),
        Route::MyHours if bundle.has(route) => guarded(
            MenuItem::MyHours,
            html! { <MyHoursPage session={session.clone()} /> },
        ),
        Route::MyLessons if bundle.has(route) => guarded(
            MenuItem::MyLessons,
            html! { <MyLessonsPage session={session.clone()} /> },
        ),
        // Only an ambassador writes a series, so both pages sit under Mijn lessen.
        Route::NewLessonSeries if bundle.has(route) => guarded(
            MenuItem::MyLessons,
            html! { <LessonSeriesFormPage session={session.clone()} /> },
        ),
        Route::EditLessonSeries { id } if bundle.has(route) => guarded(
            MenuItem::MyLessons,
            html! { <LessonSeriesFormPage key={id.to_string()} session={session.clone()} id={Some(id)} /> },
        ),
        Route::MyAllowance if bundle.has(route) => guarded(
            MenuItem::MyAllowance,
            html! { <MyAllowancePage session={session.clone()} /> },
        ),
        Route::MyDetails if bundle.has(route) => guarded(
            MenuItem::MyDetails,
            html! { <MyDetailsPage session={session.clone()} /> },
        ),
        Route::Training if bundle.has(route) => guarded(
            MenuItem::Training,
            html! { <TrainingPage session={session.clone()} /> },
        ),
        Route::NotFound => html! { <NotFoundPage /> },
        // A page of another bundle.
        _ => html! { <LoadFull /> },
    }
}
