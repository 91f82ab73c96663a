//! What a client record is made of.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

text_enum!(Tier { A = "A", B = "B", C = "C" });
text_enum!(CompanySize { Micro = "micro", Small = "small", Medium = "medium", Large = "large" });
text_enum!(
    /// Where the relationship stands beside/after the journey stages.
    LifecycleStatus { Prospect = "prospect", Active = "active", Loyal = "loyal", Dormant = "dormant", Lost = "lost" }
);
text_enum!(SourceChannel {
    OnlineAd = "online-ad",
    SocialMedia = "social-media",
    TradeShow = "trade-show",
    Referral = "referral",
    BankNetwork = "bank-network",
    WalkIn = "walk-in",
    ExistingClient = "existing-client",
});
text_enum!(ProductType {
    WorkingCapital = "working-capital",
    FixedAsset = "fixed-asset",
    ProjectFinance = "project-finance",
    Sme = "sme",
});
text_enum!(Channel { Visit = "visit", Call = "call", Meeting = "meeting", Email = "email", Messaging = "messaging" });

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

/// What the officer enters when adding or editing a client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClientInput {
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub credit_code: Option<String>,
    /// GB/T 4754 section (`C`) or division (`C34`), or `other` (see `industry.rs`).
    #[serde(default)]
    pub industry_code: Option<String>,
    /// The officer's own words for the industry: what `other` means, or an older free text.
    #[serde(default)]
    pub industry: Option<String>,
    #[serde(default)]
    pub size: Option<CompanySize>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub source_channel: Option<SourceChannel>,
    pub tier: Tier,
    pub status: LifecycleStatus,
    pub stage: u8,
    #[serde(default)]
    pub product: Option<ProductType>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub notes: String,
}

impl ClientInput {
    /// A new lead: only the name is required.
    pub fn named(name: &str) -> ClientInput {
        ClientInput {
            name: name.to_string(),
            name_en: None,
            credit_code: None,
            industry_code: None,
            industry: None,
            size: None,
            region: None,
            source_channel: None,
            tier: Tier::C,
            status: LifecycleStatus::Prospect,
            stage: 1,
            product: None,
            contacts: Vec::new(),
            notes: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Client {
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: ClientInput,
    pub archived: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// One row of the client list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClientSummary {
    pub id: i64,
    pub name: String,
    pub name_en: Option<String>,
    pub credit_code: Option<String>,
    pub industry_code: Option<String>,
    pub industry: Option<String>,
    pub region: Option<String>,
    pub tier: Tier,
    pub status: LifecycleStatus,
    pub stage: u8,
    pub archived: bool,
    pub primary_contact: Option<String>,
    /// The follow-up cadence's next contact (see journey::followups).
    #[ts(type = "string | null")]
    pub next_contact_on: Option<chrono::NaiveDate>,
    /// Principal of the proposed loan scenario, if the client has one.
    #[ts(type = "string | null")]
    pub amount: Option<rust_decimal::Decimal>,
    pub currency: Option<String>,
}

/// The column a client list is sorted by; newest first unless another is chosen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClientSort {
    #[default]
    Newest,
    /// In pinyin order (安 before 北 before 长 before 张).
    Name,
    Stage,
    Tier,
    NextContact,
    Amount,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TouchpointInput {
    #[ts(type = "string")]
    pub date: chrono::NaiveDate,
    pub channel: Channel,
    pub summary: String,
    #[serde(default)]
    pub next_step: String,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub next_contact_date: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Touchpoint {
    pub id: i64,
    pub client_id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: TouchpointInput,
    pub created_at: String,
}

/// Everything the client page shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ClientDetail {
    pub client: Client,
    pub touchpoints: Vec<Touchpoint>,
}

/// List/search request: free text plus filters. Archived clients only when asked.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ClientQuery {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub stage: Option<u8>,
    #[serde(default)]
    pub tier: Option<Tier>,
    #[serde(default)]
    pub status: Option<LifecycleStatus>,
    #[serde(default)]
    pub archived: bool,
    #[serde(default)]
    pub sort: ClientSort,
    /// Largest, latest or last first; clients without a next contact or an amount come last
    /// either way.
    #[serde(default)]
    pub descending: bool,
    #[serde(default)]
    pub offset: u32,
    #[serde(default)]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ClientPage {
    pub items: Vec<ClientSummary>,
    /// Matches counted up to `COUNT_CAP`; `total_capped` says the real number is higher.
    pub total: u32,
    pub total_capped: bool,
}
