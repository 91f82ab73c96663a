//! What the officer enters for a project model: the CLI's `--input` JSON (issue 17's keys, as
//! decimal strings; plain JSON numbers are read too), the XLSX template's cells, the app's form.
//! [`ModelInput::validate`] refuses what cannot be modelled before anything is computed, each
//! refusal naming the key (`cfads[3]`, `construction.draws`) so the officer finds it.
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use super::capital::CapitalCategory;
use super::construction::DrawTiming;
use crate::error::{Error, Result};
use crate::labels::labelled;
use crate::loans::LprTenor;
use crate::rule::Rule;

/// Longer than any concession (60 years of quarters): beyond it the input is a mistake.
pub const MAX_PERIODS: usize = 240;
/// Amounts above this (10^15, a thousand trillion) are typing errors, and keep every product
/// of an amount and a rate far inside Decimal's range.
const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

labelled! {
    /// How the debt is repaid over the tenor.
    pub enum Repayment {
        /// Principal follows the cash flow so every period's DSCR is the sculpting ratio.
        Sculpted = "sculpted" => ("按现金流塑形", "Sculpted to CFADS"),
        /// Equal instalments of principal and interest (等额本息).
        Annuity = "annuity" => ("等额本息", "Annuity"),
        /// Equal principal each period, interest on the balance (等额本金).
        EqualPrincipal = "equal-principal" => ("等额本金", "Equal principal"),
        /// Interest only, all principal at maturity (到期一次还本).
        Bullet = "bullet" => ("到期一次还本", "Bullet"),
    }
}

labelled! {
    /// Where the debt service reserve account's first balance comes from.
    pub enum DsraFunding {
        /// Funded in full at COD from the sources (a use beside the project cost).
        Cod = "cod" => ("商业运营日一次注资", "Funded at COD"),
        /// Built up from the cash left after debt service.
        CashFlow = "cash-flow" => ("由经营现金流逐期计提", "Funded from cash flow"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ConstructionInput {
    /// Monthly (12) or quarterly (4); 1 and 2 are read too.
    #[serde(deserialize_with = "whole")]
    pub periods_per_year: u32,
    #[ts(type = "string")]
    pub rate_percent: Decimal,
    #[ts(type = "Array<string>")]
    pub draws: Vec<Decimal>,
    pub draw_timing: DrawTimingKey,
}

labelled! {
    /// [`DrawTiming`] as the input names it.
    pub enum DrawTimingKey {
        Start = "start" => ("期初提款（当期计息）", "Drawn at the start (bears the period's interest)"),
        End = "end" => ("期末提款（下期起计息）", "Drawn at the end (interest from the next period)"),
    }
}

impl From<DrawTimingKey> for DrawTiming {
    fn from(k: DrawTimingKey) -> Self {
        match k {
            DrawTimingKey::Start => DrawTiming::Start,
            DrawTimingKey::End => DrawTiming::End,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SweepInput {
    /// The share of the cash left after debt service (and the DSRA) that prepays the debt.
    #[ts(type = "string")]
    pub percent: Decimal,
    /// Below this period DSCR the cash is trapped (lock-up) instead of swept or paid out.
    #[ts(type = "string")]
    pub lockup_dscr: Decimal,
}

/// A floating rate: the LPR quote the loan references plus the bank's spread (贷款市场报价利率
/// 加点, PBoC announcement 〔2019〕15号). `rate_percent` is their sum; this records how it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LprBasis {
    pub tenor: LprTenor,
    /// The quote used, as published.
    #[ts(type = "string")]
    pub lpr_percent: Decimal,
    /// Basis points over (or under, negative) the quote.
    #[serde(deserialize_with = "signed")]
    pub spread_bp: i32,
}

impl LprBasis {
    pub fn rate_percent(&self) -> Decimal {
        self.lpr_percent + Decimal::new(i64::from(self.spread_bp), 2)
    }
}

/// One model's inputs. Series are per operation period, period 1 first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ModelInput {
    /// Operation periods a year: 1, 2 or 4.
    #[serde(deserialize_with = "whole")]
    pub periods_per_year: u32,
    /// The senior debt's annual rate (fixed, or LPR + spread as the officer sets it).
    #[ts(type = "string")]
    pub rate_percent: Decimal,
    /// Set when the rate is LPR + spread: `rate_percent` must be their sum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rate_basis: Option<LprBasis>,
    /// Cash flow available for debt service; empty when built from `revenue` and the rest.
    #[serde(default)]
    #[ts(type = "Array<string>")]
    pub cfads: Vec<Decimal>,
    #[ts(type = "string")]
    pub target_dscr: Decimal,
    /// Total investment (总投资): the gearing cap's base and the 资本金 check's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string | null", optional)]
    pub total_uses: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string | null", optional)]
    pub max_gearing_percent: Option<Decimal>,
    /// A given debt amount instead of the sized one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string | null", optional)]
    pub debt: Option<Decimal>,
    #[serde(default = "sculpted")]
    pub repayment: Repayment,
    /// Periods over which the debt is repaid; default every CFADS period.
    #[serde(
        default,
        deserialize_with = "whole_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(type = "number | null", optional)]
    pub tenor_periods: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub construction: Option<ConstructionInput>,
    #[serde(
        default,
        deserialize_with = "whole_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(type = "number | null", optional)]
    pub dsra_months: Option<u32>,
    #[serde(default = "cod")]
    pub dsra_funding: DsraFunding,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sweep: Option<SweepInput>,
    /// For 偿债备付率 (with `tax`) and 利息备付率 (`ebit`); each one figure per CFADS period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(type = "Array<string>", optional)]
    pub ebitda: Vec<Decimal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(type = "Array<string>", optional)]
    pub tax: Vec<Decimal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(type = "Array<string>", optional)]
    pub ebit: Vec<Decimal>,
    /// CFADS built as revenue − opex − tax − working-capital increase − maintenance capex.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(type = "Array<string>", optional)]
    pub revenue: Vec<Decimal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(type = "Array<string>", optional)]
    pub opex: Vec<Decimal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(type = "Array<string>", optional)]
    pub working_capital_change: Vec<Decimal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(type = "Array<string>", optional)]
    pub maintenance_capex: Vec<Decimal>,
    /// The project's industry for the 资本金 minimum (国发〔2015〕51号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub capital_category: Option<CapitalCategory>,
}

fn sculpted() -> Repayment {
    Repayment::Sculpted
}

fn cod() -> DsraFunding {
    DsraFunding::Cod
}

/// A whole number written as a JSON number or a decimal string ("4").
fn whole<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<u32, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum W {
        N(u32),
        S(String),
    }
    match W::deserialize(d)? {
        W::N(n) => Ok(n),
        W::S(s) => s
            .trim()
            .parse()
            .map_err(|_| serde::de::Error::custom(format!("not a whole number: {s:?}"))),
    }
}

/// A signed whole number, as a JSON number or a decimal string ("-25").
fn signed<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<i32, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum W {
        N(i32),
        S(String),
    }
    match W::deserialize(d)? {
        W::N(n) => Ok(n),
        W::S(s) => s
            .trim()
            .parse()
            .map_err(|_| serde::de::Error::custom(format!("not a whole number: {s:?}"))),
    }
}

fn whole_opt<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<u32>, D::Error> {
    whole(d).map(Some)
}

impl ModelInput {
    /// Reads the JSON object, accepting plain numbers where the contract writes decimal strings
    /// (they are turned into their text first, so `0.1` is 0.1 exactly, not a float).
    pub fn from_json(text: &str) -> std::result::Result<ModelInput, String> {
        let mut value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        numbers_to_strings(&mut value);
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    /// The CFADS the model uses: as entered, or built from its parts.
    pub fn cfads_series(&self) -> Vec<Decimal> {
        if !self.cfads.is_empty() || self.revenue.is_empty() {
            return self.cfads.clone();
        }
        let at = |s: &[Decimal], i: usize| s.get(i).copied().unwrap_or_default();
        (0..self.revenue.len())
            .map(|i| {
                at(&self.revenue, i)
                    - at(&self.opex, i)
                    - at(&self.tax, i)
                    - at(&self.working_capital_change, i)
                    - at(&self.maintenance_capex, i)
            })
            .collect()
    }

    pub fn tenor(&self, cfads_len: usize) -> usize {
        self.tenor_periods.map_or(cfads_len, |t| t as usize)
    }

    /// Refuses what cannot be modelled; nothing is computed before this passes.
    pub fn validate(&self) -> Result<()> {
        if ![1, 2, 4].contains(&self.periods_per_year) {
            return Err(Error::invalid(
                "periods_per_year",
                Rule::Unknown(self.periods_per_year.to_string()),
            ));
        }
        percent("rate_percent", self.rate_percent)?;
        if let Some(b) = &self.rate_basis {
            percent("rate_basis.lpr_percent", b.lpr_percent)?;
            if b.spread_bp.abs() > 2000 {
                return Err(Error::invalid(
                    "rate_basis.spread_bp",
                    Rule::Range {
                        min: "-2000".into(),
                        max: "2000".into(),
                    },
                ));
            }
            if b.rate_percent() != self.rate_percent {
                let sum = b.rate_percent().to_string();
                return Err(Error::invalid("rate_percent", Rule::MustBe(sum)));
            }
        }
        let cfads = self.cfads_series();
        if cfads.is_empty() {
            return Err(Error::invalid("cfads", Rule::Required));
        }
        if cfads.len() > MAX_PERIODS {
            return Err(Error::invalid("cfads", Rule::TooMany(MAX_PERIODS)));
        }
        let n = cfads.len();
        for (key, series) in [
            ("ebitda", &self.ebitda),
            ("tax", &self.tax),
            ("ebit", &self.ebit),
            ("opex", &self.opex),
            ("working_capital_change", &self.working_capital_change),
            ("maintenance_capex", &self.maintenance_capex),
        ] {
            if !series.is_empty() && series.len() != n {
                return Err(Error::invalid(key, Rule::SeriesLength(n)));
            }
            for (i, v) in series.iter().enumerate() {
                amount(&format!("{key}[{}]", i + 1), *v)?;
            }
        }
        let tenor = self.tenor(n);
        if tenor == 0 || tenor > n {
            return Err(Error::invalid(
                "tenor_periods",
                Rule::Range {
                    min: "1".into(),
                    max: n.to_string(),
                },
            ));
        }
        for (i, c) in cfads.iter().enumerate() {
            let key = format!("cfads[{}]", i + 1);
            amount(&key, *c)?;
            // The debt is repaid from these periods' cash: a negative one cannot pay.
            if i < tenor && c.is_sign_negative() && !c.is_zero() {
                return Err(Error::invalid(&key, Rule::NotNegative));
            }
        }
        if self.target_dscr <= Decimal::ZERO {
            return Err(Error::invalid("target_dscr", Rule::Positive));
        }
        if self.target_dscr > Decimal::ONE_HUNDRED {
            return Err(Error::invalid("target_dscr", Rule::AtMost("100".into())));
        }
        if let Some(uses) = self.total_uses {
            positive_amount("total_uses", uses)?;
        }
        if let Some(g) = self.max_gearing_percent {
            if g <= Decimal::ZERO || g > Decimal::ONE_HUNDRED {
                return Err(Error::invalid(
                    "max_gearing_percent",
                    Rule::Range {
                        min: "0".into(),
                        max: "100".into(),
                    },
                ));
            }
            if self.total_uses.is_none() {
                return Err(Error::invalid("total_uses", Rule::Required));
            }
        }
        if let Some(debt) = self.debt {
            positive_amount("debt", debt)?;
        }
        if let Some(c) = &self.construction {
            if ![1, 2, 4, 12].contains(&c.periods_per_year) {
                return Err(Error::invalid(
                    "construction.periods_per_year",
                    Rule::Unknown(c.periods_per_year.to_string()),
                ));
            }
            percent("construction.rate_percent", c.rate_percent)?;
            if c.draws.is_empty() {
                return Err(Error::invalid("construction.draws", Rule::Required));
            }
            if c.draws.len() > MAX_PERIODS {
                return Err(Error::invalid(
                    "construction.draws",
                    Rule::TooMany(MAX_PERIODS),
                ));
            }
            for (i, d) in c.draws.iter().enumerate() {
                let key = format!("construction.draws[{}]", i + 1);
                amount(&key, *d)?;
                if d.is_sign_negative() && !d.is_zero() {
                    return Err(Error::invalid(&key, Rule::NotNegative));
                }
            }
        }
        if let Some(m) = self.dsra_months {
            if m > 36 {
                return Err(Error::invalid(
                    "dsra_months",
                    Rule::Range {
                        min: "0".into(),
                        max: "36".into(),
                    },
                ));
            }
        }
        if let Some(s) = &self.sweep {
            percent("sweep.percent", s.percent)?;
            if s.lockup_dscr < Decimal::ZERO || s.lockup_dscr > Decimal::ONE_HUNDRED {
                return Err(Error::invalid(
                    "sweep.lockup_dscr",
                    Rule::Range {
                        min: "0".into(),
                        max: "100".into(),
                    },
                ));
            }
        }
        Ok(())
    }
}

fn percent(key: &str, v: Decimal) -> Result<()> {
    if v < Decimal::ZERO || v > Decimal::ONE_HUNDRED {
        return Err(Error::invalid(
            key,
            Rule::Range {
                min: "0".into(),
                max: "100".into(),
            },
        ));
    }
    Ok(())
}

fn amount(key: &str, v: Decimal) -> Result<()> {
    if v.abs() > Decimal::from(MAX_AMOUNT) {
        return Err(Error::invalid(key, Rule::AtMost(MAX_AMOUNT.to_string())));
    }
    Ok(())
}

fn positive_amount(key: &str, v: Decimal) -> Result<()> {
    if v <= Decimal::ZERO {
        return Err(Error::invalid(key, Rule::Positive));
    }
    amount(key, v)
}

fn numbers_to_strings(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Number(n) => *v = Value::String(n.to_string()),
        Value::Array(items) => items.iter_mut().for_each(numbers_to_strings),
        Value::Object(map) => map.values_mut().for_each(numbers_to_strings),
        _ => {}
    }
}
