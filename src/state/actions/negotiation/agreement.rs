//! Step 5 actions: agreement (see the module above).
