//! The web app is built as several bundles, so that a person downloads only the pages they use:
//! a school's director, coordinator or teacher gets the school's pages, an ambassador on a phone
//! their own, an employer's HR officer theirs, and programme staff and everyone with roles of
//! several kinds the whole app. Each bundle is a binary of this crate (`src/main.rs`, `src/bin/*.rs`); what a bundle
//! leaves out is left out of its WebAssembly by the compiler, because only its own pages are
//! named in it (`app::Pages`).
//!
//! Which bundle a browser loads, `start.js` decides from a hint the app leaves in the browser's
//! storage once it knows the person (`remember_for`); without a hint it loads the whole app. A
//! bundle that is asked for a page it does not hold loads the whole app in its place (`load_full`).

use domain::contract::Me;

use crate::menu::menu_for;
use crate::route::Route;

/// A build of the web app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// Every page.
    Full,
    /// The pages of a school's director, coordinator and teachers.
    School,
    /// The pages of an ambassador.
    Ambassador,
    /// The pages of an employer's contact (their HR officer).
    Employer,
}

/// The key of the hint in `localStorage` (the person's bundle) and in `sessionStorage` (the whole
/// app for this tab, after a page outside the bundle was asked for). `start.js` reads both.
const HINT_KEY: &str = "klasbrug-app";

impl Bundle {
    /// The smaller bundles, in the order they are tried for a person.
    const PARTS: [Bundle; 3] = [Bundle::School, Bundle::Ambassador, Bundle::Employer];

    /// The bundle as a number, for a const generic parameter: code generic over it is compiled
    /// once per bundle with the bundle known, so what the bundle leaves out is left out there
    /// too (`pages::waiting::WaitingLines`).
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The bundle of a [`Bundle::code`].
    #[inline(always)]
    pub const fn from_code(code: u8) -> Bundle {
        match code {
            1 => Bundle::School,
            2 => Bundle::Ambassador,
            3 => Bundle::Employer,
            _ => Bundle::Full,
        }
    }

    /// The name `start.js` knows the bundle by.
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Full => "full",
            Bundle::School => "school",
            Bundle::Ambassador => "ambassador",
            Bundle::Employer => "employer",
        }
    }

    /// Whether the bundle holds a page. Inlined, so that in a bundle's own build the answer is
    /// known to the compiler and the pages it leaves out are not compiled in.
    #[inline(always)]
    pub fn has(self, route: Route) -> bool {
        match self {
            Bundle::Full => true,
            Bundle::School => {
                matches!(
                    route,
                    Route::Placements
                        | Route::Capacity
                        | Route::Candidates
                        | Route::Team
                        | Route::Organisations
                        | Route::MyClass
                        | Route::LessonSeriesList
                        | Route::LessonSeries { .. }
                        | Route::LessonCalendar
                        | Route::Hours
                        | Route::Dashboard
                        | Route::TeamInvitation
                ) || everyones(route)
            }
            Bundle::Ambassador => {
                matches!(
                    route,
                    Route::MyPlace
                        | Route::MyHours
                        | Route::MyLessons
                        | Route::NewLessonSeries
                        | Route::EditLessonSeries { .. }
                        | Route::LessonSeries { .. }
                        | Route::MyAllowance
                        | Route::MyDetails
                        | Route::Training
                ) || everyones(route)
            }
            Bundle::Employer => matches!(route, Route::Employer) || everyones(route),
        }
    }

    /// Whether the bundle holds every page in the person's menu.
    pub fn covers(self, me: &Me) -> bool {
        menu_for(me).into_iter().all(|item| self.has(item.route()))
    }

    /// The smallest bundle that covers the person.
    pub fn for_person(me: &Me) -> Bundle {
        Bundle::PARTS
            .into_iter()
            .find(|bundle| bundle.covers(me))
            .unwrap_or(Bundle::Full)
    }
}

/// The pages every bundle holds: the start page, a person's own settings and privacy, and
/// the public pages about a login.
#[inline(always)]
fn everyones(route: Route) -> bool {
    matches!(
        route,
        Route::Overview
            | Route::MyPrivacy
            | Route::MailSettings
            | Route::ForgotPassword
            | Route::ResetPassword
            | Route::Unsubscribe
            | Route::NotFound
    )
}

/// Leaves the person's bundle as the hint for the next visit. Returns false when the running
/// bundle lacks pages of theirs, so the app must load again (it then gets the hinted bundle).
pub fn remember_for(running: Bundle, me: &Me) -> bool {
    if let Some(storage) =
        web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    {
        let _ = storage.set_item(HINT_KEY, Bundle::for_person(me).name());
    }
    running.covers(me)
}

/// Loads the page again with the whole app, for as long as this tab is open: the page asked for
/// is not in the running bundle.
pub fn load_full() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.session_storage() {
        let _ = storage.set_item(HINT_KEY, Bundle::Full.name());
    }
    let _ = window.location().reload();
}

/// Loads the page again; `start.js` then picks the bundle the hint names.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::menu::tests::person;
    use domain::Role;

    #[test]
    fn a_bundle_is_its_code() {
        for bundle in [
            Bundle::Full,
            Bundle::School,
            Bundle::Ambassador,
            Bundle::Employer,
        ] {
            assert_eq!(Bundle::from_code(bundle.code()), bundle);
        }
    }

    #[test]
    fn school_staff_get_the_school_bundle_and_ambassadors_theirs() {
        for role in [Role::SchoolDirector, Role::Coordinator, Role::Teacher] {
            assert_eq!(
                Bundle::for_person(&person(&[role])),
                Bundle::School,
                "{role:?}"
            );
        }
        assert_eq!(
            Bundle::for_person(&person(&[Role::SchoolDirector, Role::Teacher])),
            Bundle::School
        );
        assert_eq!(
            Bundle::for_person(&person(&[Role::Ambassador])),
            Bundle::Ambassador
        );
        assert_eq!(
            Bundle::for_person(&person(&[Role::EmployerContact])),
            Bundle::Employer
        );
    }

    #[test]
    fn staff_and_people_of_two_kinds_get_the_whole_app() {
        for roles in [
            &[Role::ProgrammeAdmin][..],
            &[Role::EmployerContact, Role::SchoolDirector],
            &[Role::Ambassador, Role::Teacher],
            &[Role::SchoolDirector, Role::ProgrammeAdmin],
        ] {
            assert_eq!(
                Bundle::for_person(&person(roles)),
                Bundle::Full,
                "{roles:?}"
            );
        }
    }

    #[test]
    fn every_bundle_holds_the_pages_everyone_can_reach() {
        for bundle in [
            Bundle::Full,
            Bundle::School,
            Bundle::Ambassador,
            Bundle::Employer,
        ] {
            for route in [
                Route::Overview,
                Route::MailSettings,
                Route::MyPrivacy,
                Route::ForgotPassword,
                Route::ResetPassword,
                Route::Unsubscribe,
                Route::NotFound,
            ] {
                assert!(bundle.has(route), "{bundle:?} lacks {route:?}");
            }
        }
    }

    #[test]
    fn the_parts_leave_out_the_pages_of_others() {
        assert!(!Bundle::School.has(Route::MyHours));
        assert!(!Bundle::School.has(Route::Allowances));
        assert!(!Bundle::School.has(Route::Apply));
        assert!(!Bundle::Ambassador.has(Route::Placements));
        assert!(!Bundle::Ambassador.has(Route::AuditLog));
        assert!(!Bundle::Ambassador.has(Route::EmployerSignUp));
        assert!(!Bundle::Employer.has(Route::Employers));
        assert!(!Bundle::Employer.has(Route::EmployerSignUp));
        assert!(!Bundle::Employer.has(Route::MyHours));
        assert!(Bundle::Full.covers(&person(&[Role::ProgrammeAdmin])));
        assert!(!Bundle::School.covers(&person(&[Role::ProgrammeAdmin])));
    }
}
