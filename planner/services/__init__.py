"""Use cases: each opens and closes one transaction and returns frozen views, never ORM rows."""
