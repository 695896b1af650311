//! The social-return value (SROI) of delivered sponsored hours. The rule is written down in
//! [`super`]; the value per hour is configured per municipality, with Utrecht's as the default.

use serde::{Deserialize, Serialize};

use super::minutes_at_rate;
use crate::money::Cents;

/// How much an employee-hour is worth in one municipality's social-return scheme, and where
/// that figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SroiRule {
    /// The municipality, as written on statements: `Utrecht`.
    pub municipality: String,
    /// Value of one employee-hour, in cents.
    pub cents_per_hour: Cents,
    /// Where the value comes from, for the statement: the scheme and its building block.
    pub source: String,
}

impl SroiRule {
    /// The rule programme staff entered, trimmed; or every field that is wrong. The value is 0
    /// to EUR 1,000 an hour, and the source is required, because statements quote it.
    pub fn parse(
        municipality: &str,
        cents_per_hour: Cents,
        source: &str,
    ) -> Result<SroiRule, Vec<crate::contract::FieldError>> {
        use crate::contract::FieldError;
        let mut errors = Vec::new();
        let municipality = municipality.trim().to_owned();
        if municipality.is_empty() || municipality.chars().count() > 100 {
            errors.push(FieldError::new(
                "municipality",
                "give the municipality's name, at most 100 characters",
            ));
        }
        if cents_per_hour.is_negative() || cents_per_hour.0 > 100_000 {
            errors.push(FieldError::new(
                "cents_per_hour",
                "give 0 to 100000 cents (EUR 1,000) an hour",
            ));
        }
        let source = source.trim().to_owned();
        if source.is_empty() || source.chars().count() > 300 {
            errors.push(FieldError::new(
                "source",
                "say where the value comes from (the scheme and its building block), at most 300 characters",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SroiRule {
            municipality,
            cents_per_hour,
            source,
        })
    }
}

impl std::fmt::Display for SroiRule {
    /// `Utrecht, bouwsteen 'ondersteunen maatschappelijk project': EUR 100 per uur` (Dutch, as
    /// statements show it).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let amount = crate::money::format_euro(self.cents_per_hour);
        let amount = amount.strip_suffix(",00").unwrap_or(&amount);
        write!(
            f,
            "{}, {}: {amount} per uur",
            self.municipality, self.source
        )
    }
}

/// Utrecht's building-block model: supporting a social project is worth EUR 100 per
/// employee-hour. Used for any municipality without a rule of its own.
pub fn default_rule() -> SroiRule {
    SroiRule {
        municipality: "Utrecht".to_owned(),
        cents_per_hour: Cents(10_000),
        source: "bouwsteen 'ondersteunen maatschappelijk project'".to_owned(),
    }
}

/// A value with the rule that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SocialReturn {
    /// The sponsored minutes valued.
    pub minutes: u64,
    /// The value, rounded down to the cent.
    pub value: Cents,
    /// The rule applied.
    pub rule: SroiRule,
    /// True when the municipality asked for had no rule and the default was applied.
    pub is_default: bool,
    /// The municipality asked for, as given.
    pub municipality: String,
}

impl SocialReturn {
    /// How the figure was reached, for the statement.
    pub fn explanation(&self) -> String {
        if self.is_default {
            format!(
                "geen regel voor {}; standaard toegepast: {}",
                self.municipality, self.rule
            )
        } else {
            self.rule.to_string()
        }
    }
}

/// The value of `minutes` delivered sponsored minutes in `municipality`, by the first of
/// `rules` for it (name compared without regard to case or surrounding spaces), or by
/// [`default_rule`].
pub fn social_return(minutes: u64, municipality: &str, rules: &[SroiRule]) -> SocialReturn {
    let wanted = municipality.trim().to_lowercase();
    let found = rules
        .iter()
        .find(|rule| rule.municipality.trim().to_lowercase() == wanted);
    let (rule, is_default) = match found {
        Some(rule) => (rule.clone(), false),
        None => (default_rule(), true),
    };
    SocialReturn {
        minutes,
        value: minutes_at_rate(minutes, rule.cents_per_hour),
        rule,
        is_default,
        municipality: municipality.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_is_trimmed_and_checked_field_by_field() {
        let rule = SroiRule::parse(" Amersfoort ", Cents(7_550), " PSO, bouwsteen 3 ")
            .expect("a valid rule");
        assert_eq!(rule.municipality, "Amersfoort");
        assert_eq!(rule.source, "PSO, bouwsteen 3");
        let fields = |errors: Vec<crate::contract::FieldError>| {
            errors.into_iter().map(|e| e.field).collect::<Vec<_>>()
        };
        let wrong = SroiRule::parse("  ", Cents(-1), "").expect_err("three wrong fields");
        assert_eq!(fields(wrong), ["municipality", "cents_per_hour", "source"]);
        let too_much = SroiRule::parse("Utrecht", Cents(100_001), "x").expect_err("too much");
        assert_eq!(fields(too_much), ["cents_per_hour"]);
        assert!(SroiRule::parse("Utrecht", Cents(100_000), "x").is_ok());
        assert!(SroiRule::parse("Utrecht", Cents(0), "x").is_ok());
    }

    fn rules() -> Vec<SroiRule> {
        vec![
            default_rule(),
            SroiRule {
                municipality: "Amersfoort".to_owned(),
                cents_per_hour: Cents(7_550),
                source: "SROI-prestatieladder, trede 'maatschappelijke activiteit'".to_owned(),
            },
        ]
    }

    #[test]
    fn the_value_follows_the_municipalitys_rule_or_the_default() {
        // (minutes, municipality, value in cents, rule's municipality, default?)
        let cases = [
            (600, "Utrecht", 100_000, "Utrecht", false),
            (600, "  uTRECHT ", 100_000, "Utrecht", false),
            (50, "Utrecht", 8_333, "Utrecht", false),
            (600, "Amersfoort", 75_500, "Amersfoort", false),
            (45, "amersfoort", 5_662, "Amersfoort", false),
            (600, "Zeist", 100_000, "Utrecht", true),
            (0, "Zeist", 0, "Utrecht", true),
        ];
        for (minutes, municipality, value, rule, is_default) in cases {
            let result = social_return(minutes, municipality, &rules());
            assert_eq!(result.value, Cents(value), "{minutes} in {municipality}");
            assert_eq!(result.rule.municipality, rule, "{municipality}");
            assert_eq!(result.is_default, is_default, "{municipality}");
        }
    }

    #[test]
    fn without_any_rules_utrecht_applies_and_the_statement_says_so() {
        let result = social_return(120, "Zeist", &[]);
        assert_eq!(result.value, Cents(20_000));
        assert_eq!(
            result.explanation(),
            "geen regel voor Zeist; standaard toegepast: Utrecht, bouwsteen 'ondersteunen maatschappelijk project': EUR 100 per uur"
        );
        let utrecht = social_return(120, "utrecht", &rules());
        assert_eq!(
            utrecht.explanation(),
            "Utrecht, bouwsteen 'ondersteunen maatschappelijk project': EUR 100 per uur"
        );
        assert!(
            social_return(60, "Amersfoort", &rules())
                .explanation()
                .ends_with("EUR 75,50 per uur")
        );
    }
}
