//! The cash waterfall of the operation periods, on the actual balance: interest, the scheduled
//! principal (never more than is owed; the tenor's last period pays whatever is left), the
//! debt service reserve, then the sweep or the lock-up. The base case and every sensitivity
//! case run through it with the same scheduled principal, as the loan contract fixes it.
use rust_decimal::Decimal;

use super::input::{DsraFunding, SweepInput};
use super::{add, mul, ratio};
use crate::error::Result;

/// The debt service reserve account: the next `periods` (may be fractional) of scheduled debt
/// service, as the facility agreement's DSRA clause sets it in months.
pub struct Dsra {
    pub periods: Decimal,
    pub funding: DsraFunding,
}

pub struct Case<'a> {
    pub cfads: &'a [Decimal],
    /// Periods of the tenor (≤ `cfads.len()`).
    pub tenor: usize,
    pub rate: Decimal,
    pub debt: Decimal,
    pub scheduled: &'a [Decimal],
    pub dsra: Option<&'a Dsra>,
    pub sweep: Option<&'a SweepInput>,
}

#[derive(Debug, Clone, Default)]
pub struct DsraFlow {
    pub target: Decimal,
    pub opening: Decimal,
    /// Taken out to pay debt service the period's cash could not.
    pub draw: Decimal,
    pub deposit: Decimal,
    pub release: Decimal,
    pub closing: Decimal,
}

#[derive(Debug, Clone, Default)]
pub struct SweepFlow {
    /// Cash after debt service and the DSRA.
    pub cash: Decimal,
    pub swept: Decimal,
    /// Trapped this period (the lock-up test failed).
    pub trapped: Decimal,
    /// Earlier trapped cash let go this period.
    pub released: Decimal,
    pub distributed: Decimal,
    pub locked_up: bool,
}

#[derive(Debug, Clone)]
pub struct Flow {
    pub cfads: Decimal,
    pub opening: Decimal,
    pub interest: Decimal,
    pub principal: Decimal,
    pub closing: Decimal,
    pub dscr: Option<Decimal>,
    /// PV of the tenor's remaining CFADS ÷ opening; none once the debt is repaid.
    pub llcr: Option<Decimal>,
    pub dsra: Option<DsraFlow>,
    pub sweep: Option<SweepFlow>,
    /// Cash (after any DSRA draw) did not cover the period's debt service.
    pub shortfall: bool,
}

impl Flow {
    pub fn debt_service(&self) -> Decimal {
        self.interest + self.principal
    }
}

pub struct Run {
    pub flows: Vec<Flow>,
    /// The DSRA's balance at COD (funded from the sources).
    pub dsra_at_cod: Decimal,
    pub plcr: Option<Decimal>,
}

/// PV at `rate` of `flows[t..]` at the start of each period t (the flow of t discounted once).
fn pv_from(flows: &[Decimal], rate: Decimal) -> Result<Vec<Decimal>> {
    let mut out = vec![Decimal::ZERO; flows.len() + 1];
    for t in (0..flows.len()).rev() {
        out[t] = add(flows[t], out[t + 1])? / (Decimal::ONE + rate);
    }
    Ok(out)
}

/// The scheduled debt service of each tenor period, on the scheduled balance.
fn scheduled_debt_service(c: &Case) -> Result<Vec<Decimal>> {
    let mut balance = c.debt;
    let mut out = Vec::with_capacity(c.tenor);
    for &p in &c.scheduled[..c.tenor] {
        out.push(add(mul(balance, c.rate)?, p)?);
        balance -= p;
    }
    Ok(out)
}

/// What the DSRA must hold after period `after` (None: at COD): the next `periods` of
/// scheduled debt service, the last one pro rata when the months are not whole periods.
fn dsra_target(ds: &[Decimal], after: Option<usize>, periods: Decimal) -> Decimal {
    let first = after.map_or(0, |t| t + 1);
    let mut left = periods;
    let mut target = Decimal::ZERO;
    for &d in ds.iter().skip(first) {
        if left <= Decimal::ZERO {
            break;
        }
        target += d * left.min(Decimal::ONE);
        left -= Decimal::ONE;
    }
    target
}

pub fn run(c: &Case) -> Result<Run> {
    let served = &c.cfads[..c.tenor];
    let pv_tenor = pv_from(served, c.rate)?;
    let pv_life = pv_from(c.cfads, c.rate)?;
    let ds_scheduled = match c.dsra {
        Some(_) => scheduled_debt_service(c)?,
        None => Vec::new(),
    };
    let dsra_at_cod = match c.dsra {
        Some(d) if d.funding == DsraFunding::Cod => dsra_target(&ds_scheduled, None, d.periods),
        _ => Decimal::ZERO,
    };
    let mut balance = c.debt;
    let mut reserve = dsra_at_cod;
    let mut trapped = Decimal::ZERO;
    let mut flows = Vec::with_capacity(c.cfads.len());
    let last = c.cfads.len() - 1;
    for (t, &cfads) in c.cfads.iter().enumerate() {
        let opening = balance;
        let in_tenor = t < c.tenor;
        let interest = if in_tenor {
            mul(opening, c.rate)?
        } else {
            Decimal::ZERO
        };
        let principal = match t {
            _ if !in_tenor => Decimal::ZERO,
            _ if t + 1 == c.tenor => opening,
            _ => c.scheduled[t].min(opening),
        };
        let debt_service = add(interest, principal)?;
        let dscr = ratio(cfads, debt_service);
        let llcr = if in_tenor && opening > Decimal::ZERO {
            ratio(pv_tenor[t], opening)
        } else {
            None
        };
        let mut cash = add(cfads, -debt_service)?;
        let mut closing = opening - principal;

        let dsra = match c.dsra {
            None => None,
            Some(d) => {
                let target = if closing > Decimal::ZERO {
                    dsra_target(&ds_scheduled, Some(t), d.periods)
                } else {
                    Decimal::ZERO
                };
                let mut f = DsraFlow {
                    target,
                    opening: reserve,
                    ..DsraFlow::default()
                };
                if cash < Decimal::ZERO {
                    f.draw = (-cash).min(reserve);
                    cash += f.draw;
                }
                let held = reserve - f.draw;
                if held < target {
                    f.deposit = (target - held).min(cash.max(Decimal::ZERO));
                    cash -= f.deposit;
                } else {
                    f.release = held - target;
                    cash += f.release;
                }
                f.closing = held + f.deposit - f.release;
                reserve = f.closing;
                Some(f)
            }
        };
        let shortfall = cash < Decimal::ZERO;

        let sweep = match c.sweep {
            None => None,
            Some(s) => {
                let mut f = SweepFlow {
                    cash,
                    ..SweepFlow::default()
                };
                let available = cash.max(Decimal::ZERO);
                // The lock-up test reads the period's DSCR; a period without debt service passes.
                let passes = dscr.is_none_or(|d| d >= s.lockup_dscr);
                if passes || t == last {
                    f.released = trapped;
                    trapped = Decimal::ZERO;
                    let pool = available + f.released;
                    f.swept = if passes {
                        (mul(pool, s.percent)? / Decimal::ONE_HUNDRED).min(closing)
                    } else {
                        Decimal::ZERO
                    };
                    f.distributed = pool - f.swept;
                } else {
                    f.locked_up = true;
                    f.trapped = available;
                    trapped += available;
                }
                closing -= f.swept;
                Some(f)
            }
        };
        balance = closing;
        flows.push(Flow {
            cfads,
            opening,
            interest,
            principal,
            closing,
            dscr,
            llcr,
            dsra,
            sweep,
            shortfall,
        });
    }
    Ok(Run {
        flows,
        dsra_at_cod,
        plcr: ratio(pv_life[0], c.debt),
    })
}
