//! The credit-code validator: never panics, and what it accepts is a fixed point (an accepted,
//! normalised code validates to itself).
#![no_main]
use libfuzzer_sys::fuzz_target;
use loandesk_core::clients::credit_code::validate;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(code) = validate(&text) {
        assert_eq!(code.chars().count(), 18);
        assert_eq!(validate(&code).as_deref(), Ok(code.as_str()));
    }
});
