//! Nederlands: uren.

use super::HoursTexts;

pub const HOURS: HoursTexts = HoursTexts {
    menu_hours: "Uren",
    intro: "De uren die onderwijsambassadeurs op school schrijven, per maand. Keur ze goed, of keur ze af met een reden. Als niets meer wacht, is de maand compleet.",

    submitted: "wacht op besluit",
    approved: "goedgekeurd",
    rejected: "afgekeurd",
    locked: "vastgelegd",
    activity_class: "in de klas",
    activity_school_task: "schooltaak",
    activity_lesson: "les",
    volunteered: "vrijwillig",
    sponsored: "gesponsord",

    waiting_none: "Niets wacht op een besluit",
    waiting_one: "1 wacht op een besluit",
    waiting_many: "{n} wachten op een besluit",
    approved_totals: "Goedgekeurd:",
    totals: "{volunteered} vrijwillig · {sponsored} gesponsord",
    complete: "Maand compleet",
    approve_month: "Alles goedkeuren ({n})",
    approving_month: "Bezig met goedkeuren…",
    month_approved_one: "1 urenregel goedgekeurd.",
    month_approved_many: "{n} urenregels goedgekeurd.",
    empty: "Er zijn in {month} geen uren geschreven.",

    kind_reason: "Waarom {kind}",
    reject_reason_label: "Reden van afkeuren",
    reopen_reason_label: "Reden van heropenen",
    decision_reason: "Reden",
    decided_by: "Besluit van {name}, {when}",
    reopened_by: "Heropend door {name}, {when}",

    approve: "Goedkeuren",
    reject: "Afkeuren",
    reopen: "Heropenen",
    cancel: "Annuleren",
    saving: "Bezig met opslaan…",
    reject_label: "Waarom keur je deze uren af?",
    reject_hint: "De ambassadeur ziet deze reden bij de uren.",
    reject_required: "Schrijf waarom je deze uren afkeurt.",
    reopen_label: "Waarom heropen je deze uren?",
    reopen_hint: "Daarna wachten de uren weer op een besluit.",
    reopen_required: "Schrijf waarom je deze uren heropent.",
    approved_done: "De uren van {day} zijn goedgekeurd.",
    rejected_done: "De uren van {day} zijn afgekeurd.",
    reopened_done: "De uren van {day} wachten weer op een besluit.",
    err_forbidden: "Je mag over deze uren niet beslissen. Eigen uren keurt iemand anders van de school goed.",
    err_transition: "Over deze uren is intussen al besloten. De maand is opnieuw geladen.",
};
