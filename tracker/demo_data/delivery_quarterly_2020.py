"""Indicator values from the Delivery Quarterly report, October to December 2020.

Source: `seeds/delivery-quarterly-report-2020-oct-dec.txt`, its "Current Measures" table and the
district tables that follow it. Each value is matched to the Police and Crime Plan 2021-24
indicator that measures the same thing (by the indicator names in `plan_2021_24`). Percentages are
stored as percentages (75.1 means 75.1%); None means the report has no figure for the period.
"""

from datetime import date

BASELINE = ("12 months to Dec 2019", date(2019, 12, 31))
CURRENT = ("12 months to Dec 2020", date(2020, 12, 31))

# Force-wide values: (indicator, baseline value, current value, comment, note). The comment is
# the report's for the current period; the note says where a figure comes from when it is not
# the Current Measures table itself.
FORCE_VALUES = [
    (
        "Total recorded crime", 292070, 258882,
        "Total Crime is still reducing although not at the rates seen earlier in the lockdown.", "",
    ),
    (
        "ASB incidents", 45290, 52475,
        "Volume of ASB continues to increase - see main document for more detail", "",
    ),
    (
        "Most serious violence", 1964, 1868,
        "Most Serious Violence has fallen by 4.9% in the past 12 months and by 5.0% since April 2020.", "",
    ),
    (
        "Knife crime", 2487, 2237,
        "Knife crime has fallen by 10.1% in the past 12 months and by 8.6% since April 2020.", "",
    ),
    ("Homicides", 25, 21, "", "Non-domestic homicide (section 2.6)."),
    (
        "Repeat missing adults", 751, 459,
        "Relates to the number of (unique) adults who have gone missing more than once in the past 12 mths.", "",
    ),
    (
        "Repeat missing children", 1406, 969,
        "Relates to the number of (unique) children who have gone missing more than once in the past 12 mths.", "",
    ),
    ("Positive outcomes for domestic abuse", 5107, 4694, "New measure", ""),
    ("Positive outcomes for rape and sexual offences", 144, 252, "New Measure", "Rape offences only."),
    (
        "Victim satisfaction", 75.1, 77.4,
        "Satisfaction based on all survey types inc crime victims, ASB and Safety & Welfare callers and victims of domestic and hate crime.", "",
    ),
    (
        "Repeat victims of domestic abuse", 48.2, 47.7,
        "Domestic Abuse only available currently",
        "Victim repeat rate, April to December year to date (section 5.4).",
    ),
    (
        "Workforce from ethnic minorities", 5.7, 5.9,
        "Figures in this table relate to BAME representation.",
        "Whole workforce (section 4.4); officers 6.0% to 6.3%, staff 4.5% to 4.9%.",
    ),
    # The LCJB measures were not yet reported in figures.
    (
        "Time to case resolution", None, None,
        "New Measures explained in document - LCJB performance produced 6 monthly - next quarter to include numerical measures", "",
    ),
]

# District values: (indicator, period, {district: value}, note).
DISTRICT_VALUES = [
    # The report gives each district's change (volume and %), not its total: these totals are
    # derived from the two (previous = volume / %, current = previous - volume), so they are
    # estimates and sum to the force figure only within rounding.
    (
        "Total recorded crime", BASELINE,
        {"Bradford": 74090, "Calderdale": 24818, "Kirklees": 47248, "Leeds": 105375, "Wakefield": 40929},
        "Estimated from the district's published change over the year.",
    ),
    (
        "Total recorded crime", CURRENT,
        {"Bradford": 67496, "Calderdale": 22088, "Kirklees": 41153, "Leeds": 91044, "Wakefield": 37491},
        "Estimated from the district's published change: Bradford -8.9%, Calderdale -11.0%, Kirklees -12.9%, Leeds -13.6%, Wakefield -8.4%.",
    ),
    (
        "Repeat missing adults", CURRENT,
        {"Bradford": 151, "Calderdale": 28, "Kirklees": 85, "Leeds": 136, "Wakefield": 39},
        "",
    ),
    (
        "Repeat missing children", CURRENT,
        {"Bradford": 243, "Calderdale": 117, "Kirklees": 195, "Leeds": 319, "Wakefield": 119},
        "",
    ),
    (
        "Victim satisfaction", BASELINE,
        {"Bradford": 74.8, "Calderdale": 76.5, "Kirklees": 77.8, "Leeds": 77.7, "Wakefield": 76.1},
        "",
    ),
    (
        "Victim satisfaction", CURRENT,
        {"Bradford": 77.4, "Calderdale": 79.2, "Kirklees": 81.1, "Leeds": 81.3, "Wakefield": 79.4},
        "",
    ),
    (
        "Repeat victims of domestic abuse", BASELINE,
        {"Bradford": 47.5, "Calderdale": 48.4, "Kirklees": 49.3, "Leeds": 47.9, "Wakefield": 48.9},
        "April to December 2019.",
    ),
    (
        "Repeat victims of domestic abuse", CURRENT,
        {"Bradford": 46.1, "Calderdale": 46.5, "Kirklees": 48.5, "Leeds": 48.3, "Wakefield": 48.7},
        "April to December 2020.",
    ),
]
