//! Step 5 actions: plan (see the module above).
