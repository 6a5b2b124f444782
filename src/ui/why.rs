//! "Why?" links: from a step panel or a section that applies a rule to its page of the
//! method guide.
