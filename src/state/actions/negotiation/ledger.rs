//! Step 5 actions: ledger (see the module above).
