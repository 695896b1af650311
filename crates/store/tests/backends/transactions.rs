//! Transactions on SQLite and PostgreSQL: all or nothing, and one at a time where they decide
//! on the same row.

use std::collections::BTreeSet;

use domain::{EmailAddress, OrganisationKind};
use klasbrug_store::{Lock, NewOrganisation, NewUser, OrganisationFilter, Store};
use testkit::on_both_backends;

fn programme(name: &str) -> NewOrganisation {
    NewOrganisation {
        kind: OrganisationKind::Programme,
        name: name.into(),
        parent_id: None,
        school_type: None,
        region: None,
        municipality: None,
    }
}

on_both_backends! {
    async fn a_committed_transaction_is_seen_and_a_dropped_one_leaves_nothing(db) {
        let store = Store::connect_and_migrate(&db.url).await.unwrap();
        let tx = store.transaction().await.unwrap();
        let kept = tx.create_organisation(&programme("Bewaard")).await.unwrap();
        assert_eq!(tx.get_organisation(kept.id).await.unwrap().name, "Bewaard");
        tx.commit().await.unwrap();
        assert_eq!(store.get_organisation(kept.id).await.unwrap().name, "Bewaard");

        let tx = store.transaction().await.unwrap();
        let dropped = tx.create_organisation(&programme("Vergeten")).await.unwrap();
        drop(tx);
        assert!(store.get_organisation(dropped.id).await.is_err());
        assert_eq!(store.count_organisations().await.unwrap(), 1);
    }

    async fn two_transactions_that_lock_one_row_take_turns(db) {
        // Each transaction reads the count, then writes an organisation named after it: without
        // turns, both read the same count and two organisations get one number.
        let store = Store::connect_and_migrate(&db.url).await.unwrap();
        let anchor = store
            .create_user(&NewUser {
                email: EmailAddress::parse("anker@voorbeeld.example").unwrap(),
                name: "Anker".into(),
                password_hash: "-".into(),
            })
            .await
            .unwrap();
        let turn = |store: Store| async move {
            for _ in 0..5 {
                let tx = store.transaction().await.unwrap();
                tx.lock(Lock::User(anchor.id)).await.unwrap();
                let count = tx.count_organisations().await.unwrap();
                tx.create_organisation(&programme(&format!("Nummer {count}"))).await.unwrap();
                tx.commit().await.unwrap();
            }
        };
        let (first, second) = tokio::join!(
            tokio::spawn(turn(store.clone())),
            tokio::spawn(turn(store.clone()))
        );
        first.unwrap();
        second.unwrap();
        let all = store
            .list_organisations(&OrganisationFilter { kind: None, member: None }, None, 100)
            .await
            .unwrap();
        let names: BTreeSet<String> = all.into_iter().map(|o| o.name).collect();
        let expected: BTreeSet<String> = (0..10).map(|n| format!("Nummer {n}")).collect();
        assert_eq!(names, expected, "two transactions decided on the same count");
    }
}
