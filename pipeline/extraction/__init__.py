"""The extraction: spaCy components, the assembled pipeline, the resolver, roles,
and (in ``normalize``) the pure normalizers they use."""
