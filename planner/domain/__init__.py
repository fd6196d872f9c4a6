"""Pure-Python rules of Herstelplan: blocks, dosage in plain words, progression, monitoring."""
