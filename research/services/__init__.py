"""Research services, split by noun: submitting papers, moderating them, reading the library."""
