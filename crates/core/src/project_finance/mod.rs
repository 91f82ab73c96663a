//! Project finance (项目融资, 银监发〔2009〕71号: repaid mainly from the project's own cash flow):
//! the feasibility model of issue 17, built piece by piece. Exact decimal throughout; amounts are
//! rounded to 2 places only where shown, ratios to 4.
pub mod construction;
pub mod sculpt;
