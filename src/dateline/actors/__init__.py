"""Canonical actors across articles: every entity, event party and speaker of a stored article linked to
one actor with a stable id, a dictionary actor where the dictionaries know it (:mod:`.link`), written at
save time (:mod:`.store`) and read by the CLI and the API (:mod:`.query`)."""
