"""The monitoring area of the window."""
