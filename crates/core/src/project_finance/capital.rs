//! 资本金 (the project's own capital) against the minimum share of total investment set for its
//! industry by 《国务院关于调整和完善固定资产投资项目资本金制度的通知》(国发〔2015〕51号).
//! The bank may hold itself to stricter shares (or a later notice may lower some): Settings
//! edits the table, and these are its defaults.
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::labels::labelled;

labelled! {
    /// The industries of 国发〔2015〕51号's table.
    pub enum CapitalCategory {
        UrbanRail = "urban-rail" => ("城市轨道交通项目", "Urban rail transit"),
        PortShippingAirport = "port-shipping-airport" => ("港口、沿海及内河航运、机场项目", "Ports, coastal and inland shipping, airports"),
        RailRoad = "rail-road" => ("铁路、公路项目", "Railways and roads"),
        AffordableHousing = "affordable-housing" => ("保障性住房和普通商品住房项目", "Affordable and ordinary housing"),
        RealEstateOther = "real-estate-other" => ("其他房地产开发项目", "Other real-estate development"),
        SteelAluminium = "steel-aluminium" => ("钢铁、电解铝项目", "Steel, electrolytic aluminium"),
        Cement = "cement" => ("水泥项目", "Cement"),
        OvercapacityOther = "overcapacity-other" => ("煤炭、电石、铁合金、烧碱、焦炭、黄磷、多晶硅项目", "Coal, calcium carbide, ferroalloys, caustic soda, coke, yellow phosphorus, polysilicon"),
        CornProcessing = "corn-processing" => ("玉米深加工项目", "Corn deep processing"),
        Fertiliser = "fertiliser" => ("化肥（钾肥除外）项目", "Fertiliser (except potash)"),
        PowerAndOther = "power-and-other" => ("电力等其他项目", "Power and other projects"),
    }
}

impl CapitalCategory {
    /// The minimum 资本金 share in percent, as 国发〔2015〕51号 第一条 sets it.
    pub fn default_percent(self) -> Decimal {
        use CapitalCategory as C;
        Decimal::from(match self {
            C::UrbanRail | C::RailRoad | C::AffordableHousing => 20,
            C::PortShippingAirport | C::RealEstateOther => 25,
            C::SteelAluminium => 40,
            C::Cement => 35,
            C::OvercapacityOther => 30,
            C::CornProcessing | C::PowerAndOther => 20,
            C::Fertiliser => 25,
        })
    }
}

/// The minimum share per industry the bank applies; a category left out keeps its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CapitalTable {
    #[ts(type = "Partial<Record<CapitalCategory, string>>")]
    pub overrides: BTreeMap<CapitalCategory, Decimal>,
}

impl CapitalTable {
    pub fn minimum_percent(&self, c: CapitalCategory) -> Decimal {
        self.overrides
            .get(&c)
            .copied()
            .unwrap_or_else(|| c.default_percent())
    }
}

/// The project's 资本金 against its industry's minimum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CapitalCheck {
    pub category: CapitalCategory,
    #[ts(type = "string")]
    pub required_percent: Decimal,
    /// (total uses − senior debt) ÷ total uses, 2 places.
    #[ts(type = "string")]
    pub equity_percent: Decimal,
    pub short: bool,
}
