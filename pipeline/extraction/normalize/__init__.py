"""Pure normalizers (no spaCy): numbers, dates, the ministries registry, the gazetteer."""
