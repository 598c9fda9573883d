"""The Delivery Quarterly pack: a quarter's measures, ratings and actions (data), as a page and Word."""
