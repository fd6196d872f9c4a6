"""The patients area of the window."""
