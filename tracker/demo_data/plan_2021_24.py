"""The Police and Crime Plan 2021-24, as published (`seeds/police-and-crime-plan-2021-24.txt`).

Priorities, their objectives and outcomes, the cross-cutting themes and the Performance Framework
are the plan's own words. The framework table survives the PDF only as columns out of step; it is
read here by the rows the source labels sit on (the panel draft's cleaner table agrees): each
metric is one indicator, with the plan's indicator heading in the comment above it. The measure
type (Police / Partnership / WYCA / VRU) was a colour in the PDF and is lost from the text, so it
is judged from who collects the measure. The ratings are invented for the demo.
"""

from datetime import date

from tracker.plans.models import Direction as D
from tracker.plans.models import PlanStatus, Rating

NCPM = "National Crime and Policing Measures"
MAYORAL = "Mayoral Priority"
LCJB = "LCJB"

PLAN = {
    "title": "Police and Crime Plan 2021-24",
    "version_label": "Published 2021",
    # From the Mayor taking office in May 2021 to May 2024, the date of the 750 officers pledge.
    "starts_on": date(2021, 5, 10),
    "ends_on": date(2024, 5, 31),
    "status": PlanStatus.CURRENT,
}

THEMES = [
    (
        "The Safety of Women and Girls",
        "West Yorkshire is home to over 1.2 million women and girls, and as the first elected female Metro Mayor, the issue of their safety is at the heart of my work across policing, crime, community safety, and criminal justice.",
    ),
    (
        "Equality, Diversity and Inclusion",
        "West Yorkshire is a vibrant and diverse region. It is home to many different communities within the towns, cities, and villages of our districts. Together we all share the same ambition to live in thriving, safe neighbourhoods. At the centre of this plan is the celebration of this diversity and the vision of a strong, cohesive, and welcoming West Yorkshire which is fair, just and inclusive.",
    ),
    (
        "Early Intervention and Prevention",
        "This plan will build upon the principles of a public health approach to bring an early intervention delivery focus to our work with partners in the wider community safety arena.",
    ),
]

# Indicators: (name, source, measure type, metric as worded, direction, unit).
PRIORITIES = [
    {
        "title": "Supporting Victims and Witnesses and Improving Criminal Justice Outcomes",
        "summary": "Supporting victims, survivors, witnesses, and those harmed by crime is at the heart of this Police and Crime Plan, helping people to get justice.",
        "objectives": [
            "Get the initial response right first time, every time.",
            "Deliver the rights in the revised Victims' Code.",
            "Deliver services that meet victims' needs.",
            "Improve criminal justice outcomes for all.",
        ],
        "outcomes": [
            "All victims receive an initial needs assessment where appropriate.",
            "Victims are aware of their rights.",
            "A range of high-quality, well used, and accessible support services in place.",
            "Improved prosecution rates for domestic and sexual abuse/violence and hate crime.",
        ],
        "indicators": [
            # Increase in Victim Satisfaction (inc. victims of Domestic Abuse)
            ("Victim satisfaction", NCPM, "Police", "Increase victim satisfaction with the police", D.INCREASE, "percent"),
            ("Domestic abuse victim satisfaction", NCPM, "Police", "Increase satisfaction with the police among victims of domestic abuse", D.INCREASE, "percent"),
            # Response to 999 calls: a higher share answered in target is better.
            ("999 calls answered in target", NCPM, "Police", "Maintain high level of calls answered in target", D.INCREASE, "percent"),
            # Increase in positive outcomes for victims of domestic and sexual abuse and violence
            ("Positive outcomes for rape and sexual offences", MAYORAL, "Police", "Improve outcomes for victims of Rape and Sexual Offences", D.INCREASE, "count"),
            ("Positive outcomes for domestic abuse", MAYORAL, "Police", "Improve outcomes for Domestic Abuse", D.INCREASE, "count"),
            # Proportion of crimes with victim initial needs assessment
            ("Crimes with victim initial needs assessment", LCJB, "Police", "Increase proportion of crimes with victim initial needs assessment", D.INCREASE, "percent"),
            # Criminal Justice Measures; Increase volume of early guilty pleas
            ("Ineffective trial rate (Magistrates Court)", LCJB, "Partnership", "Decrease ineffective trial rate (Magistrates Court)", D.REDUCE, "percent"),
            ("Early guilty pleas", LCJB, "Partnership", "Increase volume of early guilty pleas", D.INCREASE, "count"),
            ("Time to case resolution", LCJB, "Partnership", "Decrease average time taken for cases to be brought to resolution", D.REDUCE, "days"),
        ],
    },
    {
        "title": "Keeping People Safe and Building Resilience",
        "summary": "The Police, Mayor and partners will focus on keeping people safe from (and preventing), harmful behaviour, exploitation, and abuse. We will support people in building the resilience to overcome and survive criminal behaviours.",
        "objectives": [
            "Work in partnership to reduce crimes that disproportionately affect women and girls.",
            "Understand and mitigate the hidden harm of the COVID-19 pandemic, including child sexual offences and domestic abuse.",
            "Bring a whole person approach to the different strands of vulnerability.",
            "Reduce exploitation of vulnerable people by disrupting drugs supply and County Lines activity.",
            "Work in partnership to protect those most vulnerable to Cyber Crime including fraud, online abuse, and exploitation.",
            "To raise awareness of all hate crime strands to reduce prevalence and increase trust and confidence in policing.",
        ],
        "outcomes": [
            "Victims of hidden harm crimes are accessing support services.",
            "All partners work holistically across organisation boundaries to support vulnerable people.",
            "Developing innovative approaches to working across community safety and wider partners that allow people to access support in new ways.",
            "Improved workforce awareness across the system of safeguarding, and early intervention with those individuals at risk, e.g. exploitation through CSEA and County Lines drugs supply networks.",
            "Increase awareness of Cyber Crime and reduce vulnerability through prevention campaigns and work with national agencies to reduce the threat.",
            "Increase in hate crime reporting to both the police and third parties.",
        ],
        "indicators": [
            # Drugs supply/county lines indicator
            ("Young people at risk of criminal exploitation", NCPM, "Police", "Monitor the number of young persons flagged as at risk of criminal exploitation", D.MONITOR, "count"),
            # Tackle Cyber Crime: the WYCA Cyber Dashboard
            ("Cyber crime", NCPM, "WYCA", "Monitor indicators from Cyber Dashboard", D.MONITOR, "count"),
            # Reduce re-victimisation of Domestic Abuse victims: reported as a repeat rate.
            ("Repeat victims of domestic abuse", MAYORAL, "Police", "Reduce number of repeat victims of Domestic Abuse", D.REDUCE, "percent"),
            ("Repeat victims of hate crime", MAYORAL, "Police", "Reduce number of repeat victims of Hate Crime", D.REDUCE, "count"),
            ("DVPO/DVPN", MAYORAL, "Police", "Increase use of DVPO/DVPN", D.INCREASE, "count"),
            ("Stalking Prevention Orders", MAYORAL, "Police", "Increase use of Stalking Prevention Orders", D.INCREASE, "count"),
        ],
    },
    {
        "title": "Safer Places and Thriving Communities",
        "summary": "The Police, Mayor, and partners will focus on the harmful and unacceptable behaviour that targets the different communities of West Yorkshire through an ongoing commitment to Neighbourhood Policing and partnership working in localities. It will tackle the place-based crime that damages people’s everyday lives, including serious violence, anti-social behaviour, and dangerous driving and speeding.",
        "objectives": [
            "Stop young people becoming involved in Serious Violence.",
            "Through a collective and collaborative approach, target the most dangerous and determined organised criminals who exploit vulnerable people.",
            "Tackle ASB at the earliest opportunity through a tiered approach of prevention, intervention, and enforcement.",
            "Tackling inequality and poverty to help communities to increase their prosperity and recover from the impact of COVID-19.",
            "Through the leadership of the new Vision Zero Strategic Board, we will work towards eliminating all traffic fatalities and severe injuries, while increasing safe, healthy, and equitable transport for all.",
            "Support businesses to be more resilient against cyber criminality and other forms of business-related crime.",
        ],
        "outcomes": [
            "Reduction in Serious Violence offences (including amongst those aged under 25) through the work of the VRU and partners.",
            "Fewer communities in West Yorkshire held in the grip of Serious Organised Crime.",
            "Maintain a focus on neighbourhood policing through an increase of 750 frontline police officers and police staff by May 2024.",
            "Maintain number of PCSOs working in our communities.",
            "Partnership approach to 'cleaner, safer, greener' to increase community prosperity in neighbourhoods.",
            "Ensure the WYP workforce reflects the communities they are policing.",
            "Deliver effective Vision Zero approach across all districts.",
            "Reduce the number of businesses negatively affected by cyber related criminality through the work of the Business Resilience Centre for the North-East.",
        ],
        "indicators": [
            # Reduce Serious Violence and Serious Organised Crime
            ("Homicides", NCPM, "Police", "Reduce number of Homicides", D.REDUCE, "count"),
            # The Home Office measures the VRUs by these admissions.
            ("Hospital admissions for assault with a sharp instrument", NCPM, "VRU", "Reduce all hospital admissions for assault with a sharp instrument", D.REDUCE, "count"),
            ("Knife crime", NCPM, "Police", "Reduce Knife Crime", D.REDUCE, "count"),
            # Drive down crime and Anti-Social Behaviour
            ("ASB incidents", NCPM, "Police", "Reduce Number of ASB incidents", D.REDUCE, "count"),
            # Reduction in Neighbourhood and High Street crime
            ("Neighbourhood crime", NCPM, "Police", "Keep Neighbourhood Crime below baseline", D.BELOW_BASELINE, "count"),
            # Business cyber crime indicators
            ("Business cyber attacks", MAYORAL, "WYCA", "Monitor cyber attacks on businesses via WYCA survey", D.MONITOR, "count"),
            # Improve police workforce representation
            ("Workforce from ethnic minorities", MAYORAL, "Police", "Increase proportion of workforce from ethnic minorities", D.INCREASE, "percent"),
            ("Female officers", MAYORAL, "Police", "Increase proportion of female officers", D.INCREASE, "percent"),
            # Reduce Killed and Seriously Injured casualties on West Yorkshire roads
            ("Killed and seriously injured on roads", MAYORAL, "Partnership", "Reduce numbers of KSI on roads in West Yorkshire", D.REDUCE, "count"),
            # Mayoral pledge indicators on the 750 additional frontline Police Officers and Police Staff
            ("Additional officers and staff (750 pledge)", MAYORAL, "Police", "Increase number of additional officers and staff in comparison to April 2021 baseline", D.INCREASE, "count"),
            # Not in the plan's framework: Current Measures of the Delivery Quarterly report
            # (October-December 2020), added so that its values have an indicator to sit under.
            ("Total recorded crime", MAYORAL, "Police", "Reduce the volume of crimes committed in West Yorkshire", D.REDUCE, "count"),
            ("Most serious violence", MAYORAL, "Police", "Reduce Serious Violent Crime and especially knife enabled crime", D.REDUCE, "count"),
        ],
    },
    {
        "title": "Responding to Multiple and Complex Needs",
        "summary": "The Police, Mayor and partners will recognise the lived experience of all who come into contact with the criminal justice system, protecting all who are vulnerable. We will listen, understand, and respond to people's needs in order to reduce offending and re-victimisation.",
        "objectives": [
            "Use the integrated powers of the Mayor to support those vulnerable to criminal behaviour to reduce reoffending, e.g. through adult skills, employment, and housing.",
            "Embed a trauma-informed approach for those in contact with services.",
            "Making sure our messages and services reach out to communities, and that early intervention, support services, and criminal justice is accessible for all.",
            "Protecting vulnerable young people and ensuring they do not get exploited and drawn into a life of criminality.",
            "Criminal Justice Liaison and Diversion working to identify young people involved with, and at risk of, gang affiliation and criminal exploitation.",
        ],
        "outcomes": [
            "Deliver innovative approaches to supporting vulnerable people across all age groups and communities through providing access to support and opportunities.",
            "Reduce trauma and build resilience for the population across West Yorkshire, for those who are vulnerable, facing multiple difficulties, complex needs, mental health crisis, adversity, or childhood trauma.",
            "Influence a change in commissioning across the system. Support local and regional approaches to future commissioning of appropriate, effective, and integrated multiple-needs services.",
            "Greater engagement in services from lesser heard communities, including the appointment of the Mayor's Inclusivity Champion.",
            "Criminal Justice Liaison and Diversion engaging some of the hardest to reach young people and their families, using 'lived experience' testimony to divert young people away from the criminal justice system.",
        ],
        "indicators": [
            ("People engaged by VRU early intervention", MAYORAL, "VRU", "Monitor VRU early intervention programme attendee figures", D.MONITOR, "count"),
            ("Repeat missing children", MAYORAL, "Police", "Keep number of repeat missing children below baseline level", D.BELOW_BASELINE, "count"),
            ("Repeat missing adults", MAYORAL, "Police", "Keep number of repeat missing adults below baseline level", D.BELOW_BASELINE, "count"),
            ("Drug-related reoffending rate", LCJB, "Partnership", "Reduce reoffending rate for drug related crime", D.REDUCE, "percent"),
            ("First-time entrants to the CJS", LCJB, "Partnership", "Reduce the number of first-time entrants to CJS", D.REDUCE, "count"),
            ("Offenders referred to drug treatment", NCPM, "Partnership", "Increase number of offenders referred to drug treatment services via liason and diversion", D.INCREASE, "count"),
        ],
    },
]

# RAG ratings agreed at the Delivery Quarterly of 23 January 2024, one per priority in order,
# written in the style of the Kirklees scrutiny report: (rating, rationale).
RATINGS_SET_ON = date(2024, 1, 23)
RATINGS = [
    (
        Rating.AMBER,
        "Victim satisfaction is at its highest level for over three years and positive outcomes for rape have risen, but positive outcomes for domestic abuse have fallen and court backlogs continue to delay justice for victims.",
    ),
    (
        Rating.AMBER,
        "The repeat victim rate for domestic abuse has fallen slightly and use of DVPO/DVPN is rising. Hidden harm remains a concern, and further analysis of complaints from women and girls has been requested.",
    ),
    (
        Rating.RED,
        "Neighbourhood crime remains below the 2019 baseline overall, but residential burglary and theft of motor vehicles are rising, calls about ASB rose significantly in Quarter 1 2023/24 and 70 FTE neighbourhood vacancies are still to be filled.",
    ),
    (
        Rating.GREEN,
        "Repeat missing children and adults remain well below baseline and VRU early intervention programmes continue to reach young people at risk; partnership work on mental health demand is progressing.",
    ),
]
