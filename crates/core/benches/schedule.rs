//! Schedule and APR timings (filled in by the next commit).
fn main() {}
