"""The window area of the window."""
