//! Money as officers speak it: amounts typed as `500万`, `0.5亿`, `5,000,000` or `５００万`, and
//! shown in the unit the officer chose for a screen (元, 万元, 亿元).
//!
//! Corporate loans are discussed in 万元 and portfolios in 亿元; a payment is what the client
//! transfers, so it is always written in 元 to the fen. The UI mirrors [`parse_amount`] and
//! [`format_amount`] in `ui/src/money.ts` (input is read on every keystroke, with no round
//! trip); both test suites read the same vectors, `crates/core/tests/fixtures/amount_vectors.json`.
mod format;
mod parse;

pub use format::{format_amount, format_payment, unit_label};
pub use parse::{parse_amount, MAX_YUAN};

use crate::labels::labelled;

labelled! {
    /// The unit an amount is shown in. English has no word for 万 or 亿, so it counts them.
    #[derive(Default)]
    pub enum AmountUnit {
        #[default]
        Yuan = "yuan" => ("元", "CNY"),
        Wan = "wan" => ("万元", "×10k CNY"),
        Yi = "yi" => ("亿元", "×100m CNY"),
    }
}

impl AmountUnit {
    /// How many places the decimal point moves from yuan to this unit.
    pub fn places(self) -> u32 {
        match self {
            AmountUnit::Yuan => 0,
            AmountUnit::Wan => 4,
            AmountUnit::Yi => 8,
        }
    }

    /// The unit's word before another currency's code (万 USD, ×10k USD); none for yuan.
    pub fn scale_text(self) -> Option<crate::labels::Text> {
        match self {
            AmountUnit::Yuan => None,
            AmountUnit::Wan => Some(crate::labels::Text::new("万", "×10k")),
            AmountUnit::Yi => Some(crate::labels::Text::new("亿", "×100m")),
        }
    }
}

#[cfg(test)]
mod tests;
