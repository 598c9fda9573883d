"""The Delivery Quarterly pack: page and Word."""
