//! English: hours.

use super::HoursTexts;

pub const HOURS: HoursTexts = HoursTexts {
    menu_hours: "Hours",
    intro: "The hours education ambassadors log at school, per month. Approve them, or reject them with a reason. Once nothing waits, the month is complete.",

    submitted: "awaiting a decision",
    approved: "approved",
    rejected: "rejected",
    locked: "locked",
    activity_class: "in class",
    activity_school_task: "school task",
    activity_lesson: "lesson",
    volunteered: "volunteered",
    sponsored: "sponsored",

    waiting_none: "Nothing awaits a decision",
    waiting_one: "1 awaits a decision",
    waiting_many: "{n} await a decision",
    approved_totals: "Approved:",
    totals: "{volunteered} volunteered · {sponsored} sponsored",
    complete: "Month complete",
    approve_month: "Approve all ({n})",
    approving_month: "Approving…",
    month_approved_one: "1 entry approved.",
    month_approved_many: "{n} entries approved.",
    empty: "No hours were logged in {month}.",

    kind_reason: "Why {kind}",
    reject_reason_label: "Reason for rejecting",
    reopen_reason_label: "Reason for reopening",
    decision_reason: "Reason",
    decided_by: "Decided by {name}, {when}",
    reopened_by: "Reopened by {name}, {when}",

    approve: "Approve",
    reject: "Reject",
    reopen: "Reopen",
    cancel: "Cancel",
    saving: "Saving…",
    reject_label: "Why do you reject these hours?",
    reject_hint: "The ambassador sees this reason with the hours.",
    reject_required: "Say why you reject these hours.",
    reopen_label: "Why do you reopen these hours?",
    reopen_hint: "The hours then await a decision again.",
    reopen_required: "Say why you reopen these hours.",
    approved_done: "The hours of {day} are approved.",
    rejected_done: "The hours of {day} are rejected.",
    reopened_done: "The hours of {day} await a decision again.",
    err_forbidden: "You may not decide on these hours. Someone else at the school approves your own hours.",
    err_transition: "These hours were decided on meanwhile. The month has been reloaded.",
};
