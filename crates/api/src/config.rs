//! Configuration from the environment. A missing or invalid setting is a one-line error that
//! names it.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the embedded database lives when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://klasbrug.db?mode=rwc";
/// Where the server listens when `KLASBRUG_BIND` is not set.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
/// The most trusted proxies `KLASBRUG_PROXY_HOPS` accepts.
pub const MAX_PROXY_HOPS: usize = 10;
/// The shortest signing secret accepted: 256 bits, as HS256 wants.
pub const MIN_SECRET_LEN: usize = 32;

/// The server's settings.
#[derive(Clone)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://…` (default) or `postgres://…`.
    pub database_url: String,
    /// `KLASBRUG_BIND`: address and port to listen on.
    pub bind: SocketAddr,
    /// `KLASBRUG_JWT_SECRET`: the key that signs access tokens. `None` only in demo mode, where
    /// a random one is generated at start-up.
    pub jwt_secret: Option<String>,
    /// `KLASBRUG_DEMO`: seed demo data into an empty database and allow a generated secret.
    pub demo: bool,
    /// `KLASBRUG_STATIC_DIR`: the built web app.
    pub static_dir: PathBuf,
    /// `KLASBRUG_SECURE_COOKIES`: mark the session cookie `Secure` (needs HTTPS). Defaults to
    /// on, and off in demo mode, which serves plain HTTP on 127.0.0.1.
    pub secure_cookies: bool,
    /// `KLASBRUG_DB_MAX_CONNECTIONS`: the most database connections this instance opens.
    pub db_max_connections: u32,
    /// `KLASBRUG_BEHIND_PROXY`: take the client's address from `X-Forwarded-For` (appended by
    /// the load balancer) for the rate limits. Off by default, since any client can send that
    /// header to a server that faces the internet directly.
    pub behind_proxy: bool,
    /// `KLASBRUG_PROXY_HOPS`: how many trusted proxies in a row append to `X-Forwarded-For`
    /// (default 1). The client's address is the entry this many places from the right; entries
    /// further left were written by the client. Needs `KLASBRUG_BEHIND_PROXY`.
    pub proxy_hops: usize,
    /// `KLASBRUG_DOCUMENT_RETENTION_DAYS`: how many days after the intake decision an
    /// ambassador's motivation letter and CV are kept (default 30).
    pub document_retention_days: u32,
    /// `KLASBRUG_PURGE_INTERVAL_SECONDS`: how often expired documents are purged (default 3600).
    pub purge_interval_secs: u64,
    /// `KLASBRUG_RETENTION_PERSONAL_DAYS` (default 730) and `KLASBRUG_RETENTION_PAYMENT_YEARS`
    /// (default 7): how long personal data is kept after the relationship ends, and a payment's
    /// payee after the payment. The retention sweep runs once a day.
    pub retention: domain::retention::RetentionSettings,
    /// The periods the privacy register shows: [`Self::retention`]'s, and the documents'.
    pub retention_periods: domain::contract::RetentionPeriods,
    /// `KLASBRUG_PAYOUT_IBAN` and `KLASBRUG_PAYOUT_NAME`: the programme's bank account that
    /// allowances are paid from, for the SEPA payout file. The demo uses a fictional one.
    pub payout_account: Option<PayoutAccount>,
    /// `KLASBRUG_PUBLIC_URL`: the address people reach the web app at, for links in e-mails
    /// (default `http://` and the address the server is listening on).
    pub public_url: Option<String>,
    /// `KLASBRUG_CLOCK_START`: start the application's clock at this instant or date instead
    /// of the real one (for tests and demos of a chosen day); it runs on from there.
    pub clock: crate::clock::Clock,
    /// How e-mail leaves: the SMTP server (`KLASBRUG_SMTP_URL`), the sender and the retries.
    pub mail: MailConfig,
    /// How partner webhooks are delivered: timeout, retries, and whether local addresses are
    /// allowed.
    pub webhooks: WebhookConfig,
    /// The key research exports derive pseudonyms with (`KLASBRUG_RESEARCH_KEY`): with one,
    /// pseudonyms hold across exports; without, each export gets a random key that is not kept.
    pub research_key: Option<Vec<u8>>,
    /// `KLASBRUG_METRICS_TOKEN`: serve Prometheus metrics at `GET /metrics` to a scraper that
    /// sends `Authorization: Bearer <token>`; without it `/metrics` is 404.
    pub metrics_token: Option<String>,
    /// `KLASBRUG_LIST_CACHE_MB`: how many MiB of placement list pages the server keeps to serve
    /// again while the data is unchanged (default 8; 0 keeps none).
    pub list_cache_bytes: usize,
}

/// The webhook settings.
#[derive(Clone, Debug)]
pub struct WebhookConfig {
    /// `KLASBRUG_WEBHOOK_RETRY_BASE_MS`: the first retry's delay (default 30 s); each next one
    /// waits twice as long, at most a day.
    pub retry_base: std::time::Duration,
    /// `KLASBRUG_WEBHOOK_MAX_ATTEMPTS`: attempts before a delivery fails (default 12, about a
    /// day and a half of retries).
    pub max_attempts: u32,
    /// `KLASBRUG_WEBHOOK_TIMEOUT_MS`: how long an endpoint has to answer (default 10 s).
    pub timeout: std::time::Duration,
    /// `KLASBRUG_WEBHOOK_ALLOW_LOCAL`: accept `http://` and loopback or private addresses as
    /// endpoints (default off, on in demo mode). Off, a partner cannot make the server call into
    /// its own network.
    pub allow_local: bool,
    /// How long the worker waits between looks when nothing wakes it (`KLASBRUG_MAIL_POLL_MS`).
    pub poll_interval: std::time::Duration,
}

/// The mail settings.
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// `smtp://host:port`, `smtps://user:pass@host:465` or `smtp://host:587?tls=required`;
    /// without it, messages stay in the outbox (in demo mode they are written to the log).
    pub smtp_url: Option<String>,
    /// The sender, such as `Klasbrug <noreply@klasbrug.example>`.
    pub from: String,
    /// The first retry's delay; each next one waits twice as long.
    pub retry_base: std::time::Duration,
    /// How many attempts before a message is marked failed.
    pub max_attempts: u32,
    /// How long the worker waits between looks at the outbox when nothing wakes it sooner.
    pub poll_interval: std::time::Duration,
}

impl MailConfig {
    /// The SMTP server's host, without the user, password or options the URL may carry, for
    /// the privacy register.
    pub fn smtp_host(&self) -> Option<String> {
        let url = self.smtp_url.as_deref()?;
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let rest = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
        let host = rest.split(['/', '?']).next().unwrap_or(rest);
        (!host.is_empty()).then(|| host.to_owned())
    }
}

/// The account allowances are paid from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutAccount {
    /// The account holder, as the bank knows it.
    pub name: String,
    /// The IBAN.
    pub iban: domain::iban::Iban,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("bind", &self.bind)
            .field("jwt_secret", &self.jwt_secret.as_ref().map(|_| "***"))
            .field("demo", &self.demo)
            .field("static_dir", &self.static_dir)
            .field("secure_cookies", &self.secure_cookies)
            .field("research_key", &self.research_key.as_ref().map(|_| "[set]"))
            .field(
                "metrics_token",
                &self.metrics_token.as_ref().map(|_| "[set]"),
            )
            .field("db_max_connections", &self.db_max_connections)
            .field("list_cache_bytes", &self.list_cache_bytes)
            .field("document_retention_days", &self.document_retention_days)
            .field("purge_interval_secs", &self.purge_interval_secs)
            .field("retention", &self.retention)
            .field("retention_periods", &self.retention_periods)
            .field("behind_proxy", &self.behind_proxy)
            .field("proxy_hops", &self.proxy_hops)
            .field("payout_account", &self.payout_account)
            .field("public_url", &self.public_url)
            .field("clock", &self.clock)
            .finish()
    }
}

/// A setting that is missing or invalid.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {message}")]
pub struct ConfigError {
    /// The environment variable.
    pub name: &'static str,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Config {
    /// Reads the settings from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let demo = parse_bool("KLASBRUG_DEMO", get("KLASBRUG_DEMO"))?.unwrap_or(false);
        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres:")
            || database_url.starts_with("postgresql:"))
        {
            return Err(ConfigError {
                name: "DATABASE_URL",
                message: "must start with sqlite: or postgres: (for example sqlite://klasbrug.db?mode=rwc)".into(),
            });
        }
        let bind_text = get("KLASBRUG_BIND").unwrap_or_else(|| DEFAULT_BIND.to_owned());
        let bind = bind_text.parse().map_err(|_| ConfigError {
            name: "KLASBRUG_BIND",
            message: format!("'{bind_text}' is not an address and port such as 127.0.0.1:8080"),
        })?;
        let jwt_secret = get("KLASBRUG_JWT_SECRET");
        match &jwt_secret {
            Some(secret) if secret.len() < MIN_SECRET_LEN => {
                return Err(ConfigError {
                    name: "KLASBRUG_JWT_SECRET",
                    message: format!("must be at least {MIN_SECRET_LEN} characters long"),
                });
            }
            None if !demo => {
                return Err(ConfigError {
                    name: "KLASBRUG_JWT_SECRET",
                    message: format!(
                        "is not set; set it to a random string of at least {MIN_SECRET_LEN} characters \
                         (for example: openssl rand -base64 48), or set KLASBRUG_DEMO=1 for a demo"
                    ),
                });
            }
            _ => {}
        }
        let static_dir =
            PathBuf::from(get("KLASBRUG_STATIC_DIR").unwrap_or_else(|| "dist".to_owned()));
        let secure_cookies =
            parse_bool("KLASBRUG_SECURE_COOKIES", get("KLASBRUG_SECURE_COOKIES"))?.unwrap_or(!demo);
        let behind_proxy =
            parse_bool("KLASBRUG_BEHIND_PROXY", get("KLASBRUG_BEHIND_PROXY"))?.unwrap_or(false);
        let proxy_hops = match get("KLASBRUG_PROXY_HOPS") {
            None => 1,
            Some(text) if !behind_proxy => {
                return Err(ConfigError {
                    name: "KLASBRUG_PROXY_HOPS",
                    message: format!(
                        "is '{}' but KLASBRUG_BEHIND_PROXY is off; set KLASBRUG_BEHIND_PROXY=1 \
                         when the server runs behind a load balancer, or unset this",
                        text.trim()
                    ),
                });
            }
            Some(text) => text
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=MAX_PROXY_HOPS).contains(n))
                .ok_or_else(|| ConfigError {
                    name: "KLASBRUG_PROXY_HOPS",
                    message: format!(
                        "'{}' is not a number of trusted proxies from 1 to {MAX_PROXY_HOPS}",
                        text.trim()
                    ),
                })?,
        };
        let db_max_connections = match get("KLASBRUG_DB_MAX_CONNECTIONS") {
            None => store::DEFAULT_MAX_CONNECTIONS,
            Some(text) => text
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .ok_or_else(|| ConfigError {
                    name: "KLASBRUG_DB_MAX_CONNECTIONS",
                    message: format!("'{text}' is not a number of connections from 1 to 1000"),
                })?,
        };
        let number = |name: &'static str, default: u64, max: u64| -> Result<u64, ConfigError> {
            match get(name) {
                None => Ok(default),
                Some(text) => text
                    .trim()
                    .parse()
                    .ok()
                    .filter(|n| *n <= max)
                    .ok_or_else(|| ConfigError {
                        name,
                        message: format!("'{text}' is not a whole number from 0 to {max}"),
                    }),
            }
        };
        let document_retention_days =
            u32::try_from(number("KLASBRUG_DOCUMENT_RETENTION_DAYS", 30, 3650)?).unwrap_or(30);
        let purge_interval_secs =
            number("KLASBRUG_PURGE_INTERVAL_SECONDS", 3600, 7 * 86_400)?.max(1);
        let list_cache_bytes =
            usize::try_from(number("KLASBRUG_LIST_CACHE_MB", 8, 1024)?).unwrap_or(8) * 1024 * 1024;
        let retention = domain::retention::RetentionSettings::parse(
            get("KLASBRUG_RETENTION_PERSONAL_DAYS").as_deref(),
            get("KLASBRUG_RETENTION_PAYMENT_YEARS").as_deref(),
        )
        .map_err(|e| ConfigError {
            name: match e {
                domain::retention::RetentionError::PersonalDays(_) => {
                    "KLASBRUG_RETENTION_PERSONAL_DAYS"
                }
                domain::retention::RetentionError::PaymentYears(_) => {
                    "KLASBRUG_RETENTION_PAYMENT_YEARS"
                }
            },
            message: e.to_string(),
        })?;
        let retention_periods = domain::contract::RetentionPeriods {
            personal_days: retention.personal_days(),
            payment_years: retention.payment_years(),
            document_days: document_retention_days,
        };
        let payout_iban = match get("KLASBRUG_PAYOUT_IBAN") {
            Some(text) => Some(domain::iban::Iban::parse(&text).map_err(|e| ConfigError {
                name: "KLASBRUG_PAYOUT_IBAN",
                message: e.to_string(),
            })?),
            // A fictional account, so the demo's payout file can be tried.
            None if demo => domain::iban::Iban::parse("NL91ABNA0417164300").ok(),
            None => None,
        };
        let payout_account = payout_iban.map(|iban| PayoutAccount {
            name: get("KLASBRUG_PAYOUT_NAME").unwrap_or_else(|| "Klasbrug".to_owned()),
            iban,
        });
        let public_url = match get("KLASBRUG_PUBLIC_URL") {
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                Some(url.trim_end_matches('/').to_owned())
            }
            Some(url) => {
                return Err(ConfigError {
                    name: "KLASBRUG_PUBLIC_URL",
                    message: format!(
                        "'{url}' is not an address such as https://klasbrug.example.nl"
                    ),
                });
            }
            None => None,
        };
        let clock = match get("KLASBRUG_CLOCK_START") {
            None => crate::clock::Clock::system(),
            Some(text) => crate::clock::parse_start(&text)
                .map(crate::clock::Clock::starting_at)
                .ok_or_else(|| ConfigError {
                    name: "KLASBRUG_CLOCK_START",
                    message: format!(
                        "'{text}' is not a date (2026-11-20) or an instant (2026-11-20T09:00:00Z)"
                    ),
                })?,
        };
        let smtp_url = get("KLASBRUG_SMTP_URL");
        if let Some(url) = &smtp_url
            && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
        {
            return Err(ConfigError {
                name: "KLASBRUG_SMTP_URL",
                message: format!(
                    "'{}' is not an SMTP address such as smtp://127.0.0.1:2525 or smtps://user:pass@mail.example.nl:465",
                    redact_url(url)
                ),
            });
        }
        let from = get("KLASBRUG_MAIL_FROM")
            .unwrap_or_else(|| "Klasbrug <noreply@klasbrug.example>".to_owned());
        if from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError {
                name: "KLASBRUG_MAIL_FROM",
                message: format!("'{from}' is not a sender such as Klasbrug <noreply@klasbrug.nl>"),
            });
        }
        let mail = MailConfig {
            smtp_url,
            from,
            retry_base: std::time::Duration::from_millis(
                number("KLASBRUG_MAIL_RETRY_BASE_MS", 30_000, 3_600_000)?.max(1),
            ),
            max_attempts: u32::try_from(number("KLASBRUG_MAIL_MAX_ATTEMPTS", 8, 50)?.max(1))
                .unwrap_or(8),
            poll_interval: std::time::Duration::from_millis(
                number("KLASBRUG_MAIL_POLL_MS", 1000, 600_000)?.max(10),
            ),
        };
        let webhooks = WebhookConfig {
            retry_base: std::time::Duration::from_millis(
                number("KLASBRUG_WEBHOOK_RETRY_BASE_MS", 30_000, 3_600_000)?.max(1),
            ),
            max_attempts: u32::try_from(number("KLASBRUG_WEBHOOK_MAX_ATTEMPTS", 12, 50)?.max(1))
                .unwrap_or(12),
            timeout: std::time::Duration::from_millis(
                number("KLASBRUG_WEBHOOK_TIMEOUT_MS", 10_000, 120_000)?.max(10),
            ),
            allow_local: parse_bool(
                "KLASBRUG_WEBHOOK_ALLOW_LOCAL",
                get("KLASBRUG_WEBHOOK_ALLOW_LOCAL"),
            )?
            .unwrap_or(demo),
            poll_interval: mail.poll_interval,
        };
        let research_key = get("KLASBRUG_RESEARCH_KEY")
            .map(|key| key.into_bytes())
            .filter(|key| !key.is_empty());
        if research_key.as_ref().is_some_and(|key| key.len() < 32) {
            return Err(ConfigError {
                name: "KLASBRUG_RESEARCH_KEY",
                message:
                    "must be at least 32 characters, such as the output of `openssl rand -hex 32`"
                        .into(),
            });
        }
        let metrics_token = get("KLASBRUG_METRICS_TOKEN").filter(|token| !token.is_empty());
        if metrics_token.as_ref().is_some_and(|token| token.len() < 16) {
            return Err(ConfigError {
                name: "KLASBRUG_METRICS_TOKEN",
                message:
                    "must be at least 16 characters, such as the output of `openssl rand -hex 16`"
                        .into(),
            });
        }
        Ok(Self {
            list_cache_bytes,
            mail,
            webhooks,
            research_key,
            metrics_token,
            clock,
            public_url,
            payout_account,
            document_retention_days,
            purge_interval_secs,
            retention,
            retention_periods,
            database_url,
            bind,
            jwt_secret,
            demo,
            static_dir,
            secure_cookies,
            db_max_connections,
            behind_proxy,
            proxy_hops,
        })
    }
}

fn parse_bool(name: &'static str, value: Option<String>) -> Result<Option<bool>, ConfigError> {
    match value.as_deref().map(str::trim) {
        None => Ok(None),
        Some("1" | "true" | "yes" | "on") => Ok(Some(true)),
        Some("0" | "false" | "no" | "off") => Ok(Some(false)),
        Some(other) => Err(ConfigError {
            name,
            message: format!("'{other}' is not a yes/no value; use 1 or 0"),
        }),
    }
}

/// A database URL without its password, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn defaults_serve_the_embedded_database_on_localhost() {
        let config = config(&[("KLASBRUG_JWT_SECRET", SECRET)]).unwrap();
        assert_eq!(config.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(config.bind.to_string(), DEFAULT_BIND);
        assert!(config.secure_cookies);
        assert_eq!(config.retention.personal_days(), 730);
        assert_eq!(config.retention.payment_years(), 7);
    }

    #[test]
    fn without_a_secret_the_server_refuses_unless_in_demo_mode() {
        let err = config(&[]).err().unwrap();
        assert_eq!(err.name, "KLASBRUG_JWT_SECRET");
        let demo = config(&[("KLASBRUG_DEMO", "1")]).unwrap();
        assert!(demo.jwt_secret.is_none());
        assert!(!demo.secure_cookies);
    }

    #[test]
    fn invalid_settings_are_named() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[("KLASBRUG_JWT_SECRET", "short")], "KLASBRUG_JWT_SECRET"),
            (
                &[("KLASBRUG_JWT_SECRET", SECRET), ("KLASBRUG_BIND", "here")],
                "KLASBRUG_BIND",
            ),
            (
                &[
                    ("KLASBRUG_JWT_SECRET", SECRET),
                    ("DATABASE_URL", "mysql://x"),
                ],
                "DATABASE_URL",
            ),
            (&[("KLASBRUG_DEMO", "perhaps")], "KLASBRUG_DEMO"),
            (
                &[
                    ("KLASBRUG_DEMO", "1"),
                    ("KLASBRUG_RETENTION_PERSONAL_DAYS", "twee jaar"),
                ],
                "KLASBRUG_RETENTION_PERSONAL_DAYS",
            ),
            (
                &[
                    ("KLASBRUG_DEMO", "1"),
                    ("KLASBRUG_RETENTION_PERSONAL_DAYS", "0"),
                ],
                "KLASBRUG_RETENTION_PERSONAL_DAYS",
            ),
            (
                &[
                    ("KLASBRUG_DEMO", "1"),
                    ("KLASBRUG_RETENTION_PAYMENT_YEARS", "5"),
                ],
                "KLASBRUG_RETENTION_PAYMENT_YEARS",
            ),
            (
                &[("KLASBRUG_DEMO", "1"), ("KLASBRUG_DB_MAX_CONNECTIONS", "0")],
                "KLASBRUG_DB_MAX_CONNECTIONS",
            ),
        ];
        for (vars, name) in cases {
            assert_eq!(config(vars).err().unwrap().name, *name);
        }
    }

    #[test]
    fn behind_a_proxy_the_client_is_one_hop_from_the_right_unless_told_otherwise() {
        let direct = config(&[("KLASBRUG_JWT_SECRET", SECRET)]).unwrap();
        assert!(!direct.behind_proxy);
        let one = config(&[
            ("KLASBRUG_JWT_SECRET", SECRET),
            ("KLASBRUG_BEHIND_PROXY", "1"),
        ])
        .unwrap();
        assert_eq!((one.behind_proxy, one.proxy_hops), (true, 1));
        let two = config(&[
            ("KLASBRUG_JWT_SECRET", SECRET),
            ("KLASBRUG_BEHIND_PROXY", "1"),
            ("KLASBRUG_PROXY_HOPS", " 2 "),
        ])
        .unwrap();
        assert_eq!(two.proxy_hops, 2);
    }

    #[test]
    fn a_bad_number_of_proxy_hops_is_named_with_what_to_do() {
        for bad in ["0", "-1", "twee", "11", "1.5"] {
            let err = config(&[
                ("KLASBRUG_JWT_SECRET", SECRET),
                ("KLASBRUG_BEHIND_PROXY", "1"),
                ("KLASBRUG_PROXY_HOPS", bad),
            ])
            .err()
            .unwrap();
            assert_eq!(err.name, "KLASBRUG_PROXY_HOPS");
            assert!(
                err.message.contains("from 1 to 10"),
                "{bad}: {}",
                err.message
            );
        }
        let without_proxy = config(&[
            ("KLASBRUG_JWT_SECRET", SECRET),
            ("KLASBRUG_PROXY_HOPS", "2"),
        ])
        .err()
        .unwrap();
        assert_eq!(without_proxy.name, "KLASBRUG_PROXY_HOPS");
        assert!(without_proxy.message.contains("KLASBRUG_BEHIND_PROXY"));
    }

    #[test]
    fn passwords_are_redacted_from_database_urls() {
        assert_eq!(
            redact_url("postgres://klasbrug:geheim@db:5432/klasbrug"),
            "postgres://klasbrug:***@db:5432/klasbrug"
        );
        assert_eq!(redact_url("sqlite://klasbrug.db"), "sqlite://klasbrug.db");
    }
}
