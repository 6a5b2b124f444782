//! The complaints and suggestions register, through `domain::complaint`.
