//! Referral asks and the leads they brought, through `domain::referral`.
