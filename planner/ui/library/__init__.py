"""The library area of the window."""
