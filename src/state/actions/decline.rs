//! Declined requests and the partner directory, through `domain::decline`.
