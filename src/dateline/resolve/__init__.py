"""Across articles: the same real-world occurrence reported by several sources."""
