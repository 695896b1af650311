//! The binary's commands and configuration errors.

use reqwest::StatusCode;
use testkit::on_both_backends;
use tokio::process::Command;

use crate::helpers::*;

fn klasbrug(database_url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_klasbrug"));
    command
        .env_clear()
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn");
    command
}

on_both_backends! {
    async fn create_admin_makes_an_account_that_can_log_in(db) {
        let output = klasbrug(&db.url)
            .args(["create-admin", "--email", "Nieuw@Klasbrug.example", "--password", "een-lang-wachtwoord", "--name", "Nieuwe Beheerder"])
            .output()
            .await
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let again = klasbrug(&db.url)
            .args(["create-admin", "--email", "nieuw@klasbrug.example", "--password", "een-lang-wachtwoord"])
            .output()
            .await
            .unwrap();
        assert_eq!(again.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
        let weak = klasbrug(&db.url)
            .args(["create-admin", "--email", "zwak@klasbrug.example", "--password", "aaaaaaaaaaaa"])
            .output()
            .await
            .unwrap();
        assert_eq!(weak.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&weak.stderr).contains("--password: is too easy to guess"));

        let app = spawn_app_with(&db, &[("KLASBRUG_DEMO", "0"), ("KLASBRUG_SECURE_COOKIES", "0")]).await;
        let response = app.login("nieuw@klasbrug.example", "een-lang-wachtwoord").await;
        assert_eq!(response.status(), StatusCode::OK);
    }

    async fn a_partner_client_created_on_the_command_line_can_get_a_token(db) {
        let output = klasbrug(&db.url)
            .args(["create-partner-client", "--name", "Testpartner", "--scopes", "schools:read"])
            .output()
            .await
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let stdout = String::from_utf8(output.stdout).unwrap();
        let value = |key: &str| stdout.lines().find_map(|l| l.strip_prefix(key)).unwrap().to_owned();
        let (id, secret) = (value("client_id="), value("client_secret="));
        let app = spawn_app_with(&db, &[("KLASBRUG_DEMO", "0")]).await;
        let response = app.client_token(&[("grant_type", "client_credentials"), ("client_id", &id), ("client_secret", &secret)]).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn without_a_signing_key_the_server_refuses_to_start_and_names_the_setting() {
    let output = klasbrug("sqlite::memory:")
        .arg("serve")
        .output()
        .await
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("error: KLASBRUG_JWT_SECRET")),
        "{stderr}"
    );
}

#[tokio::test]
async fn an_invalid_setting_is_a_one_line_error_naming_it() {
    let output = klasbrug("sqlite::memory:")
        .env("KLASBRUG_DEMO", "1")
        .env("KLASBRUG_BIND", "overal")
        .output()
        .await
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("KLASBRUG_BIND"), "{stderr}");
}

#[tokio::test]
async fn the_openapi_command_prints_the_committed_document() {
    let output = klasbrug("sqlite::memory:")
        .arg("openapi")
        .output()
        .await
        .unwrap();
    assert!(output.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json");
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(printed == committed, "run `cargo xtask openapi`");
}
