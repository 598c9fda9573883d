"""The draft of the Police and Crime Plan 2021-24 put to the Police and Crime Panel (agenda item 5).

Source: `seeds/police-and-crime-plan-2021-24-panel-draft.txt`. Kept as the archived earlier version
of the published plan, to show how a plan changes between versions: its "Suggested Draft
Performance Framework" reduces neighbourhood crime and repeat missing people where the published
plan keeps them below baseline, and it has no WYCA measures. Only priorities, themes and
indicators are loaded; the objectives differ from the published plan in wording only.
"""

from datetime import date

from tracker.plans.models import Direction as D
from tracker.plans.models import PlanStatus

NCPM = "National Crime and Policing Measures"
MAYORAL = "Mayoral Priority"
LCJB = "LCJB"

PLAN = {
    "title": "Police and Crime Plan 2021-24",
    "version_label": "Panel draft",
    "starts_on": date(2021, 5, 10),
    "ends_on": date(2024, 5, 31),
    "status": PlanStatus.ARCHIVED,
}

THEMES = [
    ("The Safety of Women and Girls", ""),
    ("Equality, Diversity and Inclusion", ""),
    ("Early Intervention and Prevention", ""),
]

# Indicators: (name, source, measure type, metric as worded, direction, unit).
PRIORITIES = [
    {
        "title": "Supporting Victims and Witnesses & Improving Criminal Justice Outcomes",
        "summary": "Supporting victims, survivors, witnesses, and those harmed by crime is at the heart of this Police and Crime Plan, helping people to get justice.",
        "indicators": [
            ("Victim satisfaction", NCPM, "Police", "Increase victim satisfaction with the police", D.INCREASE, "percent"),
            ("Domestic abuse victim satisfaction", NCPM, "Police", "Increase satisfaction with the police among victims of domestic abuse", D.INCREASE, "percent"),
            ("999 calls answered in target", MAYORAL, "Police", "Increase emergency Calls answered in Target", D.INCREASE, "percent"),
            ("Positive outcomes for rape and sexual offences", MAYORAL, "Police", "Increase positive outcomes for Rape and Sexual Offences", D.INCREASE, "count"),
            ("Positive outcomes for domestic abuse", MAYORAL, "Police", "Increase positive outcomes for Domestic Abuse", D.INCREASE, "count"),
            ("Crimes with victim initial needs assessment", LCJB, "Police", "Increase % crime with victim initial needs assessment", D.INCREASE, "percent"),
            ("Ineffective trial rate (Magistrates Court)", LCJB, "Partnership", "Decrease Ineffective trial rate (Magistrates Court)", D.REDUCE, "percent"),
            ("Time to case resolution", LCJB, "Partnership", "Decrease average time taken for cases to be brought to resolution", D.REDUCE, "days"),
        ],
    },
    {
        "title": "Keeping People Safe & Building Resilience",
        "summary": "The Police, Mayor and Partners will focus on keeping people safe from, and preventing, harmful behaviour, exploitation, and abuse. We will support people in building the resilience to overcome and survive criminal behaviours.",
        "indicators": [
            ("Young people at risk of criminal exploitation", NCPM, "Police", "Monitor the number of young persons flagged as at risk of Criminal Exploitation", D.MONITOR, "count"),
            ("Cyber crime", NCPM, "Partnership", "Monitor Indicators from Cyber Dashboard", D.MONITOR, "count"),
            ("Repeat victims of domestic abuse", MAYORAL, "Police", "Reduce number of repeat victims of Domestic Abuse", D.REDUCE, "percent"),
            ("Repeat victims of hate crime", MAYORAL, "Police", "Reduce number of repeat victims of Hate Crimes", D.REDUCE, "count"),
            # The draft's table lists this indicator with no metric of its own.
            ("DVPO/DVPN", MAYORAL, "Police", "Increase use of DVPO/DVPN", D.INCREASE, "count"),
            ("Stalking Prevention Orders", MAYORAL, "Police", "Increase use of Stalking Prevention Orders", D.INCREASE, "count"),
        ],
    },
    {
        "title": "Safer Places & Thriving Communities",
        "summary": "The Police, Mayor, and partners will focus on the harmful and unacceptable behaviour that targets the different communities of West Yorkshire through an ongoing commitment to Neighbourhood Policing and partnership working in localities. It will tackle the place-based crime that damages people's everyday lives, including serious violence, anti-social behaviour, and dangerous driving and speeding.",
        "indicators": [
            ("Homicides", NCPM, "Police", "Reduce number of Homicides", D.REDUCE, "count"),
            ("Hospital admissions for assault with a sharp instrument", NCPM, "VRU", "Reduce all hospital admission for assault with a sharp instrument", D.REDUCE, "count"),
            ("Knife crime", NCPM, "Police", "Reduce Knife Crime", D.REDUCE, "count"),
            ("ASB incidents", NCPM, "Police", "Reduce Number of ASB incidents", D.REDUCE, "count"),
            ("Neighbourhood crime", NCPM, "Police", "Reduce Neighbourhood Crime", D.REDUCE, "count"),
            ("Business cyber attacks", NCPM, "Partnership", "Monitor cyber-attacks on businesses via WYCA survey", D.MONITOR, "count"),
            ("Workforce from ethnic minorities", NCPM, "Police", "% of workforce from Ethnic Minorities (joiners/leavers)", D.INCREASE, "percent"),
            ("Female officers", NCPM, "Police", "% female officers (joiners / leavers)", D.INCREASE, "percent"),
            ("Killed and seriously injured on roads", NCPM, "Partnership", "Reduce numbers of KSI's on roads in W Yorkshire", D.REDUCE, "count"),
            ("Additional officers and staff (750 pledge)", NCPM, "Police", "Increase number of additional officers and staff in comparison to April 2021 baseline", D.INCREASE, "count"),
        ],
    },
    {
        "title": "Responding to Multiple & Complex Needs",
        "summary": "The Police, Mayor and Partners will recognise the lived experience of all who come into contact with the criminal justice system, protecting all who are vulnerable. We will listen, understand, and respond to people's needs in order to reduce offending and re-victimisation.",
        "indicators": [
            ("People engaged by VRU early intervention", MAYORAL, "VRU", "Monitor VRU early intervention programme attendee figures", D.MONITOR, "count"),
            ("Repeat missing children", MAYORAL, "Police", "Reduce number of repeat missing children", D.REDUCE, "count"),
            ("Repeat missing adults", MAYORAL, "Police", "Reduce number of repeat missing adults", D.REDUCE, "count"),
            ("Drug-related reoffending rate", LCJB, "Partnership", "Reduce re-offending rate for Drug related crime", D.REDUCE, "percent"),
            ("First-time entrants to the CJS", LCJB, "Partnership", "Reduce the number of first-time entrants to the CJS", D.REDUCE, "count"),
            ("Offenders referred to drug treatment", LCJB, "Partnership", "Increase number of offenders referred to drug treatment services via L&D", D.INCREASE, "count"),
        ],
    },
]
