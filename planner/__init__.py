"""Herstelplan: progressive exercise plans and patient handouts for persistent pain."""

__version__ = "0.1.0"
