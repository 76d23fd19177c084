"""Defaults of the settings a user may change through a component's config
(``nlp.add_pipe(name, config={...})`` or ``config.cfg``).  Pure constants, no spaCy,
so the normalizers can default to them too."""

# The state an office or ministry belongs to when the text names none and has no dateline
# (dateline.py; a dispatch's dateline city gives its state): the pipeline reads the
# Moroccan press.
HOME_COUNTRY = "MAR"

# Ministry registry match threshold on folded keys (rapidfuzz ratio, 0-100). Case,
# accents and apostrophes are folded before, so this only absorbs a letter or two of typo.
FUZZY_THRESHOLD = 95.0

# Tiers of candidate mentions: the resolver chooses rule-based spans (RULE_PRIORITY
# and above: precise bounds, typed values) before the model's entities, and
# gazetteer places (PLACE_PRIORITY) after the model's names.
RULE_PRIORITY = 3
PLACE_PRIORITY = 1
# A dispatch's dateline city (`DAKAR, 3 mars (APS) -`) is a place by its position: above
# the rules, so an all-caps city is not read as an acronym.
DATELINE_PRIORITY = RULE_PRIORITY + 1
