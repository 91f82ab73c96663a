//! The model from its inputs: construction and IDC, the debt (given, drawn in construction, or
//! sized to the CFADS at the target DSCR and capped by gearing), its repayment, the waterfall,
//! the cover ratios the credit committee reads, 资本金 and the sensitivity cases.
//!
//! Cover ratios (as project-finance term sheets define them):
//! - DSCR_t = CFADS_t ÷ (interest_t + principal_t); the sweep is not debt service.
//! - LLCR_t = PV at the debt rate of CFADS from t to maturity ÷ opening balance of t.
//! - PLCR = PV of every CFADS period (to the project's end) ÷ the debt at the start.
//! - Average DSCR both ways: the mean of the periods' ratios, and ΣCFADS ÷ ΣDS over the periods
//!   with debt service.
//! - 偿债备付率 = (EBITDA − 所得税) ÷ 当期应还本付息额; 利息备付率 = EBIT ÷ 当期应付利息
//!   (《建设项目经济评价方法与参数》第三版).
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;

use super::capital::{CapitalCheck, CapitalTable};
use super::construction::construction;
use super::input::{DsraFunding, ModelInput, Repayment};
use super::repayment::scheduled_principal;
use super::sculpt::dscr_capacity;
use super::sensitivity::{SensitivityCase, SensitivityKind};
use super::warnings::{ModelWarning, PfWarning};
use super::waterfall::{run, Case, Dsra, Flow};
use super::{mul, periodic, ratio};
use crate::error::{Error, Result};
use crate::prefs::Language;
use crate::rule::Rule;

fn money(d: Decimal) -> Decimal {
    let mut d = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(2);
    d
}

fn ratio4(d: Decimal) -> Decimal {
    let mut d = d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(4);
    d
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConstructionRow {
    pub period: u32,
    #[ts(type = "string")]
    pub draw: Decimal,
    #[ts(type = "string")]
    pub interest: Decimal,
    #[ts(type = "string")]
    pub closing: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DsraRow {
    #[ts(type = "string")]
    pub target: Decimal,
    #[ts(type = "string")]
    pub opening: Decimal,
    #[ts(type = "string")]
    pub draw: Decimal,
    #[ts(type = "string")]
    pub deposit: Decimal,
    #[ts(type = "string")]
    pub release: Decimal,
    #[ts(type = "string")]
    pub closing: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SweepRow {
    #[ts(type = "string")]
    pub cash: Decimal,
    #[ts(type = "string")]
    pub swept: Decimal,
    #[ts(type = "string")]
    pub trapped: Decimal,
    #[ts(type = "string")]
    pub released: Decimal,
    #[ts(type = "string")]
    pub distributed: Decimal,
    pub locked_up: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ModelPeriod {
    pub period: u32,
    #[ts(type = "string")]
    pub cfads: Decimal,
    #[ts(type = "string")]
    pub opening: Decimal,
    #[ts(type = "string")]
    pub interest: Decimal,
    #[ts(type = "string")]
    pub principal: Decimal,
    #[ts(type = "string")]
    pub debt_service: Decimal,
    #[ts(type = "string")]
    pub closing: Decimal,
    #[ts(type = "string | null")]
    pub dscr: Option<Decimal>,
    #[ts(type = "string | null")]
    pub llcr: Option<Decimal>,
    /// 偿债备付率, when EBITDA is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(type = "string", optional)]
    pub dscr_cn: Option<Decimal>,
    /// 利息备付率, when EBIT is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(type = "string", optional)]
    pub icr: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub dsra: Option<DsraRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sweep: Option<SweepRow>,
}

/// 资金来源与运用 at COD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SourcesUses {
    /// The total investment as entered.
    #[ts(type = "string")]
    pub project_cost: Decimal,
    /// The DSRA's first balance when funded at COD.
    #[ts(type = "string")]
    pub dsra_funding: Decimal,
    #[ts(type = "string")]
    pub total_uses: Decimal,
    #[ts(type = "string")]
    pub debt: Decimal,
    #[ts(type = "string")]
    pub equity: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProjectModel {
    #[ts(type = "string")]
    pub debt: Decimal,
    /// Σ (CFADS_t ÷ target DSCR) ÷ (1 + r)^t over the tenor.
    #[ts(type = "string")]
    pub capacity: Decimal,
    #[ts(type = "string")]
    pub idc: Decimal,
    #[ts(type = "string")]
    pub debt_at_cod: Decimal,
    /// DSCR_s = NPV(CFADS) ÷ debt, when sculpted.
    #[ts(type = "string | null")]
    pub sculpt_dscr: Option<Decimal>,
    pub construction_periods: Vec<ConstructionRow>,
    pub periods: Vec<ModelPeriod>,
    #[ts(type = "string | null")]
    pub min_dscr: Option<Decimal>,
    #[ts(type = "string | null")]
    pub avg_dscr_mean: Option<Decimal>,
    #[ts(type = "string | null")]
    pub avg_dscr_ratio: Option<Decimal>,
    #[ts(type = "string | null")]
    pub min_llcr: Option<Decimal>,
    /// At the start, before period 1.
    #[ts(type = "string | null")]
    pub llcr: Option<Decimal>,
    #[ts(type = "string | null")]
    pub plcr: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(type = "string", optional)]
    pub min_dscr_cn: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(type = "string", optional)]
    pub min_icr: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sources_uses: Option<SourcesUses>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub capital_check: Option<CapitalCheck>,
    pub sensitivity: Vec<SensitivityCase>,
    pub warnings: Vec<PfWarning>,
}

/// Minimum DSCR, both averages and the minimum LLCR of a run's periods with debt service.
struct Summary {
    min_dscr: Option<Decimal>,
    avg_mean: Option<Decimal>,
    avg_ratio: Option<Decimal>,
    min_llcr: Option<Decimal>,
}

fn summary(flows: &[Flow]) -> Summary {
    let served: Vec<&Flow> = flows
        .iter()
        .filter(|f| !f.debt_service().is_zero())
        .collect();
    let dscrs: Vec<Decimal> = served.iter().filter_map(|f| f.dscr).collect();
    let cfads: Decimal = served.iter().map(|f| f.cfads).sum();
    let ds: Decimal = served.iter().map(|f| f.debt_service()).sum();
    Summary {
        min_dscr: dscrs.iter().copied().min(),
        avg_mean: ratio(dscrs.iter().copied().sum(), Decimal::from(dscrs.len())),
        avg_ratio: ratio(cfads, ds),
        min_llcr: flows.iter().filter_map(|f| f.llcr).min(),
    }
}

/// ModelPeriod numbers as the warnings list them ("2, 3, 5").
fn period_list(flows: &[Flow], pick: impl Fn(&Flow) -> bool) -> Option<String> {
    let list: Vec<String> = flows
        .iter()
        .enumerate()
        .filter(|(_, f)| pick(f))
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    (!list.is_empty()).then(|| list.join(", "))
}

/// The model of `input`; bad input is refused with the key that is wrong and nothing else.
/// `lang`: the warnings' messages.
pub fn model(input: &ModelInput, capital: &CapitalTable, lang: Language) -> Result<ProjectModel> {
    input.validate()?;
    let cfads = input.cfads_series();
    let tenor = input.tenor(cfads.len());
    let rate = periodic(input.rate_percent, input.periods_per_year);
    let served = &cfads[..tenor];
    let capacity = dscr_capacity(served, rate, input.target_dscr);

    let built = match &input.construction {
        Some(c) => Some(construction(
            &c.draws,
            c.rate_percent,
            c.periods_per_year,
            c.draw_timing.into(),
        )?),
        None => None,
    };
    let gearing_cap = match (input.max_gearing_percent, input.total_uses) {
        (Some(g), Some(uses)) => Some(mul(uses, g)? / Decimal::ONE_HUNDRED),
        _ => None,
    };
    // A given amount wins, then what construction drew; otherwise the debt is sized.
    let debt = match (input.debt, &built) {
        (Some(d), _) => d,
        (None, Some(c)) => c.debt_at_cod,
        (None, None) => gearing_cap.map_or(capacity, |cap| cap.min(capacity)),
    };
    if debt <= Decimal::ZERO {
        // Sized to a cash flow with no value: there is no loan to model.
        return Err(Error::invalid("cfads", Rule::Positive));
    }

    let (sculpt_dscr, scheduled) = scheduled_principal(input.repayment, served, rate, debt)?;
    let dsra = input.dsra_months.filter(|m| *m > 0).map(|m| Dsra {
        periods: Decimal::from(m) * Decimal::from(input.periods_per_year) / Decimal::from(12),
        funding: input.dsra_funding,
    });
    let case = |cfads: &[Decimal], rate: Decimal| {
        run(&Case {
            cfads,
            tenor,
            rate,
            debt,
            scheduled: &scheduled,
            dsra: dsra.as_ref(),
            sweep: input.sweep.as_ref(),
        })
    };
    let base = case(&cfads, rate)?;
    let s = summary(&base.flows);

    let mut sensitivity = Vec::with_capacity(SensitivityKind::ALL.len());
    for &kind in SensitivityKind::ALL {
        let (factor, added) = kind.shock();
        let stressed: Vec<Decimal> = cfads.iter().map(|c| *c * factor).collect();
        let r = periodic(input.rate_percent + added, input.periods_per_year);
        let run = case(&stressed, r)?;
        let ss = summary(&run.flows);
        sensitivity.push(SensitivityCase {
            case: kind,
            min_dscr: ss.min_dscr.map(ratio4),
            min_llcr: ss.min_llcr.map(ratio4),
            repays: !run.flows.iter().any(|f| f.shortfall),
        });
    }

    let mut warnings = Vec::new();
    // Compared as shown (4 places): the sculpted cover is the target up to the last decimal.
    if let Some(min) = s.min_dscr.map(ratio4).filter(|d| *d < input.target_dscr) {
        warnings.push(PfWarning::new(
            ModelWarning::DscrBelowTarget,
            &[
                ("dscr", min.to_string()),
                ("target", input.target_dscr.to_string()),
            ],
            lang,
        ));
    }
    if let (Some(cap), Some(uses), Some(max)) =
        (gearing_cap, input.total_uses, input.max_gearing_percent)
    {
        if debt > cap {
            let gearing = money(mul(debt, Decimal::ONE_HUNDRED)? / uses);
            warnings.push(PfWarning::new(
                ModelWarning::GearingAboveMax,
                &[("gearing", gearing.to_string()), ("max", max.to_string())],
                lang,
            ));
        }
    }
    if let Some(periods) = period_list(&base.flows, |f| f.shortfall) {
        warnings.push(PfWarning::new(
            ModelWarning::CashShortfall,
            &[("periods", periods)],
            lang,
        ));
    }
    if input.repayment == Repayment::Sculpted {
        let negative: Vec<String> = scheduled
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_sign_negative() && !p.is_zero())
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        if !negative.is_empty() {
            warnings.push(PfWarning::new(
                ModelWarning::NegativePrincipal,
                &[("periods", negative.join(", "))],
                lang,
            ));
        }
    }

    let sources_uses = input.total_uses.map(|uses| {
        let dsra_funding = match &dsra {
            Some(d) if d.funding == DsraFunding::Cod => base.dsra_at_cod,
            _ => Decimal::ZERO,
        };
        SourcesUses {
            project_cost: money(uses),
            dsra_funding: money(dsra_funding),
            total_uses: money(uses + dsra_funding),
            debt: money(debt),
            equity: money(uses + dsra_funding - debt),
        }
    });
    let capital_check = match (input.capital_category, input.total_uses) {
        (Some(category), Some(uses)) => {
            let required = capital.minimum_percent(category);
            let equity = mul(uses - debt, Decimal::ONE_HUNDRED)? / uses;
            let short = equity < required;
            if short {
                warnings.push(PfWarning::new(
                    ModelWarning::EquityShort,
                    &[
                        ("equity", money(equity).to_string()),
                        ("required", required.to_string()),
                    ],
                    lang,
                ));
            }
            Some(CapitalCheck {
                category,
                required_percent: required,
                equity_percent: money(equity),
                short,
            })
        }
        _ => None,
    };

    let at = |s: &[Decimal], t: usize| s.get(t).copied();
    let periods = base
        .flows
        .iter()
        .enumerate()
        .map(|(t, f)| {
            let ds = f.debt_service();
            let tax = at(&input.tax, t).unwrap_or_default();
            ModelPeriod {
                period: t as u32 + 1,
                cfads: money(f.cfads),
                opening: money(f.opening),
                interest: money(f.interest),
                principal: money(f.principal),
                debt_service: money(ds),
                closing: money(f.closing),
                dscr: f.dscr.map(ratio4),
                llcr: f.llcr.map(ratio4),
                dscr_cn: at(&input.ebitda, t)
                    .and_then(|e| ratio(e - tax, ds))
                    .map(ratio4),
                icr: at(&input.ebit, t)
                    .and_then(|e| ratio(e, f.interest))
                    .map(ratio4),
                dsra: f.dsra.as_ref().map(|d| DsraRow {
                    target: money(d.target),
                    opening: money(d.opening),
                    draw: money(d.draw),
                    deposit: money(d.deposit),
                    release: money(d.release),
                    closing: money(d.closing),
                }),
                sweep: f.sweep.as_ref().map(|s| SweepRow {
                    cash: money(s.cash),
                    swept: money(s.swept),
                    trapped: money(s.trapped),
                    released: money(s.released),
                    distributed: money(s.distributed),
                    locked_up: s.locked_up,
                }),
            }
        })
        .collect::<Vec<_>>();
    let min_of = |pick: fn(&ModelPeriod) -> Option<Decimal>| periods.iter().filter_map(pick).min();

    Ok(ProjectModel {
        debt: money(debt),
        capacity: money(capacity),
        idc: money(built.as_ref().map_or(Decimal::ZERO, |c| c.idc)),
        debt_at_cod: money(built.as_ref().map_or(debt, |c| c.debt_at_cod)),
        sculpt_dscr: sculpt_dscr.map(ratio4),
        construction_periods: built.map_or_else(Vec::new, |c| {
            c.periods
                .iter()
                .enumerate()
                .map(|(i, p)| ConstructionRow {
                    period: i as u32 + 1,
                    draw: money(p.draw),
                    interest: money(p.interest),
                    closing: money(p.closing),
                })
                .collect()
        }),
        min_dscr: s.min_dscr.map(ratio4),
        avg_dscr_mean: s.avg_mean.map(ratio4),
        avg_dscr_ratio: s.avg_ratio.map(ratio4),
        min_llcr: s.min_llcr.map(ratio4),
        llcr: base.flows.first().and_then(|f| f.llcr).map(ratio4),
        plcr: base.plcr.map(ratio4),
        min_dscr_cn: min_of(|p| p.dscr_cn),
        min_icr: min_of(|p| p.icr),
        periods,
        sources_uses,
        capital_check,
        sensitivity,
        warnings,
    })
}
