//! Trainee mode: the answers given to exercises, one transaction each.
