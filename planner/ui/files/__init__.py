"""The files area of the window."""
