//! The security's kinds, each with its key and its name in both languages.
use crate::labels::labelled;

labelled! {
    /// 押品种类.
    pub enum CollateralKind {
        Property = "property" => ("房产", "Property"),
        Land = "land" => ("土地使用权", "Land use right"),
        Equipment = "equipment" => ("机器设备", "Equipment"),
        Vehicle = "vehicle" => ("交通运输工具", "Vehicle"),
        Inventory = "inventory" => ("存货", "Inventory"),
        Receivables = "receivables" => ("应收账款", "Receivables"),
        Deposit = "deposit" => ("存单", "Certificate of deposit"),
        Equity = "equity" => ("股权", "Equity"),
        Ip = "ip" => ("知识产权", "Intellectual property"),
    }
}

labelled! {
    /// A use of a credit line other than a loan (用信品种).
    pub enum FacilityUseKind {
        Acceptance = "acceptance" => ("银行承兑汇票", "Bank acceptance"),
        Guarantee = "guarantee" => ("保函", "Letter of guarantee"),
        Lc = "lc" => ("信用证", "Letter of credit"),
    }
}

labelled! {
    /// 保证方式.
    pub enum GuaranteeKind {
        Joint = "joint" => ("连带责任保证", "Joint and several"),
        General = "general" => ("一般保证", "General"),
    }
}

impl Default for GuaranteeKind {
    /// 《民法典》第六百八十六条: where the contract does not say, the guarantee is general.
    fn default() -> Self {
        GuaranteeKind::General
    }
}

labelled! {
    pub enum GuarantorParty {
        Person = "person" => ("自然人", "Person"),
        Company = "company" => ("企业", "Company"),
    }
}

labelled! {
    /// How much of a loan's outstanding principal its collateral's lendable value covers.
    pub enum CoverageBand {
        Unsecured = "unsecured" => ("无押品", "No collateral"),
        Below50 = "below_50" => ("覆盖率低于 50%", "Covered below 50 %"),
        From50 = "from_50" => ("覆盖率 50%–100%", "Covered 50–100 %"),
        Full = "full" => ("足额覆盖", "Fully covered"),
    }
}

impl CoverageBand {
    /// `coverage_percent` None: nothing outstanding or no collateral.
    pub fn of(has_collateral: bool, coverage_percent: Option<rust_decimal::Decimal>) -> Self {
        use rust_decimal::Decimal;
        match (has_collateral, coverage_percent) {
            (false, _) => CoverageBand::Unsecured,
            (true, None) => CoverageBand::Full,
            (true, Some(p)) if p >= Decimal::ONE_HUNDRED => CoverageBand::Full,
            (true, Some(p)) if p >= Decimal::from(50) => CoverageBand::From50,
            (true, Some(_)) => CoverageBand::Below50,
        }
    }
}
