"""The directory every domain uses: organisations, people and the kinds of meeting."""
