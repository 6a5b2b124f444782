//! Step 5 actions: closing (see the module above).
