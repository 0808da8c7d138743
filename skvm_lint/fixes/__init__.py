"""Fix helpers that rules use to build edits, and the engine that applies them (:mod:`.apply`)."""
