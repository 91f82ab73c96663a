//! The client's mood in a word, and the default categories of the problems raised.
use crate::labels::labelled;

labelled! {
    /// How the client came across (客户情绪).
    pub enum Mood {
        Satisfied = "satisfied" => ("满意", "Satisfied"),
        Neutral = "neutral" => ("一般", "Neutral"),
        Anxious = "anxious" => ("焦虑", "Anxious"),
        Dissatisfied = "dissatisfied" => ("不满", "Dissatisfied"),
    }
}

labelled! {
    /// The default problem categories; Settings may add the bank's own.
    pub enum ProblemCategory {
        Materials = "materials" => ("材料繁琐", "Too many documents"),
        SlowApproval = "slow_approval" => ("审批慢", "Slow approval"),
        Price = "price" => ("利率/费用", "Rate and fees"),
        Communication = "communication" => ("沟通", "Communication"),
        Amount = "amount" => ("额度", "Amount"),
        Other = "other" => ("其他", "Other"),
    }
}
