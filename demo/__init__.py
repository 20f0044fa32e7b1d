"""Development-only app: management commands that fill a database with demo or load-test data."""
