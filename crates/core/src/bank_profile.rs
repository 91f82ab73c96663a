//! Who sends the exports: the bank, the branch and the officer (name, phone), as printed on a
//! proposal's cover and signature block (Settings → bank and officer). Kept in the vault's
//! settings; the officer's name keeps the key it always had, so older vaults keep theirs.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::Vault;

const BANK_KEY: &str = "bank_name";
const BRANCH_KEY: &str = "bank_branch";
pub(crate) const OFFICER_KEY: &str = "officer_name";
const PHONE_KEY: &str = "officer_phone";

/// Longest bank or branch name: the longest real ones (e.g. 中国农业发展银行 + a county
/// sub-branch) are about 30 characters.
const MAX_NAME: usize = 60;
const MAX_PHONE: usize = 30;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BankProfile {
    /// 银行名称, e.g. 中国工商银行.
    pub bank_name: String,
    /// 支行 / 分行, e.g. 苏州工业园区支行.
    pub branch: String,
    /// 客户经理.
    pub officer_name: String,
    /// The officer's phone as the client should call it (digits, spaces, + - ( )).
    pub officer_phone: String,
}

impl BankProfile {
    /// What the first export asks for when it is missing: a proposal names its sender.
    pub fn is_complete(&self) -> bool {
        !self.bank_name.is_empty() && !self.branch.is_empty() && !self.officer_name.is_empty()
    }

    /// Trimmed and checked; the first field in error is reported.
    fn checked(&self) -> Result<BankProfile> {
        let out = BankProfile {
            bank_name: self.bank_name.trim().to_owned(),
            branch: self.branch.trim().to_owned(),
            officer_name: self.officer_name.trim().to_owned(),
            officer_phone: self.officer_phone.trim().to_owned(),
        };
        for (field, value) in [
            ("bank_name", &out.bank_name),
            ("branch", &out.branch),
            ("officer_name", &out.officer_name),
        ] {
            if value.chars().count() > MAX_NAME {
                return Err(Error::invalid(field, Rule::MaxChars(MAX_NAME)));
            }
        }
        if out.officer_phone.chars().count() > MAX_PHONE {
            return Err(Error::invalid("officer_phone", Rule::MaxChars(MAX_PHONE)));
        }
        if !out
            .officer_phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        {
            return Err(Error::invalid("officer_phone", Rule::Phone));
        }
        Ok(out)
    }
}

impl Vault {
    /// Empty strings until set.
    pub fn bank_profile(&self) -> Result<BankProfile> {
        let get = |key| -> Result<String> { Ok(self.setting(key)?.unwrap_or_default()) };
        Ok(BankProfile {
            bank_name: get(BANK_KEY)?,
            branch: get(BRANCH_KEY)?,
            officer_name: get(OFFICER_KEY)?,
            officer_phone: get(PHONE_KEY)?,
        })
    }

    /// All four fields at once, or none when one is refused.
    pub fn set_bank_profile(&mut self, profile: &BankProfile) -> Result<BankProfile> {
        let p = profile.checked()?;
        self.write_settings(
            &[
                (BANK_KEY, &p.bank_name),
                (BRANCH_KEY, &p.branch),
                (OFFICER_KEY, &p.officer_name),
                (PHONE_KEY, &p.officer_phone),
            ],
            ("settings.set", "settings", "bank_profile"),
        )?;
        Ok(p)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn profile(phone: &str) -> BankProfile {
        BankProfile {
            bank_name: " 中国工商银行 ".into(),
            branch: "苏州工业园区支行".into(),
            officer_name: "王磊".into(),
            officer_phone: phone.into(),
        }
    }

    fn vault(dir: &tempfile::TempDir) -> Vault {
        Vault::create(&dir.path().join("v.loandesk"), "correct horse battery").unwrap()
    }

    #[test]
    fn saved_trimmed_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut v = vault(&dir);
        assert_eq!(v.bank_profile().unwrap(), BankProfile::default());
        v.set_bank_profile(&profile("0512-6288 1234")).unwrap();
        let p = v.bank_profile().unwrap();
        assert_eq!(p.bank_name, "中国工商银行");
        assert_eq!(p.officer_phone, "0512-6288 1234");
        assert!(p.is_complete());
        // The officer's name is the one the rest of the vault has always read.
        assert_eq!(v.officer_name().unwrap(), "王磊");
    }

    #[test]
    fn bad_phone_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut v = vault(&dir);
        v.set_bank_profile(&profile("138 0000 0000")).unwrap();
        let err = v.set_bank_profile(&profile("call me")).unwrap_err();
        assert_eq!(err.code(), "validation");
        assert_eq!(v.bank_profile().unwrap().officer_phone, "138 0000 0000");
        let long = BankProfile {
            branch: "支".repeat(61),
            ..profile("")
        };
        assert!(v.set_bank_profile(&long).is_err());
        assert_eq!(v.bank_profile().unwrap().branch, "苏州工业园区支行");
    }
}
