"""The marshmallow schemas of the API's resources, one module per resource; `common` holds what
several share (dates with their offset, small references to other records)."""
