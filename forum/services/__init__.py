"""The advice board\x27s rules: the only code that changes its data."""
