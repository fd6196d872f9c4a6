"""The common area of the window."""
