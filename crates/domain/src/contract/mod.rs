//! The JSON shapes of the HTTP API, shared by the server (which documents them in OpenAPI) and
//! the web app (which sends and reads them). Changing a shape here changes both in one commit.

pub mod allowance;
pub mod ambassador;
pub mod application;
pub mod audit;
pub mod auth;
pub mod capacity;
pub mod dashboard;
pub mod error_code;
pub mod framework;
pub mod holiday;
pub mod hours;
pub mod lesson_schedule;
pub mod lesson_series;
pub mod matching;
pub mod message;
pub mod mine;
pub mod organisation;
pub mod page;
pub mod placement;
pub mod privacy;
pub mod privacy_request;
pub mod problem;
pub mod research;
pub mod sponsorship;
pub mod team;
pub mod training;
pub mod webhook;

pub use allowance::{
    AllowanceProfile, AllowanceYear, DeclaredAllowance, DeclaredAllowanceInput, LineAction,
    LineAdjustment, LineTransition, PayoutFile, PayoutFileInput, Statement, StatementLineItem,
    StatementRunInput, WaitingVolunteer,
};
pub use ambassador::{
    Ambassador, AmbassadorExport, AmbassadorInput, AmbassadorListItem, AmbassadorQuery,
    AmbassadorSummary, DocumentInfo, ExportedDocument, Intake, IntakeStep, IntakeTransition,
    VogInput, VogRecord, VogValidity,
};
pub use application::{
    Application, ApplicationConfirmation, ApplicationInput, ApplicationQuery, ApplicationStatus,
    ConfirmedApplication,
};
pub use audit::{AuditEvent, AuditOrder, AuditQuery};
pub use auth::{
    AccessToken, ClientCredentialsRequest, LoginRequest, Me, Membership, PasswordResetConfirmation,
    PasswordResetRequest,
};
pub use capacity::{PlacementCounts, SchoolCapacity, SchoolCapacityInput, Teacher};
pub use dashboard::{
    Dashboard, DashboardChart, DashboardColumn, DashboardQuery, DashboardRow, DashboardSection,
    DashboardSectionKey, DashboardUnit,
};
pub use error_code::ErrorCode;
pub use framework::{FrameworkSummary, ObjectiveItem, ObjectiveQuery};
pub use holiday::{HolidayItem, HolidayQuery};
pub use hours::{BulkApproval, HourEntry, HourEntryInput, HourMonth, HourQuery, HourTransition};
pub use lesson_schedule::{
    CalendarFeed, GroupMonth, LessonDateInput, ScheduleInput, ScheduledLesson, SchoolMonth,
    SchoolMonthQuery,
};
pub use lesson_series::{
    Lesson, LessonSeries, LessonSeriesCopy, LessonSeriesInput, LessonSeriesQuery,
    LessonSeriesTransition, LibraryEntry, LibraryQuery, ReviewComment, ReviewCommentInput,
};
pub use matching::{
    Concern, ConcernInput, Match, MatchInput, MatchQuery, MatchTransition, MatchingRun,
    MatchingRunInput, MatchingRunListItem, Meeting, PlacementSummary, RunProposal, SchoolConcern,
};
pub use message::{
    MailPreference, MailPreferences, MessageQuery, MessageStatus, OutgoingMessage,
    UnsubscribeInput, Unsubscribed,
};
pub use mine::{MyPlacement, MyPlacements};
pub use organisation::{Member, Organisation};
pub use page::Page;
pub use placement::{Placement, PlacementInput, PlacementQuery, PlacementTransition};
pub use privacy::{
    LegalBasis, PersonCategory, PersonCategoryEntry, PrivacyRegister, ProcessingActivityEntry,
    RecipientEntry, RecipientKind, RetentionPeriods, SensitiveRead, SensitiveReadKind,
    SensitiveReadQuery, StorageDescription, TableDataEntry,
};
pub use privacy_request::{
    KeptRecord, PersonalAccount, PersonalData, PersonalMessage, PersonalRole, PrivacyRequest,
    PrivacyRequestChannel, PrivacyRequestInput, PrivacyRequestKind, PrivacyRequestQuery,
    PrivacyRequestStatus, PrivacyRequestUpdate, RecordedPrivacyRequestInput,
};
pub use problem::{FieldError, Problem, ProblemDetails};
pub use research::{
    ResearchAmbassador, ResearchAttendance, ResearchDataset, ResearchExport, ResearchExportInput,
    ResearchHours, ResearchLessonSeries, ResearchMatch, ResearchPlacement,
};
pub use sponsorship::{
    AcceptedInvitation, Agreement, AgreementInput, AgreementTransition, ContributionInput,
    ContributionRecord, ContributionType, CostRoleInput, CostRoleRecord, Employee, Employer,
    EmployerSignUp, Invitation, InvitationAcceptance, InvitationInput, InvitationPreview,
    InvitationStatus, SignUpReceived, SponsorshipReport, SroiRuleInput, StatementQuery,
};
pub use team::{
    AcceptedTeamInvitation, ClassAmbassador, MyClass, MyClasses, OptInInput, TeacherOptIn,
    TeamInvitation, TeamInvitationAcceptance, TeamInvitationInput, TeamInvitationPreview,
    TeamInvitationStatus,
};
pub use training::{
    AdmissionInput, AttendanceEntry, AttendanceInput, Course, CourseInput, CourseProgress,
    CourseSession, CourseSessionInput, Enrolment, EnrolmentInput, TrainingRecord,
};
pub use webhook::{
    CreatedWebhookEndpoint, MatchEventData, PlacementClosedData, WebhookDelivery, WebhookEndpoint,
    WebhookEndpointInput, WebhookPayload,
};
