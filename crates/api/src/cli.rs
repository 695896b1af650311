//! The `klasbrug` command line: `serve | migrate | seed-demo | create-admin |
//! create-partner-client | purge-documents | vog-reminders | retention-sweep | openapi`.

use clap::{Parser, Subcommand};
use domain::{EmailAddress, OrganisationKind, Password, Role, Scopes};
use sha2::{Digest, Sha256};
use store::{NewAuditEntry, NewOrganisation, NewPartnerClient, NewUser, OrganisationFilter, Store};

use crate::auth::{password, session};
use crate::config::{self, Config};

/// Klasbrug: professionals from outside education in Dutch schools.
#[derive(Debug, Parser)]
#[command(name = "klasbrug", version, about)]
pub struct Cli {
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API and the web app (migrates the database first).
    Serve,
    /// Bring the database schema up to date, then stop.
    Migrate,
    /// Fill an empty database with the fictional demo programme.
    SeedDemo,
    /// Create a programme admin account.
    CreateAdmin {
        /// Login e-mail address.
        #[arg(long)]
        email: String,
        /// Password (at least 10 characters).
        #[arg(long, env = "KLASBRUG_ADMIN_PASSWORD")]
        password: String,
        /// Full name.
        #[arg(long, default_value = "Programmaleider")]
        name: String,
    },
    /// Register a partner organisation's API client and print its id and secret (shown once).
    CreatePartnerClient {
        /// The partner organisation's name.
        #[arg(long)]
        name: String,
        /// Space-separated scopes, such as "schools:read placements:read".
        #[arg(long, default_value = "placements:read")]
        scopes: String,
    },
    /// Delete the motivation letters and CVs past their retention now (the server also does
    /// this by itself, at start-up and every `KLASBRUG_PURGE_INTERVAL_SECONDS`).
    PurgeDocuments {
        /// Days after the intake decision that documents are kept.
        #[arg(long, env = "KLASBRUG_DOCUMENT_RETENTION_DAYS", default_value_t = 30)]
        retention_days: u32,
    },
    /// Queue the VOG reminders due today now (the server also does this in its daily sweep,
    /// at 07:00 Amsterdam). A reminder already sent is not sent again. The links start at
    /// `KLASBRUG_PUBLIC_URL`; a running server with a mail server configured delivers them.
    VogReminders,
    /// Anonymise or delete now what the retention schedule says is due today (the server also
    /// does this by itself once a day). Reads the same settings as `serve`, including
    /// `KLASBRUG_RETENTION_PERSONAL_DAYS` and `KLASBRUG_RETENTION_PAYMENT_YEARS`; prints how
    /// many went per category, and writes those counts to the audit log.
    RetentionSweep {
        /// Only print per category how many would go; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Print the OpenAPI document.
    Openapi,
}

/// Runs a command. Errors are returned for `main` to print as one line.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => crate::app::serve(Config::from_env()?).await,
        Command::Openapi => {
            print!("{}", crate::openapi::document_json()?);
            Ok(())
        }
        Command::PurgeDocuments { retention_days } => {
            let store = open().await?;
            let purged = crate::app::purge_expired_documents(
                &store,
                crate::clock::Clock::system().today(),
                retention_days,
            )
            .await?;
            println!(
                "Purged {purged} intake documents past their retention of {retention_days} days."
            );
            store.close().await;
            Ok(())
        }
        Command::VogReminders => {
            let public_url = std::env::var("KLASBRUG_PUBLIC_URL").map_err(|_| {
                anyhow::anyhow!(
                    "KLASBRUG_PUBLIC_URL is not set: the reminders link to the web app at that address"
                )
            })?;
            let clock = clock_from_env()?;
            let store = open().await?.with_clock(clock);
            // Signed as the server signs them, so the unsubscribe links work there.
            let mailer = match std::env::var("KLASBRUG_JWT_SECRET") {
                Ok(secret) => crate::mail::Mailer::with_secret(&public_url, secret.as_bytes()),
                Err(_) => crate::mail::Mailer::new(&public_url),
            };
            let sent =
                crate::usecases::reminders::vog_reminders(&store, &mailer, clock.today()).await?;
            println!("Queued {sent} VOG reminders.");
            store.close().await;
            Ok(())
        }
        Command::RetentionSweep { dry_run } => {
            let config = Config::from_env()?;
            let store = Store::connect_with(&config.database_url, 2)
                .await?
                .with_clock(config.clock);
            store.migrate().await?;
            let today = config.clock.today();
            let counts =
                crate::usecases::retention::sweep(&store, &config.retention, today, dry_run)
                    .await?;
            if dry_run {
                println!("Retention sweep of {today}, dry run: nothing was changed. Would go:");
            } else {
                println!("Retention sweep of {today}. Went:");
            }
            print!("{}", crate::usecases::retention::report(&counts));
            store.close().await;
            Ok(())
        }
        Command::Migrate => {
            let store = open().await?;
            println!("Database is up to date.");
            store.close().await;
            Ok(())
        }
        Command::SeedDemo => {
            let store = open().await?;
            if store.count_organisations().await? > 0 {
                anyhow::bail!(
                    "the database is not empty; demo data goes into an empty database only"
                );
            }
            let clock = clock_from_env()?;
            let store = store.with_clock(clock);
            crate::seed::seed_demo(&store, clock.now()).await?;
            crate::seed::print_demo_logins();
            store.close().await;
            Ok(())
        }
        Command::CreateAdmin {
            email,
            password,
            name,
        } => create_admin(email, password, name).await,
        Command::CreatePartnerClient { name, scopes } => create_partner_client(name, scopes).await,
    }
}

/// The application clock: the real one, or `KLASBRUG_CLOCK_START` as `serve` reads it.
fn clock_from_env() -> anyhow::Result<crate::clock::Clock> {
    match std::env::var("KLASBRUG_CLOCK_START") {
        Ok(start) => crate::clock::parse_start(&start)
            .map(crate::clock::Clock::starting_at)
            .ok_or_else(|| anyhow::anyhow!("KLASBRUG_CLOCK_START is not a date or an instant")),
        Err(_) => Ok(crate::clock::Clock::system()),
    }
}

async fn open() -> anyhow::Result<Store> {
    let url =
        std::env::var("DATABASE_URL").unwrap_or_else(|_| config::DEFAULT_DATABASE_URL.to_owned());
    Ok(Store::connect_and_migrate(&url).await?)
}

async fn create_admin(email: String, password_text: String, name: String) -> anyhow::Result<()> {
    let email = EmailAddress::parse(&email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let password_text =
        Password::parse(&password_text).map_err(|e| anyhow::anyhow!("--password: {e}"))?;
    password::check_strength(password_text.expose(), email.as_str(), &[&name])
        .map_err(|message| anyhow::anyhow!("--password: {message}"))?;
    let store = open().await?;
    let programme = programme_organisation(&store).await?;
    let hash = password::hash(password_text.expose().to_owned()).await?;
    let user = store
        .create_user(&NewUser {
            email: email.clone(),
            name,
            password_hash: hash,
        })
        .await
        .map_err(|e| match e {
            store::StoreError::Conflict(_) => {
                anyhow::anyhow!("an account with e-mail {email} already exists")
            }
            other => other.into(),
        })?;
    store
        .add_membership(user.id, programme, Role::ProgrammeAdmin)
        .await?;
    store
        .record_audit(&NewAuditEntry {
            actor_kind: "system",
            actor_id: None,
            action: "user.create",
            resource_type: "user",
            resource_id: Some(user.id),
            reason: None,
        })
        .await?;
    println!("Programme admin {email} created.");
    Ok(())
}

async fn create_partner_client(name: String, scopes: String) -> anyhow::Result<()> {
    let scopes = Scopes::parse(&scopes).map_err(|e| anyhow::anyhow!("--scopes: {e}"))?;
    if scopes.is_empty() {
        anyhow::bail!("--scopes: name at least one scope");
    }
    let store = open().await?;
    let partner = store
        .create_organisation(&NewOrganisation {
            kind: OrganisationKind::Partner,
            name: name.clone(),
            parent_id: None,
            school_type: None,
            region: None,
            municipality: None,
        })
        .await?;
    let client_id = format!("partner-{}", uuid::Uuid::now_v7().simple());
    let secret = session::new_token();
    let id = store
        .create_partner_client(&NewPartnerClient {
            client_id: client_id.clone(),
            secret_hash: Sha256::digest(secret.as_bytes()).to_vec(),
            organisation_id: partner.id,
            name,
            scopes: scopes.clone(),
        })
        .await?;
    store
        .record_audit(&NewAuditEntry {
            actor_kind: "system",
            actor_id: None,
            action: "partner_client.create",
            resource_type: "partner_client",
            resource_id: Some(id),
            reason: None,
        })
        .await?;
    println!("client_id={client_id}\nclient_secret={secret}\nscopes={scopes}");
    println!("The secret is shown once; store it safely.");
    Ok(())
}

/// The programme organisation, created on first use.
async fn programme_organisation(store: &Store) -> anyhow::Result<uuid::Uuid> {
    let filter = OrganisationFilter {
        kind: Some(OrganisationKind::Programme),
        member: None,
    };
    if let Some(existing) = store
        .list_organisations(&filter, None, 1)
        .await?
        .into_iter()
        .next()
    {
        return Ok(existing.id);
    }
    let created = store
        .create_organisation(&NewOrganisation {
            kind: OrganisationKind::Programme,
            name: "Klasbrug".to_owned(),
            parent_id: None,
            school_type: None,
            region: None,
            municipality: None,
        })
        .await?;
    Ok(created.id)
}
