//! TypeScript declarations of every type the UI exchanges with the core, generated with ts-rs
//! into one committed file (`ui/src/bindings.ts`), followed by the core's label catalogue
//! (`CATALOGUE`, see `labels.rs`). A test fails when that file is stale;
//! `UPDATE_BINDINGS=1 cargo test -p loandesk-core --test bindings` rewrites it.
use ts_rs::{Config, TS};

use crate::analysis::{
    BalanceBasis, Bound, CreditAnalysis, DebtService, Ratio, RatioGroup, RatioKind, RatioStatus,
    RatioUnit, Thresholds, WcNeed, WcNeedAssumptions, WcNeedFromStatements, WcNeedInput,
    WcNeedWarning, YearRatios,
};
use crate::clients::*;
// DocumentKind (documents::kind, re-exported by journey) is declared with the journey types below.
use crate::amount::AmountUnit;
use crate::bank_profile::BankProfile;
use crate::documents::{
    DocumentSummary, FailedImport, FileType, FinancialYear, ImportReport, StatementImport,
    StatementLine,
};
use crate::error::ErrorPayload;
use crate::error_code::ErrorCode;
use crate::journey::{
    Activity, Board, BoardCard, BoardColumn, BoardQuery, Cadence, ChecklistItem, ChecklistTemplate,
    ColumnAmount, DocumentKind, EntryVia, FollowUp, FollowUpCard, Funnel, FunnelStage,
    ItemDocument, ItemState, JourneyView, LostCount, LostReason, LostReasonInput, OneOffItemInput,
    StageChecklist, StageEntry, StageMove, StatusChange, StatusInput, StuckCard, TemplateItem,
    TemplateItemInput, Today, TodayQuery,
};
use crate::loans::{
    DayCount, LoanScenario, LoanTerms, LprTenor, Method, Period, Rate, Rounding, ScenarioInput,
    Schedule, Summary,
};
use crate::pdf::{ExportKind, ExportRequest, ExportResult};
use crate::prefs::{AmountScreen, AmountUnits, AppStatus, Language, Layout, Prefs, VaultChoice};
use crate::rule::RuleCode;
use crate::security::{
    Collateral, CollateralInput, CollateralKind, CoverageBand, Facility, FacilityInput,
    FacilityLoan, FacilityUse, FacilityUseInput, FacilityUseKind, GuaranteeKind, Guarantor,
    GuarantorInput, GuarantorParty, KindTerms, LoanSecurity, Revaluation, SecuritySettings,
    Valuation,
};
use crate::servicing::{
    AgeBucket, BookingInput, Classification, ClassificationChange, DisbursementInput,
    LoanDisbursement, LoanRepayment, LoanSummary, LoanVersion, LoanView, MonthCashIn, PeriodStatus,
    PeriodView, Portfolio, RatioAlert, Reminder, ReminderKind, ReminderMark, Slice, TodayReminders,
    WorkingDays,
};
use crate::servicing::{
    AllocationPart, LprRate, PenaltyBasis, PenaltyTerms, PenaltyWaiver, PrepayFee, PrepayMode,
    PrepaymentInput, Reprice, RepricingDue, ScheduleChange, ScheduleRow,
};
use crate::servicing::{CalendarChange, CalendarDay, CalendarPreview, CalendarSummary, DayKind};
use crate::servicing::{Headline, PortfolioLoan};
use crate::vault::{AuditEntry, BackupSettings, BackupStatus, VaultReport};

fn decl<T: TS>(cfg: &Config, out: &mut String) {
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
    }
    out.push_str("export ");
    out.push_str(&T::decl(cfg));
    out.push_str("\n\n");
}

pub fn typescript() -> String {
    // Ids and counts are well inside 2^53: plain numbers are what serde_json sends.
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types by loandesk-core (src/bindings.rs). Do not edit.\n\n",
    );
    decl::<ErrorCode>(&cfg, &mut out);
    decl::<RuleCode>(&cfg, &mut out);
    decl::<ErrorPayload>(&cfg, &mut out);
    decl::<VaultReport>(&cfg, &mut out);
    decl::<BackupSettings>(&cfg, &mut out);
    decl::<BackupStatus>(&cfg, &mut out);
    decl::<Language>(&cfg, &mut out);
    decl::<VaultChoice>(&cfg, &mut out);
    decl::<Layout>(&cfg, &mut out);
    decl::<AmountUnit>(&cfg, &mut out);
    decl::<AmountScreen>(&cfg, &mut out);
    decl::<AmountUnits>(&cfg, &mut out);
    decl::<Prefs>(&cfg, &mut out);
    decl::<AppStatus>(&cfg, &mut out);
    decl::<AuditEntry>(&cfg, &mut out);
    decl::<Tier>(&cfg, &mut out);
    decl::<CompanySize>(&cfg, &mut out);
    decl::<LifecycleStatus>(&cfg, &mut out);
    decl::<SourceChannel>(&cfg, &mut out);
    decl::<ProductType>(&cfg, &mut out);
    decl::<Channel>(&cfg, &mut out);
    decl::<Contact>(&cfg, &mut out);
    decl::<ClientInput>(&cfg, &mut out);
    decl::<Client>(&cfg, &mut out);
    decl::<ClientSummary>(&cfg, &mut out);
    decl::<ClientSort>(&cfg, &mut out);
    decl::<ClientQuery>(&cfg, &mut out);
    decl::<ClientPage>(&cfg, &mut out);
    decl::<ImportColumn>(&cfg, &mut out);
    decl::<ImportProblem>(&cfg, &mut out);
    decl::<ImportRow>(&cfg, &mut out);
    decl::<ImportPreview>(&cfg, &mut out);
    decl::<ImportResult>(&cfg, &mut out);
    decl::<TouchpointInput>(&cfg, &mut out);
    decl::<Touchpoint>(&cfg, &mut out);
    decl::<ClientDetail>(&cfg, &mut out);
    decl::<SensitiveField>(&cfg, &mut out);
    decl::<Method>(&cfg, &mut out);
    decl::<LprTenor>(&cfg, &mut out);
    decl::<Rate>(&cfg, &mut out);
    decl::<DayCount>(&cfg, &mut out);
    decl::<Rounding>(&cfg, &mut out);
    decl::<LoanTerms>(&cfg, &mut out);
    decl::<Period>(&cfg, &mut out);
    decl::<Summary>(&cfg, &mut out);
    decl::<Schedule>(&cfg, &mut out);
    decl::<LoanScenario>(&cfg, &mut out);
    decl::<ScenarioInput>(&cfg, &mut out);
    decl::<DisbursementInput>(&cfg, &mut out);
    decl::<BookingInput>(&cfg, &mut out);
    decl::<PeriodStatus>(&cfg, &mut out);
    decl::<AgeBucket>(&cfg, &mut out);
    decl::<Classification>(&cfg, &mut out);
    decl::<PeriodView>(&cfg, &mut out);
    decl::<LoanDisbursement>(&cfg, &mut out);
    decl::<LoanRepayment>(&cfg, &mut out);
    decl::<LoanVersion>(&cfg, &mut out);
    decl::<ClassificationChange>(&cfg, &mut out);
    decl::<LoanSummary>(&cfg, &mut out);
    decl::<LoanView>(&cfg, &mut out);
    decl::<ReminderKind>(&cfg, &mut out);
    decl::<Reminder>(&cfg, &mut out);
    decl::<ReminderMark>(&cfg, &mut out);
    decl::<RatioAlert>(&cfg, &mut out);
    decl::<TodayReminders>(&cfg, &mut out);
    decl::<Slice>(&cfg, &mut out);
    decl::<MonthCashIn>(&cfg, &mut out);
    decl::<Headline>(&cfg, &mut out);
    decl::<PortfolioLoan>(&cfg, &mut out);
    decl::<Portfolio>(&cfg, &mut out);
    decl::<WorkingDays>(&cfg, &mut out);
    decl::<DayKind>(&cfg, &mut out);
    decl::<CalendarDay>(&cfg, &mut out);
    decl::<CalendarChange>(&cfg, &mut out);
    decl::<CalendarPreview>(&cfg, &mut out);
    decl::<CalendarSummary>(&cfg, &mut out);
    decl::<CollateralKind>(&cfg, &mut out);
    decl::<FacilityUseKind>(&cfg, &mut out);
    decl::<GuaranteeKind>(&cfg, &mut out);
    decl::<GuarantorParty>(&cfg, &mut out);
    decl::<CoverageBand>(&cfg, &mut out);
    decl::<FacilityInput>(&cfg, &mut out);
    decl::<FacilityUseInput>(&cfg, &mut out);
    decl::<FacilityLoan>(&cfg, &mut out);
    decl::<FacilityUse>(&cfg, &mut out);
    decl::<Facility>(&cfg, &mut out);
    decl::<CollateralInput>(&cfg, &mut out);
    decl::<Revaluation>(&cfg, &mut out);
    decl::<Valuation>(&cfg, &mut out);
    decl::<Collateral>(&cfg, &mut out);
    decl::<GuarantorInput>(&cfg, &mut out);
    decl::<Guarantor>(&cfg, &mut out);
    decl::<LoanSecurity>(&cfg, &mut out);
    decl::<KindTerms>(&cfg, &mut out);
    decl::<SecuritySettings>(&cfg, &mut out);
    decl::<AllocationPart>(&cfg, &mut out);
    decl::<PenaltyBasis>(&cfg, &mut out);
    decl::<PenaltyTerms>(&cfg, &mut out);
    decl::<PenaltyWaiver>(&cfg, &mut out);
    decl::<Reprice>(&cfg, &mut out);
    decl::<LprRate>(&cfg, &mut out);
    decl::<RepricingDue>(&cfg, &mut out);
    decl::<PrepayMode>(&cfg, &mut out);
    decl::<PrepayFee>(&cfg, &mut out);
    decl::<PrepaymentInput>(&cfg, &mut out);
    decl::<ScheduleRow>(&cfg, &mut out);
    decl::<ScheduleChange>(&cfg, &mut out);
    decl::<ExportKind>(&cfg, &mut out);
    decl::<ExportRequest>(&cfg, &mut out);
    decl::<BankProfile>(&cfg, &mut out);
    decl::<ExportResult>(&cfg, &mut out);
    decl::<FileType>(&cfg, &mut out);
    decl::<DocumentSummary>(&cfg, &mut out);
    decl::<FailedImport>(&cfg, &mut out);
    decl::<ImportReport>(&cfg, &mut out);
    decl::<StatementLine>(&cfg, &mut out);
    decl::<FinancialYear>(&cfg, &mut out);
    decl::<StatementImport>(&cfg, &mut out);
    decl::<Thresholds>(&cfg, &mut out);
    decl::<RatioKind>(&cfg, &mut out);
    decl::<Bound>(&cfg, &mut out);
    decl::<RatioStatus>(&cfg, &mut out);
    decl::<RatioUnit>(&cfg, &mut out);
    decl::<BalanceBasis>(&cfg, &mut out);
    decl::<RatioGroup>(&cfg, &mut out);
    decl::<Ratio>(&cfg, &mut out);
    decl::<DebtService>(&cfg, &mut out);
    decl::<YearRatios>(&cfg, &mut out);
    decl::<CreditAnalysis>(&cfg, &mut out);
    decl::<WcNeedInput>(&cfg, &mut out);
    decl::<WcNeedWarning>(&cfg, &mut out);
    decl::<WcNeed>(&cfg, &mut out);
    decl::<WcNeedAssumptions>(&cfg, &mut out);
    decl::<WcNeedFromStatements>(&cfg, &mut out);
    feedback(&cfg, &mut out);
    lifecycle(&cfg, &mut out);
    journey(&cfg, &mut out);
    project_finance(&cfg, &mut out);
    ocr(&cfg, &mut out);
    out.push_str(&crate::analysis::typescript());
    out.push_str(&crate::labels::typescript());
    out.trim_end().to_string() + "\n"
}

fn project_finance(cfg: &Config, out: &mut String) {
    use crate::project_finance::store::CapitalMinimum;
    use crate::project_finance::{
        CapitalCategory, CapitalCheck, CapitalTable, ConstructionInput, ConstructionRow,
        DrawTimingKey, DsraFunding, DsraRow, LprBasis, ModelInput, ModelPeriod, ModelWarning,
        PfWarning, ProjectModel, Repayment, SensitivityCase, SensitivityKind, SourcesUses,
        SweepInput, SweepRow,
    };
    decl::<Repayment>(cfg, out);
    decl::<DsraFunding>(cfg, out);
    decl::<DrawTimingKey>(cfg, out);
    decl::<CapitalCategory>(cfg, out);
    decl::<CapitalTable>(cfg, out);
    decl::<CapitalMinimum>(cfg, out);
    decl::<CapitalCheck>(cfg, out);
    decl::<ConstructionInput>(cfg, out);
    decl::<SweepInput>(cfg, out);
    decl::<LprBasis>(cfg, out);
    decl::<ModelInput>(cfg, out);
    decl::<ConstructionRow>(cfg, out);
    decl::<DsraRow>(cfg, out);
    decl::<SweepRow>(cfg, out);
    decl::<ModelPeriod>(cfg, out);
    decl::<SourcesUses>(cfg, out);
    decl::<SensitivityKind>(cfg, out);
    decl::<SensitivityCase>(cfg, out);
    decl::<ModelWarning>(cfg, out);
    decl::<PfWarning>(cfg, out);
    decl::<ProjectModel>(cfg, out);
}

fn ocr(cfg: &Config, out: &mut String) {
    use crate::ocr::review::{AcceptedField, LicenceField, LicenceFieldReview, LicenceReview};
    use crate::ocr::{OcrBox, StatementRead};
    decl::<OcrBox>(cfg, out);
    decl::<LicenceField>(cfg, out);
    decl::<LicenceFieldReview>(cfg, out);
    decl::<LicenceReview>(cfg, out);
    decl::<AcceptedField>(cfg, out);
    decl::<StatementRead>(cfg, out);
    decl::<crate::documents::StatementYearInput>(cfg, out);
}

fn feedback(cfg: &Config, out: &mut String) {
    use crate::feedback::{
        Feedback, FeedbackIds, FeedbackInput, FeedbackSettings, JourneyMap, JourneyMapStage,
        JourneyMapTier, Mood, Need, NeedInput, Problem, ProblemCategory, ProblemInput,
    };
    decl::<Mood>(cfg, out);
    decl::<ProblemCategory>(cfg, out);
    decl::<ProblemInput>(cfg, out);
    decl::<NeedInput>(cfg, out);
    decl::<FeedbackInput>(cfg, out);
    decl::<FeedbackIds>(cfg, out);
    decl::<Problem>(cfg, out);
    decl::<Need>(cfg, out);
    decl::<Feedback>(cfg, out);
    decl::<FeedbackSettings>(cfg, out);
    decl::<JourneyMapStage>(cfg, out);
    decl::<JourneyMapTier>(cfg, out);
    decl::<JourneyMap>(cfg, out);
}

fn lifecycle(cfg: &Config, out: &mut String) {
    use crate::journey::{Opportunity, OpportunityKind, OpportunitySource};
    use crate::lifecycle::{
        ClientProfile, DormantDays, LifecycleSettings, LifecycleSuggestion, ProposedAmount,
        Referral, ScorePoint, SuggestionReason,
    };
    decl::<SuggestionReason>(cfg, out);
    decl::<LifecycleSuggestion>(cfg, out);
    decl::<DormantDays>(cfg, out);
    decl::<LifecycleSettings>(cfg, out);
    decl::<Referral>(cfg, out);
    decl::<OpportunityKind>(cfg, out);
    decl::<OpportunitySource>(cfg, out);
    decl::<Opportunity>(cfg, out);
    decl::<ScorePoint>(cfg, out);
    decl::<ProposedAmount>(cfg, out);
    decl::<ClientProfile>(cfg, out);
}

fn journey(cfg: &Config, out: &mut String) {
    decl::<DocumentKind>(cfg, out);
    decl::<TemplateItem>(cfg, out);
    decl::<TemplateItemInput>(cfg, out);
    decl::<ChecklistTemplate>(cfg, out);
    decl::<ItemState>(cfg, out);
    decl::<ItemDocument>(cfg, out);
    decl::<ChecklistItem>(cfg, out);
    decl::<OneOffItemInput>(cfg, out);
    decl::<StageChecklist>(cfg, out);
    decl::<EntryVia>(cfg, out);
    decl::<StageEntry>(cfg, out);
    decl::<StatusChange>(cfg, out);
    decl::<StatusInput>(cfg, out);
    decl::<LostReason>(cfg, out);
    decl::<LostReasonInput>(cfg, out);
    decl::<FollowUp>(cfg, out);
    decl::<JourneyView>(cfg, out);
    decl::<StageMove>(cfg, out);
    decl::<Cadence>(cfg, out);
    decl::<BoardQuery>(cfg, out);
    decl::<BoardCard>(cfg, out);
    decl::<ColumnAmount>(cfg, out);
    decl::<BoardColumn>(cfg, out);
    decl::<Board>(cfg, out);
    decl::<TodayQuery>(cfg, out);
    decl::<FollowUpCard>(cfg, out);
    decl::<StuckCard>(cfg, out);
    decl::<Activity>(cfg, out);
    decl::<Today>(cfg, out);
    decl::<LostCount>(cfg, out);
    decl::<FunnelStage>(cfg, out);
    decl::<Funnel>(cfg, out);
}
