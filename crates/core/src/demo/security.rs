//! Demo credit lines and security: every demo loan is drawn under a revolving line half as
//! large again as the loan; odd loans are mortgaged on a property that covers them, the second
//! on equipment that falls short; every loan has its first contact's joint guarantee (the controlling person's),
//! and the first line carries a bank acceptance with a 40 % cash margin.
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use crate::error::Result;
use crate::loans::LoanTerms;
use crate::security::{
    CollateralInput, CollateralKind, FacilityInput, FacilityUseInput, FacilityUseKind,
    GuaranteeKind, GuarantorInput, GuarantorParty,
};
use crate::vault::Vault;

/// `amount × factor`, in whole ten-thousands of yuan (万元), as lines and valuations are written.
fn wan(amount: Decimal, factor: Decimal) -> Decimal {
    let ten_thousand = Decimal::from(10_000);
    (amount * factor / ten_thousand).round() * ten_thousand
}

fn months_after(on: NaiveDate, months: u32) -> NaiveDate {
    on.checked_add_months(Months::new(months)).unwrap_or(on)
}

pub(super) fn facility_for(
    vault: &mut Vault,
    client_id: i64,
    terms: &LoanTerms,
    on: NaiveDate,
    booked: u32,
    today: NaiveDate,
) -> Result<i64> {
    let id = vault.add_facility(&FacilityInput {
        client_id,
        amount: wan(terms.principal, Decimal::new(15, 1)),
        currency: terms.currency.clone(),
        from: on,
        to: months_after(on, 24),
        revolving: true,
    })?;
    if booked == 1 {
        vault.add_facility_use(
            &FacilityUseInput {
                facility_id: id,
                kind: FacilityUseKind::Acceptance,
                amount: wan(terms.principal, Decimal::new(2, 1)),
                margin_percent: Decimal::from(40),
                on,
            },
            today,
        )?;
    }
    Ok(id)
}

pub(super) fn secure(
    vault: &mut Vault,
    client_id: i64,
    loan_id: i64,
    terms: &LoanTerms,
    on: NaiveDate,
    booked: u32,
    today: NaiveDate,
) -> Result<()> {
    let item = |kind, factor: Decimal, description: &str, registration: &str| CollateralInput {
        kind,
        owner: String::new(),
        description: description.into(),
        value: wan(terms.principal, factor),
        valued_on: on,
        source: "评估报告".into(),
        cap_percent: None,
        prior_lien: Decimal::ZERO,
        registration_no: registration.into(),
        registered_until: Some(months_after(on, 36)),
        insured_until: Some(months_after(on, 12)),
    };
    if booked % 2 == 1 {
        let no = format!("苏(2025)不动产证明第{:07}号", 3_100_000 + booked);
        vault.add_collateral(
            loan_id,
            &item(
                CollateralKind::Property,
                Decimal::new(16, 1),
                "厂房及土地",
                &no,
            ),
            today,
        )?;
    } else if booked == 2 {
        vault.add_collateral(
            loan_id,
            &item(
                CollateralKind::Equipment,
                Decimal::new(8, 1),
                "生产线设备",
                "动产抵押登记",
            ),
            today,
        )?;
    }
    let contact = vault.client(client_id)?.fields.contacts.into_iter().next();
    let Some(contact) = contact else {
        return Ok(());
    };
    vault.add_guarantor(
        loan_id,
        &GuarantorInput {
            party: GuarantorParty::Person,
            name: contact.name,
            credit_code: None,
            kind: GuaranteeKind::Joint,
            limit: None,
            from: Some(on),
            to: Some(months_after(on, terms.term_months + 36)),
            relation: "实际控制人".into(),
        },
    )?;
    Ok(())
}
