"""Models of the rating app."""
