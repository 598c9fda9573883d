"""The outstanding-actions report: page, Word and CSV."""
