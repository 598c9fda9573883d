"""What every domain shares."""
