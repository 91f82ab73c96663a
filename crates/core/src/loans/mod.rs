//! Loan terms, repayment schedules, APR, amounts in Chinese capital numerals.
