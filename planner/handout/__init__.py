"""The patient handout: a pure renderer from a frozen plan description to PDF bytes."""
