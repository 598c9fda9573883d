"""The outstanding-actions report: gathered once (data), then a page, Word and CSV."""
