"""The demo's outstanding actions as at 27 February 2024, as every form of the report lists them.

From tracker/demo_data: four overdue (58, 27, 11 and 4 days), six not yet due, two of them
confidential; four closed ones and two raised later are left out. The page, CSV and Word tests
all check against these.
"""

from datetime import date

AS_AT = date(2024, 2, 27)
# (reference, days overdue, due date): most overdue first, then the rest by due date (and
# reference when the date is shared).
EXPECTED = [
    ("COM-2023-07-05a", 58, date(2023, 12, 31)),
    ("COM-2023-10-04a", 27, date(2024, 1, 31)),
    ("COM-2023-10-07b", 11, date(2024, 2, 16)),
    ("COM-2023-10-09a", 4, date(2024, 2, 23)),
    ("COM-2023-10-04b", 0, date(2024, 2, 29)),
    ("COM-2023-10-05a", 0, date(2024, 3, 29)),
    ("JEM-2023-11-05a", 0, date(2024, 3, 31)),
    ("DQ-2024-01-03a", 0, date(2024, 4, 16)),
    ("DQ-2024-01-03b", 0, date(2024, 4, 16)),
    ("COM-2023-10-08a", 0, date(2024, 4, 30)),
]
CONFIDENTIAL = {"JEM-2023-11-05a", "COM-2023-10-08a"}
NOT_CONFIDENTIAL = [row for row in EXPECTED if row[0] not in CONFIDENTIAL]
