//! One behaviour, two backends: every test here runs on a fresh SQLite file and on a fresh
//! PostgreSQL database.

use chrono::Duration;
use domain::{EmailAddress, OrganisationKind, Region, Role, SchoolType, Scope, Scopes};
use klasbrug_store as store;
use store::{
    NewAuditEntry, NewOrganisation, NewPartnerClient, NewUser, OrganisationFilter, RefreshOutcome,
    Store, StoreError,
};
use testkit::on_both_backends;

async fn open_store(url: &str) -> Store {
    Store::connect_and_migrate(url)
        .await
        .expect("a migrated store")
}

fn school(name: &str, board: uuid::Uuid) -> NewOrganisation {
    NewOrganisation {
        kind: OrganisationKind::School,
        name: name.to_owned(),
        parent_id: Some(board),
        school_type: Some(SchoolType::Po),
        region: Some(Region::Midden),
        municipality: Some("Utrecht".to_owned()),
    }
}

fn plain(kind: OrganisationKind, name: &str) -> NewOrganisation {
    NewOrganisation {
        kind,
        name: name.to_owned(),
        parent_id: None,
        school_type: None,
        region: None,
        municipality: None,
    }
}

fn user(email: &str) -> NewUser {
    NewUser {
        email: EmailAddress::parse(email).unwrap(),
        name: "Test Persoon".to_owned(),
        password_hash: "$argon2id$not-a-real-hash".to_owned(),
    }
}

on_both_backends! {
    async fn migrating_twice_is_harmless(db) {
        let store = open_store(&db.url).await;
        store.migrate().await.unwrap();
        store.ping().await.unwrap();
        assert_eq!(store.count_organisations().await.unwrap(), 0);
    }

    async fn a_school_round_trips_with_its_board(db) {
        let store = open_store(&db.url).await;
        let board = store.create_organisation(&plain(OrganisationKind::SchoolBoard, "Stichting Test")).await.unwrap();
        let created = store.create_organisation(&school("De Testschool", board.id)).await.unwrap();
        let read = store.get_organisation(created.id).await.unwrap();
        assert_eq!(read, created);
        assert_eq!(read.parent_id, Some(board.id));
        assert_eq!(read.school_type, Some(SchoolType::Po));
        assert_eq!(read.municipality.as_deref(), Some("Utrecht"));
    }

    async fn a_school_without_a_region_is_refused_by_the_schema(db) {
        let store = open_store(&db.url).await;
        let mut incomplete = plain(OrganisationKind::School, "Onvolledig");
        incomplete.school_type = Some(SchoolType::Vo);
        assert!(store.create_organisation(&incomplete).await.is_err());
        assert_eq!(store.count_organisations().await.unwrap(), 0);
    }

    async fn an_unknown_organisation_is_not_found(db) {
        let store = open_store(&db.url).await;
        let err = store.get_organisation(uuid::Uuid::now_v7()).await.unwrap_err();
        assert!(matches!(err, StoreError::NotFound), "{err:?}");
    }

    async fn organisations_page_without_gaps_or_duplicates(db) {
        let store = open_store(&db.url).await;
        let board = store.create_organisation(&plain(OrganisationKind::SchoolBoard, "Bestuur")).await.unwrap();
        let mut expected = Vec::new();
        for i in 0..7 {
            expected.push(store.create_organisation(&school(&format!("School {i}"), board.id)).await.unwrap().id);
        }
        let filter = OrganisationFilter { kind: Some(OrganisationKind::School), member: None };
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = store.list_organisations(&filter, after, 3).await.unwrap();
            if page.is_empty() {
                break;
            }
            after = page.last().map(|o| o.id);
            seen.extend(page.into_iter().map(|o| o.id));
        }
        assert_eq!(seen, expected);
    }

    async fn the_member_filter_shows_only_the_users_organisations(db) {
        let store = open_store(&db.url).await;
        let board = store.create_organisation(&plain(OrganisationKind::SchoolBoard, "Bestuur")).await.unwrap();
        let mine = store.create_organisation(&school("Mijn school", board.id)).await.unwrap();
        store.create_organisation(&school("Andere school", board.id)).await.unwrap();
        let person = store.create_user(&user("directeur@test.example")).await.unwrap();
        store.add_membership(person.id, mine.id, Role::SchoolDirector).await.unwrap();
        let filter = OrganisationFilter { kind: None, member: Some(person.id) };
        let visible = store.list_organisations(&filter, None, 50).await.unwrap();
        assert_eq!(visible, vec![mine]);
    }

    async fn one_email_address_is_one_account(db) {
        let store = open_store(&db.url).await;
        store.create_user(&user("ic@test.example")).await.unwrap();
        let err = store.create_user(&user("IC@Test.example")).await.unwrap_err();
        assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
        let found = store.find_user_by_email(&EmailAddress::parse("ic@test.example").unwrap()).await.unwrap();
        assert!(found.is_some());
    }

    async fn memberships_and_members_list_each_other(db) {
        let store = open_store(&db.url).await;
        let board = store.create_organisation(&plain(OrganisationKind::SchoolBoard, "Bestuur")).await.unwrap();
        let school = store.create_organisation(&school("School", board.id)).await.unwrap();
        let director = store.create_user(&user("d@test.example")).await.unwrap();
        let coordinator = store.create_user(&user("c@test.example")).await.unwrap();
        store.add_membership(director.id, school.id, Role::SchoolDirector).await.unwrap();
        store.add_membership(director.id, school.id, Role::SchoolDirector).await.unwrap();
        store.add_membership(director.id, school.id, Role::Teacher).await.unwrap();
        store.add_membership(coordinator.id, school.id, Role::Coordinator).await.unwrap();

        let roles = store.memberships_of(director.id).await.unwrap();
        assert_eq!(roles.len(), 2);
        assert!(roles.iter().all(|m| m.organisation == school));

        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = store.list_members(school.id, after, 1).await.unwrap();
            let Some(last) = page.last() else { break };
            after = Some((last.user_id, last.role));
            seen.extend(page.into_iter().map(|m| (m.user_id, m.role)));
        }
        assert_eq!(seen.len(), 3, "{seen:?}");
        assert!(seen.contains(&(director.id, Role::Teacher)));
        assert!(seen.contains(&(coordinator.id, Role::Coordinator)));
    }

    async fn a_refresh_token_works_once_and_reuse_revokes_its_family(db) {
        let store = open_store(&db.url).await;
        let person = store.create_user(&user("a@test.example")).await.unwrap();
        let family = uuid::Uuid::now_v7();
        let expires = store::now() + Duration::days(1);
        store.insert_refresh_token(b"first", person.id, family, expires).await.unwrap();

        let RefreshOutcome::Rotated(record) = store.use_refresh_token(b"first").await.unwrap() else {
            panic!("a fresh token rotates");
        };
        assert_eq!((record.user_id, record.family_id), (person.id, family));
        store.insert_refresh_token(b"second", person.id, family, expires).await.unwrap();

        assert!(matches!(store.use_refresh_token(b"first").await.unwrap(), RefreshOutcome::Reused));
        // The successor was revoked with its family: it no longer works either.
        assert!(!matches!(store.use_refresh_token(b"second").await.unwrap(), RefreshOutcome::Rotated(_)));
        assert!(matches!(store.use_refresh_token(b"unknown").await.unwrap(), RefreshOutcome::Invalid));
    }

    async fn an_expired_refresh_token_is_invalid(db) {
        let store = open_store(&db.url).await;
        let person = store.create_user(&user("a@test.example")).await.unwrap();
        let past = store::now() - Duration::seconds(1);
        store.insert_refresh_token(b"old", person.id, uuid::Uuid::now_v7(), past).await.unwrap();
        assert!(matches!(store.use_refresh_token(b"old").await.unwrap(), RefreshOutcome::Invalid));
    }

    async fn logout_revokes_the_token(db) {
        let store = open_store(&db.url).await;
        let person = store.create_user(&user("a@test.example")).await.unwrap();
        let expires = store::now() + Duration::days(1);
        store.insert_refresh_token(b"t", person.id, uuid::Uuid::now_v7(), expires).await.unwrap();
        assert_eq!(store.revoke_refresh_token(b"t").await.unwrap(), Some(person.id));
        assert!(!matches!(store.use_refresh_token(b"t").await.unwrap(), RefreshOutcome::Rotated(_)));
    }

    async fn partner_clients_are_found_by_client_id_with_their_scopes(db) {
        let store = open_store(&db.url).await;
        let partner = store.create_organisation(&plain(OrganisationKind::Partner, "Partner")).await.unwrap();
        let scopes = Scopes::from_list(&[Scope::PlacementsRead]);
        store.create_partner_client(&NewPartnerClient {
            client_id: "partner-1".to_owned(),
            secret_hash: vec![1, 2, 3],
            organisation_id: partner.id,
            name: "Koppeling".to_owned(),
            scopes: scopes.clone(),
        }).await.unwrap();
        let found = store.find_partner_client("partner-1").await.unwrap().unwrap();
        assert_eq!(found.scopes, scopes);
        assert_eq!(found.secret_hash, vec![1, 2, 3]);
        assert_eq!(found.organisation_id, partner.id);
        assert!(store.find_partner_client("partner-2").await.unwrap().is_none());
    }

    async fn parallel_attempts_never_claim_more_than_the_limit(db) {
        let store = open_store(&db.url).await;
        let window = Duration::minutes(15);
        let claims = futures_util::future::join_all(
            (0..40).map(|_| store.claim_attempt("login:10.0.0.1:a@test.example", 5, window)),
        )
        .await;
        let granted = claims.iter().filter(|c| matches!(c, Ok(None))).count();
        assert_eq!(granted, 5, "{claims:?}");
        let refused = claims.into_iter().find_map(|c| c.unwrap()).unwrap();
        assert_eq!(refused.count, 5);
        assert!(refused.oldest.is_some());
        // Another key has its own count; a released attempt can be claimed again.
        assert!(store.claim_attempt("login:10.0.0.2:a@test.example", 5, window).await.unwrap().is_none());
        store.release_attempt("login:10.0.0.1:a@test.example", store::now() - window).await.unwrap();
        assert!(store.claim_attempt("login:10.0.0.1:a@test.example", 5, window).await.unwrap().is_none());
        assert!(store.claim_attempt("login:10.0.0.1:a@test.example", 5, window).await.unwrap().is_some());
        // Once the window has passed, counting starts over.
        assert!(store.claim_attempt("login:10.0.0.1:a@test.example", 5, Duration::zero()).await.unwrap().is_none());
    }

    async fn the_audit_log_lists_entries_in_order(db) {
        let store = open_store(&db.url).await;
        for action in ["auth.login", "auth.logout"] {
            store.record_audit(&NewAuditEntry {
                actor_kind: "user",
                actor_id: Some(uuid::Uuid::now_v7()),
                action,
                resource_type: "session",
                resource_id: None,
                reason: None,
            }).await.unwrap();
        }
        store.record_audit(&NewAuditEntry {
            actor_kind: "system",
            actor_id: None,
            action: "placement.close",
            resource_type: "placement",
            resource_id: None,
            reason: Some("De school stopt met het programma.".into()),
        }).await.unwrap();
        let all = domain::contract::AuditQuery::default();
        let first = store.list_audit(&all, None, 1).await.unwrap();
        assert_eq!(first[0].action, "auth.login");
        let second = store.list_audit(&all, Some(first[0].id), 10).await.unwrap();
        assert_eq!(second.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["auth.logout", "placement.close"]);
        assert_eq!(second[0].reason, None);
        assert_eq!(second[1].reason.as_deref(), Some("De school stopt met het programma."));

        // Newest first, paged backwards; without logins; by kind.
        let newest = domain::contract::AuditQuery { order: Some(domain::contract::AuditOrder::Newest), ..Default::default() };
        let top = store.list_audit(&newest, None, 2).await.unwrap();
        assert_eq!(top.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["placement.close", "auth.logout"]);
        let rest = store.list_audit(&newest, Some(top[1].id), 10).await.unwrap();
        assert_eq!(rest.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["auth.login"]);
        let no_logins = domain::contract::AuditQuery { logins: Some(false), ..Default::default() };
        assert_eq!(store.list_audit(&no_logins, None, 10).await.unwrap().len(), 1);
        let auth = domain::contract::AuditQuery { kind: Some("auth".into()), ..Default::default() };
        assert_eq!(store.list_audit(&auth, None, 10).await.unwrap().len(), 2);
        // Entries are stamped when written; none is from a day far ahead.
        let far_ahead = chrono::NaiveDate::from_ymd_opt(2999, 1, 1).unwrap();
        let later = domain::contract::AuditQuery { from: Some(far_ahead), ..Default::default() };
        assert!(store.list_audit(&later, None, 10).await.unwrap().is_empty());
    }

    async fn a_store_on_the_application_s_clock_stamps_entries_with_its_day(db) {
        let start = chrono::NaiveDate::from_ymd_opt(2031, 3, 14).unwrap();
        let clock = store::Clock::starting_at(start.and_hms_opt(9, 0, 0).unwrap().and_utc());
        let store = open_store(&db.url).await.with_clock(clock);
        let tx = store.transaction().await.unwrap();
        tx.record_audit(&NewAuditEntry {
            actor_kind: "system",
            actor_id: None,
            action: "placement.close",
            resource_type: "placement",
            resource_id: None,
            reason: None,
        }).await.unwrap();
        tx.commit().await.unwrap();
        let that_day = domain::contract::AuditQuery { from: Some(start), to: Some(start), ..Default::default() };
        let entries = store.list_audit(&that_day, None, 10).await.unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].at.date_naive(), start);
    }

    async fn the_outbox_hands_each_due_message_to_one_worker_and_takes_it_back_after_the_lease(db) {
        let store = open_store(&db.url).await;
        let email = |to: &str| store::NewEmail {
            kind: "test", to: to.into(), subject: "Onderwerp".into(), text: "Tekst".into(),
            html: Some("<p>Tekst</p>".into()),
            attachment: Some(store::Attachment { name: "a.ics".into(), content_type: "text/calendar".into(), bytes: b"BEGIN:VCALENDAR".to_vec() }),
        };
        let tx = store.transaction().await.unwrap();
        tx.enqueue_email(&email("a@test.example")).await.unwrap();
        drop(tx); // rolled back: no message without its change
        assert_eq!(store.count_outbox().await.unwrap(), store::OutboxCounts::default());
        for to in ["a@test.example", "b@test.example", "c@test.example"] {
            let tx = store.transaction().await.unwrap();
            tx.enqueue_email(&email(to)).await.unwrap();
            tx.commit().await.unwrap();
        }

        // Two workers: the first takes two, the second the third, nobody the same one.
        let (one, two) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        let lease = Duration::minutes(2);
        let first = store.claim_due_messages("email", one, 2, lease).await.unwrap();
        let second = store.claim_due_messages("email", two, 10, lease).await.unwrap();
        assert_eq!(first.iter().map(|m| m.recipient.as_str()).collect::<Vec<_>>(), ["a@test.example", "b@test.example"]);
        assert_eq!(second.iter().map(|m| m.recipient.as_str()).collect::<Vec<_>>(), ["c@test.example"]);
        assert!(store.claim_due_messages("email", two, 10, lease).await.unwrap().is_empty());
        assert_eq!(first[0].attachment().unwrap().bytes, b"BEGIN:VCALENDAR");
        assert_eq!((first[0].attempts, first[0].body_html.as_deref()), (1, Some("<p>Tekst</p>")));

        // Outcomes: only the holder records one; a retry is due later, a failure never.
        assert!(!store.mark_message_sent(first[0].id, two).await.unwrap());
        assert!(store.mark_message_sent(first[0].id, one).await.unwrap());
        assert!(!store.mark_message_sent(first[0].id, one).await.unwrap(), "sent once");
        let later = store.now() + Duration::hours(1);
        assert!(store.mark_message_attempt_failed(first[1].id, one, "451 busy", Some(later)).await.unwrap());
        assert!(store.mark_message_attempt_failed(second[0].id, two, "550 no such mailbox", None).await.unwrap());
        assert_eq!(store.count_outbox().await.unwrap(), store::OutboxCounts { waiting: 1, sent: 1, failed: 1 });
        assert!(store.claim_due_messages("email", one, 10, lease).await.unwrap().is_empty(), "the retry is not due yet");
        assert_eq!(store.next_message_due("email").await.unwrap(), Some(later));

        // A worker that died holding a message: once its lease has passed, another takes it.
        let tx = store.transaction().await.unwrap();
        tx.enqueue_email(&email("d@test.example")).await.unwrap();
        tx.commit().await.unwrap();
        let held = store.claim_due_messages("email", one, 10, Duration::zero()).await.unwrap();
        assert_eq!(held.len(), 1);
        let taken = store.claim_due_messages("email", two, 10, lease).await.unwrap();
        assert_eq!((taken.len(), taken[0].id, taken[0].attempts), (1, held[0].id, 2));
        assert!(!store.mark_message_sent(held[0].id, one).await.unwrap(), "the first worker lost it");
        assert!(store.mark_message_sent(held[0].id, two).await.unwrap());
    }
    async fn a_password_reset_link_is_found_by_its_hash_and_spent_once_with_the_persons_other_links(db) {
        let store = open_store(&db.url).await;
        let noah = store.create_user(&user("noah@test.example")).await.unwrap();
        let other = store.create_user(&user("fenna@test.example")).await.unwrap();
        let now = store.now();
        let expires = now + Duration::hours(1);
        let older = store.create_password_reset(noah.id, b"older-hash", now, expires).await.unwrap();
        let newer = store.create_password_reset(noah.id, b"newer-hash", now, expires).await.unwrap();
        let hers = store.create_password_reset(other.id, b"her-hash", now, expires).await.unwrap();

        let found = store.password_reset_by_token(b"newer-hash").await.unwrap();
        assert_eq!(found, newer);
        assert_eq!((found.user_id, found.expires_at, found.used_at), (noah.id, expires, None));
        assert!(matches!(store.password_reset_by_token(b"no-such-hash").await, Err(StoreError::NotFound)));
        assert!(
            matches!(store.create_password_reset(other.id, b"her-hash", now, expires).await, Err(StoreError::Conflict(_))),
            "a token hash names one link"
        );

        // Two uses of one link: the first wins, the second finds it spent.
        let tx = store.transaction().await.unwrap();
        tx.lock(store::Lock::PasswordReset(newer.id)).await.unwrap();
        assert!(tx.use_password_reset(newer.id, now).await.unwrap());
        tx.commit().await.unwrap();
        assert!(!store.use_password_reset(newer.id, now).await.unwrap());
        assert_eq!(store.password_reset_by_token(b"newer-hash").await.unwrap().used_at, Some(now));
        // The person's older link is spent with it; someone else's is not.
        assert_eq!(store.password_reset_by_token(b"older-hash").await.unwrap().used_at, Some(now));
        assert!(!store.use_password_reset(older.id, now).await.unwrap());
        assert_eq!(store.password_reset_by_token(b"her-hash").await.unwrap().used_at, None);
        assert!(store.use_password_reset(hers.id, now).await.unwrap());
    }

    async fn staff_list_messages_newest_first_by_status_and_send_a_failed_one_again(db) {
        use domain::contract::{MessageQuery, MessageStatus};
        let store = open_store(&db.url).await;
        for to in ["a@test.example", "b@test.example", "Carla@Test.example"] {
            let tx = store.transaction().await.unwrap();
            tx.enqueue_email(&store::NewEmail {
                kind: "test", to: to.into(), subject: format!("Voor {to}"), text: "geheim-token".into(),
                html: None, attachment: None,
            }).await.unwrap();
            tx.commit().await.unwrap();
        }
        let worker = uuid::Uuid::now_v7();
        let claimed = store.claim_due_messages("email", worker, 2, Duration::minutes(2)).await.unwrap();
        let (a, b) = (&claimed[0], &claimed[1]);
        assert!(store.mark_message_sent(a.id, worker).await.unwrap());
        assert!(store.mark_message_attempt_failed(b.id, worker, "550 no such mailbox", None).await.unwrap());

        let all = store.list_messages(&MessageQuery::default(), None, 10).await.unwrap();
        let seen: Vec<_> = all.iter().map(|m| (m.recipient.as_str(), m.status)).collect();
        assert_eq!(seen, [
            ("Carla@Test.example", MessageStatus::Waiting),
            ("b@test.example", MessageStatus::Failed),
            ("a@test.example", MessageStatus::Sent),
        ]);
        assert!(all[0].next_attempt_at.is_some() && all[2].sent_at.is_some() && all[1].sent_at.is_none());
        assert_eq!((all[1].attempts, all[1].last_error.as_deref()), (1, Some("550 no such mailbox")));
        let by = |status| MessageQuery { status: Some(status), recipient: None };
        let failed = store.list_messages(&by(MessageStatus::Failed), None, 10).await.unwrap();
        assert_eq!(failed.iter().map(|m| m.id).collect::<Vec<_>>(), [b.id]);
        let waiting = store.list_messages(&by(MessageStatus::Waiting), None, 10).await.unwrap();
        assert_eq!(waiting.iter().map(|m| m.recipient.as_str()).collect::<Vec<_>>(), ["Carla@Test.example"]);
        let carla = MessageQuery { status: None, recipient: Some("carla@".into()) };
        assert_eq!(store.list_messages(&carla, None, 10).await.unwrap().len(), 1, "case-insensitive");
        let next_page = store.list_messages(&MessageQuery::default(), Some(all[0].id), 10).await.unwrap();
        assert_eq!(next_page, all[1..]);
        assert_eq!(store.get_message(b.id).await.unwrap(), all[1]);
        assert!(matches!(store.get_message(uuid::Uuid::now_v7()).await, Err(StoreError::NotFound)));

        // Only a failed message goes back in the queue, once: pending, due now, attempts afresh.
        assert!(!store.retry_message(a.id).await.unwrap(), "a sent message stays sent");
        assert!(!store.retry_message(all[0].id).await.unwrap(), "a waiting message keeps waiting");
        assert!(store.retry_message(b.id).await.unwrap());
        assert!(!store.retry_message(b.id).await.unwrap(), "the second retry finds it waiting");
        let retried = store.get_message(b.id).await.unwrap();
        assert_eq!((retried.status, retried.attempts, retried.last_error.as_deref()), (MessageStatus::Waiting, 0, Some("550 no such mailbox")));
        assert!(retried.next_attempt_at.unwrap() <= store.now());
        let due = store.claim_due_messages("email", worker, 10, Duration::minutes(2)).await.unwrap();
        assert!(due.iter().any(|m| m.id == b.id && m.attempts == 1), "due at once");
    }
}
