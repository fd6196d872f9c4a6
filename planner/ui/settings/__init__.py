"""The settings area of the window."""
