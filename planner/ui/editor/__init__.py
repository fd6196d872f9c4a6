"""The editor area of the window."""
