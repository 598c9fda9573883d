"""Moving all the data between databases: `flask data export` and `flask data import`.

An export is one portable, versioned file holding every table and the schema's migration
revision; an import loads it into an empty database at that revision, SQLite or PostgreSQL.
"""
