"""The Community Outcomes Meeting of Tuesday 10 October 2023, from its published minutes.

Source: `seeds/community-outcomes-meeting-2023-10-10.txt`, lines 1-267. The notes of each item are
the minutes' text in Markdown, as published (including its spelling, e.g. "T/ACC Galvin"); the
"Actions:" blocks are left out of the notes because actions are records of their own (ACTIONS).
The papers' addresses and the actions' due dates, statuses and update histories are invented for
the demo: the minutes give none.
"""

from datetime import date, datetime

from tracker.actions.models import ActionStatus as S
from tracker.meetings.models import MinutesStatus

# The minutes say only "to access the full report click HERE"; these addresses are illustrative.
PAPERS = "https://www.westyorks-ca.gov.uk/media/community-outcomes-meeting/2023-10-10"

WELCOME = """\
The Deputy Mayor introduced the meeting, welcomed those in attendance and provided an overview of the agenda.
"""

PREVIOUS_NOTES = """\
The notes of the previous meeting were accepted as a correct record.
"""

MAYORS_ANNOUNCEMENTS = """\
- a) **Mayor's Safer Communities Fun - £1 million of cash seized from criminals to benefit communities in West Yorkshire** - With £1 million available, this was the largest Safer Communities Fund to date, and brought the fund's total since 2021 to over £2.3 million. The theme of the grant round was 'Multiple and Complex Needs', a key priority of the [Mayor's Police and Crime Plan](https://www.westyorks-ca.gov.uk/policing-and-crime/police-and-crime-plan/). Organisations working to reduce re-offending and support victims were encouraged to apply.

  The deadline for submissions was midday on 10 November 2023. Full terms and conditions, including more information on the theme and how to apply, were available on [the West Yorkshire Combined Authority website](https://www.westyorks-ca.gov.uk/mayors-safer-communities-fund).

- b) **Male Behavior Change Campaign** - The Mayor had launched a new campaign which tackled everyday harassment and inappropriate male behaviour towards women and girls.

  The "Just Don't" campaign was the latest step in the Mayor's fight to improve the safety of women and girls, alongside partners across the region.

  The Mayor was urging everybody in the region to be an ally, step up, call it out and help stop it. The campaign was centred around a powerful video which showed men and boys making excuses for inappropriate behaviour and harassment in everyday situations. She asked everyone to watch the video and speak to friends and family about it. To find out more visit [www.just-dont.co.uk](https://www.just-dont.co.uk).

- c) **Bus PCSO's - Safer Travel announcement** - The Mayor had funded 15 Safer Travel PCSO's, 3 in each district, dedicated full time to working in the bus stations, on the buses and around the bus network. The team would be working with the Combined Authority, bus operators, Neighbourhood Policing Teams and partner agencies to make the bus network safer. The team aimed to: Reduce violent crime, reduce anti-social behaviour, protect women and girls and protect the young and vulnerable.

- d) **Israel and Gaza Conflict** - The DMPC said that she, along with the Mayor wanted to reflect on the terrible events which had happened in Israel and Gaza over the weekend and passed on their thoughts and condolences to anyone affected. She reminded the public that any Hate Crime should be reported to the police. She then asked West Yorkshire Police to comment.

  T/ACC Galvin was the Gold Command for Operation Jossigill which was West Yorkshire Police's response to the Israel, Palestine conflict. They were delivering in line with the national NPCC strategy. A meeting had been held which brought together key stakeholders from all five districts to ensure connectivity and consistence in terms of their approach. They would ensure public safety and maintaining trust and confidence was their main focus. Internal and external communications were considered carefully. A robust approach would be taken to any Hate Crime or Terrorism Act offending and he urged anyone who was a victim or witness of these crimes to report at the earliest opportunity.
"""

USE_OF_FORCE = """\
T/ACC Galvin said in terms of recording Use of Force, there was an electronic recording system in place which was available to all Officers via their handheld device. This allowed recording to take place immediately after the incident wherever practicable and this was subsequently reviewed by supervisors and as part of public scrutiny.

The Deputy Mayor said the last paragraph on Page 3 spoke about increased transparency, investment of training time and innovative approaches. Using these as examples, she asked for further explanation around how in real terms communities could be reassured in the work the Force were doing now compared to, for example, a year ago.

T/ACC Galvin said in terms of transparency, the Use of Force recording was incident based which may include personal protective equipment or other types of physical force in line with officers training. Time, date and location of the occurrence was recorded, along with reason for the force, justification and rationale in relation to the law and details of exactly what force had been used and why.

Officers were required to detail whether the force had been effective to feed into lessons learned where appropriate. It gave the Officer an opportunity to identify relevant impact factors which allowed the Force to understand the challenges that Officers were facing within community settings. Force was used on a continuum which started off with tactical communications and progressed as necessary, whilst always ensuring that the minimum amount necessary was used. All this information allowed scrutiny of the incident. Supervisory scrutiny in the first instance, which would then progress to Body Worn Video review if relevant. It also allowed scrutiny through the custody process and through public scrutiny panels.

There had been a change to the national delivery of training for Use of Force, in that over the next 6 months the training would increase from 1 to 2 days per year. West Yorkshire had moved to 2 days ahead of the national implementation which allowed Officers to explore a range of different incidents and ensure they were confident and comfortable in their application of tactics and techniques, along with their understanding of the legislation. There was an immersive learning environment at the Use of Force training facility where a variety of scenarios could be set up.

The DMPC noted that Use of Force recording was one of the key ways WYP hoped to gain trust and confidence, however the Use of Force form usage had remained static at 69%, which meant 31% of Officers were not completing the form. She was pleased to see that Body Worn Video (BWV) footage availability was now at 97% but was concerned about the transparency around Use of Force given the figures.

T/ACC Galvin agreed there was work to do in this area. Communications were sent to staff to make it part of the culture. He also hoped to see improvements in Use of Force form usage following the 2-day training.

The DMPC also noted in relation to tactics used for dog bites the figure was zero, however she was aware that dog bites had happened during the reporting period but had not been recorded. She asked how the public could have confidence in circumstances like this.

T/ACC Galvin said this was an area to work on also. The dog bites had been recorded in the Force Management Daily Log report but not on the Use of Force forms.

The DMPC thanked T/ACC Galvin and said she looked forward to improved figures over the coming months. She added there was an element of disciplinary attached to the use of Body Worn Video and suggested the same should be considered for completion of Use of Force forms.

The DMPC then asked what quality checks were in place to support Officers when they recorded whether injuries had been sustained as a result of force.

T/ACC Galvin said that Officers were treated as victims when they were the subject of an assault or injured as a result of use of force. A crime would be recorded where appropriate and they would be provided with support, if there was an offender linked to the crime they would be investigated. There was also a supervision aspect to incidents to ensure Officers were fit to return to work. Where Officers were not the victim of an assault but were injured in another way e.g., due to poor technique, they had health and safety reporting in respect of this and a welfare plan would again be put in place. Further training was provided where necessary.

The DMPC asked about the public in those circumstances. T/ACC Galvin said an assessment would be made to determine whether the use of force was proportionate, first aid would be provided immediately where necessary. Where there was excessive use of force that constituted an assessment by Professional Standards, then a referral would be made, and an investigative approach would take place. If the use of force met a threshold for disciplinary or other action, then those steps would take place. Where use of force was deemed proportionate and there were no complaints made, an assessment took place to determine whether there was a need for further action.

DCC Hankinson added in terms of recording the injuries, although there would be instances where individuals were not brought into custody after receiving an injury, the majority of people who sustained an injury under those circumstances would be those subject to arrest and would come into custody. The custody record would record any injuries. If a use of force form did not correspond then a review process would take place.

The DMPC asked aside from custody, individuals PACE entitlements and complaints, whether there was any other check and balance in place to determine whether Officers were recording use of force where harm occurred.

DCC Hankinson said where an individual had a taser pointed at them or a taser was discharged, these appeared on the daily summary for review by the Force Control Room Inspector. The BWV would also be reviewed, even if there was no complaint from a member of the public. If this was deemed excessive use of force it would be referred to Professional Standards Dept (PSD) proactively. The DMPC added that line managers reviewed BWV as standard weekly, specifically for stop and search.

The DMPC said that Section 5.6 of the report spoke about the Public Complaint data. Even though the numbers were smaller, the proportion of complaints from women and girls were much higher. She asked whether we understood why this was the case.

T/ACC Galvin said he had requested further analytical work to understand this, but his professional assessment would be that due to the increased focus in West Yorkshire around Violence Against Women and Girls, that women and girls felt more confident to report complaints.

The DMPC asked in future reports for use of force in custody settings to be separated out.

Finally, the DMPC asked what the difference was between a full and provisional taser license and what powers did the provisional license allow.

T/ACC Galvin said the licenses were very similar, however taser training nationwide had undergone a review and a new process was in place whereby provisional taser licenses had been given to forces who could deliver taser training. Whilst the College of Policing came and set up the infrastructure to do the full review to turn the provisional licenses into permanent licenses, the process enabled taser training to continue against a set framework. He had discussed in detail with the Public Order, Firearms and Taser Training Team and had no concerns that when the College of Policing came, they would turn provisional licenses into full ones. He also thought they would take away some good practice from the team.
"""

STOP_AND_SEARCH = """\
ACC Miller provided a brief overview of the report which covered Stop and Search data for January – June 2023. The data showed an increase in Stop and Search but a decrease in direct outcome rate and the positive outcome rate. In terms of Operation Jemlock however, their direct outcome rate and positive outcome rate had increased.

The DMPC noted the small increase in stop and search of children (up 157 compared with the last period). She asked for more about the intelligence led information which led up to the stop and searches of the 10–17-year-olds especially as over half related to drugs and offensive weapons. She was especially interested in whether the intelligence showed that the young people were already linked to gangs/criminal activities.

ACC Miller said that although the stop and search numbers had risen, this was only in relation to outer clothing searches, rather than strip searches. Officers were tasked out based on hotspot intelligence and intelligence of those people who were involved within criminality. ACC Miller said unfortunately there were drug dealers on the streets, and they had seen an increase in the use of machetes, this was where they had been targeting their stop and search. The largest increases in stop and searches related to some targeted work in the Newsome and Ashbrow wards of Kirklees around Organised Crime Groups and Urban Street Gangs.

The DMPC understood the data presented around disproportionality and the reasons shared and noted the ongoing work in relation to the WYP response to the Race Action plan. She asked what reassurance WYP could offer to communities when they saw high visibility police operations/stop and search taking place, especially in communities where this may increase fear.

ACC Miller said to reassure communities, these were based on intelligence gathered from those communities. In relation to s60 stops reassurance work did take place and that WYP engaged with their Key Individual Networks, publicised what they were doing externally and enforced s60 powers in the smallest area possible. They also had the force Independent Scrutiny and Advisory Group (ISaAG) which they linked in with, provided policies to and reviewed their arrangements. They also had district Independent Advisory Groups where they asked communities to provide feedback.

He said the biggest thing to reassure communities was that the scrutiny groups reviewed their use of stop and searches which were chosen at random. BWV would be reviewed, and the group would look at whether the grounds for the stop and search met the legislation. Any feedback would be fed back into the organisation or to the officer. Within these forums they promoted discussion about transparency and use of police powers. WYP still operated the ride along scheme, and he encouraged anyone within communities who wanted to see firsthand how they used their powers to do so. Information on the ride along scheme was available on the website.

The DMPC said she was pleased to see the launch of the QR code, although it hadn't yet given us the data we had hoped for. The QR code allowed anyone who had been stopped and searched direct access to the complaints process. ACC Miller said they were going to re-launch this scheme to increase awareness.

The DMPC noted the launch of the road traffic App to support section 163 stop and searches, she asked what work, if any, were WYP planning around community engagement prior to the roll out.

ACC Miller said they were still working towards the April 2024 date but were aiming to have the app in place before then. The design in principle had been presented to their ISaAG. They would then widen this consultation to their district scrutiny groups and their internal Black Heritage Advisory Group. They would also push this out through their Key Individual Networks to gather as much feedback as possible. The DMPC also suggested they work with the young people from Carr Manor High School who did the Black Boy Joy video.

The DMPC welcomed the launch of the stop and search feedback form and noted the continued emphasis on procedural justice, effective communication and engagement with individuals subject to stop and search. She asked for more information about the key findings from the feedback form to date and how the form was being used to support learning within WYP.

ACC Miller said that unfortunately they had not yet received any feedback. They were using the Force Principal Engagement Officer to reach out to communities to increase awareness and to encourage feedback. They were also speaking with the ISaAGs about how they could better publicise the use of the tool. The QR code would be located on the back of Officer's handheld devices.

The DMPC said that her office would be happy to discuss how they could help engagement of the public and could do some comms to promote the work.
"""

NEIGHBOURHOOD_CRIME = """\
ACC Miller said Neighbourhood Crime was a national crime and policing measure which looked at certain crime types which impacted communities more than others. The baseline was the 12 month period to December 2019 – the year before Covid struck. Compared to 2019 there was a 37% reduction in residential burglary, which was bigger than the national average, however when compared to the current previous 12 months there was an increase. The only crime which showed an increase compared to 2019 was theft of a motor vehicle, this was linked to the fact that certain vehicles could now be stolen without a key. Government were looking to change legislation around the sale of such vehicles. Outcome rates and victim satisfaction had also decreased.

The report highlighted the below (Page 2) in relation to residential burglary:

> “The increase can also be attributed to a group of prolific offenders being released from prison and committing crime again. Recent intelligence suggests an organised crime group from 2018 who have been in prison are also now recruiting, suggesting offences may again increase if this continues.”

The DMPC asked what actions were being taken to target these prolific offenders/ Organised Crime Groups (OCGs) based on the intelligence.

ACC Miller was unable to go into detail on this however there were specific overt and covert tactics used to tackle OCGs led by Precision teams which were district based and looked at prolific crime and offenders. They had implemented a 4P approach; prepare, prevent, pursue and protect and had added partnership to this approach also which looked at target hardening communities. When a member of the OCG was wanted, the force would use all means available to bring them to justice. They also worked with their Integrated Offender Management Teams to address issues e.g., drug abuse, that the individuals may have.

The DMPC added that she was aware that all Sergeants were being trained in investigative methods so they could properly supervise officers out in the community which was positive.

The DMPC then asked how the ‘darker nights initiative’ targeted drug dealers and county lines.

ACC Miller confirmed that it didn’t, and that the darker nights initiative was in relation to burglary and the clocks going back. The initiative was about increasing patrols of communities that were impacted through burglary. They were also running their annual campaign around target hardening their property. He encouraged members of the public to seek information from the WYP website. The local NPTs would also work with local partnerships to tackle specific issues in their communities.

ACC Miller recognised that some burglary offences would be committed to feed a drug habit and so indirectly it did have an effect on the drug market.

The DMPC said she was a big fan of Neighbourhood Watch (NHW) and asked how residents could find out more about NHW and asked ACC Miller to explain more about what NHW Officers did.

ACC Miller said that information on how to sign up to NHW was available on the WYP website. The NHW Coordinators supported communities to set up their own group. They offered a bespoke service to set up, maintain, coordinate and monitor their NHW scheme. There were already a great number of NHW schemes across WY. Coordinators provided the network of information about the latest crime issues, scams etc. which could then be fed out into communities.

The DMPC said that even though satisfaction was decreasing overall, it was increasing in Calderdale and for the first time ever in Calderdale, Black satisfaction was higher than White satisfaction. ACC Miller said that overall satisfaction was beginning to increase again however it was still down compared to the previous period.
"""

NEIGHBOURHOOD_POLICING_AND_ASB = """\
ACC Miller gave an overview of the paper which provided details on the current staffing levels, vacancy factors which were in the main PC and PCSO roles. It also gave the uplift numbers, and also in relation to the priority based budgeting work they had been doing, some extra resources that had been taken from the Central Assessment Unit.

The DMPC mentioned the Immediate Justice Pilot which provided alternatives for communities where ASB was an issue.

The DMPC asked whether there was any understanding of when the uplift of officers would be part of the Neighbourhood policing teams in district.

ACC Miller said the Officers were currently being recruited, the issue was around the fact that the Force had recruited a large number of Officers, and they had to train them, get them onto a Patrol Team, and get them to a point where they were able to drive a police car. Once they were at the deployable level, some officers could be taken off the Patrol Teams to backfill into the Neighbourhood Teams. Their priority was to fill the current 70 FTE vacancies, followed by the 66 uplift officers. ACC Miller was hopeful this could be done in the next 12 months.

The DMPC added that the old system which allowed Officers to be trained within 18 weeks had been re-instated, rather than the 2/3-year timescale which the government set.

The DMPC asked for the specific figures regarding number of additional Neighbourhood Policing Officers in each district.

The DMPC noted there were a high number of Special Constables in Wakefield. She asked whether there was any understanding of why this district had a higher number compared to population. There were also a high number of cadets in Bradford, she asked whether this was by design.

The DMPC added that she had met with one of the Specials and they thought there were not enough of them and that more could be done to recruit.

The DCC said there was an advert out currently for recruitment of Special Constables and encouraged people to join.

ACC Miller said that they had recruited from the pool of Specials and a large proportion were now Police Officers. Special Constables were volunteers, so they got to choose where they wanted to work. Understandably, a lot of individuals chose their local area although the Force did encourage balancing out distribution of Specials.

In relation to Cadet numbers in Bradford, ACC Miller set the scheme up in Bradford and so had a couple of years head start, he was hopeful however that the other districts would catch up. The DMPC added that if there was anything that she or the Mayor could do to help with recruitment they would be happy to help.

The DMPC then asked for more information about the Neighbourhood Performance Framework and how this would be used.

ACC Miller said the framework was published in Spring 2023 and so was fairly new, it looked at the standardisation across all Forces in terms of how to manage neighbourhood performance. On the back of that he had tasked districts to create the framework so that performance could be measured. The issue was that they did not currently count all of the data within the framework, so it was currently half populated and there was still some work to do in certain areas.

The framework was broken down into a number of areas, including engaging communities, problem solving, and targeted activity. He would hold districts to account to ensure they were delivering against this framework.

The document referred to overall ASB coming down 9% in 2022/23. However, the DMPC said there had been a significant rise in calls for service in Quarter 1, 2023/24 and her casework and community feedback continued to highlight long term repeat ASB concerns. She asked what the reason for the increase in calls for service was, what action was being taken in response and what reassurance could WYP give to those suffering repeat ASB incidents.

ACC Miller said that ASB had reduced more than 9% however this was masked by crime data integrity. A lot of previous ASB was now getting recorded as a criminal offence. They were seeing a big problem with nuisance motorcycles, quad bikes and electric scooters and bikes. They were working with partners to target harden areas and clamp down on this. He added that WYP were proud of their Anti-Social Behaviour and Vulnerability Assessment Tool which their Neighbourhood Coordinators used every time ASB was reported.

This allowed WYP to identify repeat victims who they would then work with to solve the problem. Current vacancies were a problem here, and were the key priority.

The DMPC attended many PACT meetings, she wanted to understand how they were running as she was aware that post Covid some of them were still being held online. Pudsey in particular had complained about the meeting being online. She asked whether this was standard practice, whether officers had flexibility and how the public were engaging with that.

ACC Miller said there was flexibility depending on the needs of communities. They were happy to bring back face to face where the need was there. The framework also measured engagement through PACT, so this could be brought to meetings and the Force could be held to account on this going forward.

The DMPC confirmed that the Pudsey PACT meeting should return to face to face.
"""

MENTAL_HEALTH = """\
The DMPC asked how the Force would ensure Officers continued to attend emergency mental health calls where there was a threat to life and were there concerns that the Right Care Right Person protocol may be misunderstood either internally or externally.

She had some communication this week from a VCSE organisation who felt that a young person was at risk, but the police refused the call out. She said communication with VCSE partners needed to be strengthened so that they understood what the threshold was for police attendance. She also asked what communication was currently taking place with agencies.

ACC Miller said there had been lots in the media about "Right Care Right Person", some of which was not down to West Yorkshire. Apart from the above-mentioned case which would be looked into. In 2019 WYP introduced their Welfare Check Policy and their Hospital Absconder Policy which involved a lot of the principles of "Right Care Right Person". He wanted to be clear in terms of what WYP did and did not attend. If the circumstances included the commission of a crime, or where there was immediate and continuing threat to life, WYP would always attend. The issue was with areas that were not police responsibility. "Right Care Right Person" was a national re-brand and had provided an opportunity to review the policies and re-train officers and staff and they had begun spot-checking some of their own decisions.

He had also written to all heads of Health to reassure them of this, but they would ensure that VCSE partners were also aware of this process.

The DMPC asked for a regular confidential update on how “Right Care Right Person” was working, to include baseline performance data and any partnership barriers that could be addressed together and where WYP would like to see more focus from other agencies. She believed she could be an asset to this situation due to her relationships with the VCSE sector.
"""

BUSINESS_CRIME = """\
ACC Miller said the paper covered the Business Crime Prevention Group that he chaired. He would welcome further membership of this group. It also touched on the impact of the cost-of-living crisis, shoplifting offences, and shop staff assaults. The paper also covered business crime and modern-day slavery and where they had an intelligence gap.

The DMPC said it was good to hear that the Business Crime Group was going strong, she asked how the learning from this group was shared.

ACC Miller said there was a good West Yorkshire wide representation on the group, but it could always be better, so he encouraged people to join. They were represented on the National Retail Crime Group, and they received updates on crime trends and intelligence related to retail OCGs. Through the link to the National Business Centre, they shared the information to the group, therefore increasing the membership of the group would allow the information to be shared wider. They have also undertaken conflict management training for retail staff, helped with the “Shop Kind” campaign and had police weeks of action campaigns endorsed through the partnership. The group had also received information on how to report business crime and had been shown WYPs’ Digital Asset Management System on which they were able to record where people had CCTV and allow uploads of footage of shoplifting.

The DMPC said that she and the Mayor would promote the group to the business community on WYP’s behalf.

The DMPC said that much of the increase in shoplifting seemed to be linked to food inflation, which was startling and most of the shoplifters arrested were of a young age. She asked what percentage of shoplifters were arrested and was there any analysis of those that were not detained as she was told that they just got banned from the store.

ACC Miller said that the arrest rate for the offences reported to the police was 11.8%. In relation to those not detained, the figure was not counted, and this was not currently possible. Of the offences where the individual was not detained but it was captured on CCTV, they showed it on their systems internally to try and identify the suspect. If the suspect was identified, they would make an arrest. Where the suspect could not be identified they looked at doing a WY appeal to identify the individuals.

The DMPC asked whether AI was used, ACC Miller confirmed it was not.

The DMPC was interested in the numbers of individuals who had been arrested who had no markers (38%) which meant they had not been arrested for shoplifting previously and strengthened the link with the cost-of-living crisis. The numbers had risen from 222 to 2000+ people with no markers.

ACC Miller added that in relation to the establishments that were being targeted, the majority were food retailers. He said that other establishments were also targeted by Organised Crime Gangs. However, the data clearly showed that food retailers were impacted more. Different shops took different approaches, a lot were now moving on to the deter method, rather than waiting for the criminal offence to take place.

The DMPC said it was alarming to see the numbers of shop staff assaulted, although there was a higher percentage of those without injury than with an injury. She asked whether the times of day were analysed when looking at these assaults.

ACC Miller said these assaults happened over the full 24 hours, however there was a specific period between 1300-2000 where most assaults took place. Assaults covered both physical and threatening behaviour. The peak time was between 1600-1700.

The DMPC suggested working with the Business Crime Group on how to prevent those crimes from happening, and this intelligence should be shared with the group.

There was an opportunity through the group and through increased engagement with big and small businesses to talk about Modern Slavery. She was pleased to say that both Asda and Morrisons were members of the group and it was an opportunity to increase intelligence around Modern Slavery and the links to business crime, especially in light of the information about out of court disposals. She asked how we could work better to achieve that.

ACC Miller said they had their Modern Slavery and Human Trafficking Team and he was more than happy for them to come to the Business Crime meeting to increase their knowledge. There was a bit of an intelligence gap in regard to the vulnerable clients and supply chains within retail and WYP needed them to be the eyes and ears and feed the intelligence back. The members of the group were aware of the Partnership Intelligence Portal where they could send intelligence in directly, but knowledge of this needed to be increased, along with knowledge of the signs of modern-day slavery. They could do this through the group and with the help of the DMPC.
"""

FUTURE_AGENDA_ITEMS = """\
Rural Crime would be the exception item on the next agenda. The calendar for 2024 would be agreed outside of the meeting.
"""

ANY_OTHER_BUSINESS = """\
None.
"""

NEXT_MEETING = """\
27 February 2024
"""


MEETING = {
    "type": "COM",
    "starts_at": datetime(2023, 10, 10, 10, 0),
    "place": "Wellington House, Leeds",
    "minutes_status": MinutesStatus.PUBLISHED,
    "approved_at": datetime(2023, 10, 24, 9, 0),
    "published_at": datetime(2023, 10, 25, 9, 0),
    "previous_minutes_outcome": "accepted",
    "next_meeting_on": date(2024, 2, 27),
    "present": [
        "Alison Lowe",
        "Julie Reid",
        "Catherine Hankinson",
        "Damien Miller",
        "Carl Glavin",
        "Russ Hughes",
    ],
    "also_present": ["Paige Cowling", "Dave Iveson", "Sharon Waugh"],
    "apologies": [],
    # (title, presenter, papers as (title, url), notes); the item's number is its place here.
    "items": [
        ("Welcome, introductions and apologies", "Alison Lowe", [], WELCOME),
        ("Notes of the previous meeting on 11 July and Matters arising", None, [], PREVIOUS_NOTES),
        ("Mayor's announcements", "Alison Lowe", [], MAYORS_ANNOUNCEMENTS),
        ("Use of Force", "Carl Glavin", [("Full report", f"{PAPERS}/use-of-force.pdf")], USE_OF_FORCE),
        (
            "Stop and Search",
            "Damien Miller",
            [("Full report", f"{PAPERS}/stop-and-search.pdf")],
            STOP_AND_SEARCH,
        ),
        (
            "Neighbourhood Crime",
            "Damien Miller",
            [("Full report", f"{PAPERS}/neighbourhood-crime.pdf")],
            NEIGHBOURHOOD_CRIME,
        ),
        (
            "Neighbourhood Policing and ASB",
            "Damien Miller",
            [("Full report", f"{PAPERS}/neighbourhood-policing-and-asb.pdf")],
            NEIGHBOURHOOD_POLICING_AND_ASB,
        ),
        ("Mental Health", "Damien Miller", [("Full report", f"{PAPERS}/mental-health.pdf")], MENTAL_HEALTH),
        (
            "Business Crime – Exception Paper",
            "Damien Miller",
            [("Full report", f"{PAPERS}/business-crime-exception-paper.pdf")],
            BUSINESS_CRIME,
        ),
        ("Future Agenda Items", None, [], FUTURE_AGENDA_ITEMS),
        ("Any Other Business", None, [], ANY_OTHER_BUSINESS),
        ("Next Meeting", None, [], NEXT_MEETING),
    ],
    # Agreed under item 10; carried into the agenda of 27 February 2024.
    "future_items": ["Rural Crime (exception item)"],
}

# The seven actions, in the order the minutes letter them under their items. Their reference
# (COM-2023-10-04a ...) and position are derived from the item and the order here. Priorities are
# numbered as in the Police and Crime Plan 2021-24; indicators are named as in plan_2021_24.
# Each update: the day, the author's username, its kind ("update", "extension_request", "edit",
# "sign_off", "sent_back"), the status change (old, new) if any, the note written as a reply, and
# optionally an evidence_url or the fields an edit changed.
ACTIONS = [
    {
        "item": 4,
        "text": "WYP to provide further analytical work to understand why the proportion of complaints from women and girls was higher.",
        "lead": "Carl Glavin",
        "due_on": date(2024, 1, 31),
        "status": S.IN_PROGRESS,
        "priorities": [2, 3],
        "requested_due_on": date(2024, 4, 30),
        "requested_due_reason": "The national IOPC complaints statistics for 2022/23 are published in March; WYP want to compare West Yorkshire with the national picture before reporting.",
        "updates": [
            {
                "on": date(2023, 11, 14),
                "by": "secretariat",
                "kind": "update",
                "status": (S.OPEN, S.IN_PROGRESS),
                "note": "Update from T/ACC Glavin's office: Professional Standards Department analysts have been asked to break down public complaints from women and girls by allegation type, district and the service complained about, for the 12 months to September 2023, and to compare them with the same period in 2021/22.",
            },
            {
                "on": date(2024, 2, 19),
                "by": "secretariat",
                "kind": "extension_request",
                "note": "Update from T/ACC Glavin's office: The first cut of the analysis is complete, but the number of complaints from women and girls is small and needs reading alongside the national IOPC figures due in March. WYP ask for the due date to move to 30 April 2024.",
            },
        ],
    },
    {
        "item": 4,
        "text": "WYP to separate out Use of Force in custody settings in future reports and to provide the DMPC with these figures outside the meeting.",
        "lead": "Carl Glavin",
        "due_on": date(2024, 2, 29),
        "status": S.AWAITING_SIGN_OFF,
        "recurring": True,
        "priorities": [3],
        "updates": [
            {
                "on": date(2023, 12, 5),
                "by": "secretariat",
                "kind": "update",
                "status": (S.OPEN, S.IN_PROGRESS),
                "note": "Update from T/ACC Glavin's office: Custody is now a location category of its own on the Use of Force form. The Performance Review team are extracting the custody figures for April to September 2023.",
            },
            {
                "on": date(2024, 2, 12),
                "by": "secretariat",
                "kind": "update",
                "status": (S.IN_PROGRESS, S.AWAITING_SIGN_OFF),
                "note": "Update from T/ACC Glavin's office: The figures for use of force in custody settings were sent to the DMPC on 9 February 2024. From the next Use of Force report, custody and other settings will be shown separately. WYP ask that the action is signed off.",
                "evidence_url": f"{PAPERS}/use-of-force-in-custody-figures.pdf",
            },
        ],
    },
    {
        "item": 5,
        "text": "WYP to consult the young people from Carr Manor High School who were involved in the Black Boy Joy video on their road traffic app.",
        "lead": "Damien Miller",
        "due_on": date(2024, 3, 29),
        "status": S.IN_PROGRESS,
        "priorities": [3],
        "updates": [
            {
                "on": date(2023, 12, 12),
                "by": "lead",
                "kind": "update",
                "status": (S.OPEN, S.IN_PROGRESS),
                "note": "The Force Principal Engagement Officer has contacted Carr Manor High School. The school is happy to host a session with the young people who made the Black Boy Joy video once the app design has been through the ISaAG.",
            },
            {
                "on": date(2024, 2, 14),
                "by": "lead",
                "kind": "update",
                "note": "The app design was presented to the ISaAG on 6 February. A session at Carr Manor High School is booked for 19 March 2024, ahead of the April 2024 roll-out; the feedback will be shared with the DMPC.",
            },
        ],
    },
    {
        "item": 7,
        "text": "WYP to provide the specific figures regarding the number of additional Officers in each district.",
        "lead": "Damien Miller",
        "due_on": date(2023, 11, 30),
        "status": S.CLOSED,
        "closed_on": date(2023, 12, 14),
        "priorities": [3],
        "indicators": ["Additional officers and staff (750 pledge)"],
        "updates": [
            {
                "on": date(2023, 11, 27),
                "by": "lead",
                "kind": "update",
                "status": (S.OPEN, S.AWAITING_SIGN_OFF),
                "note": "The district breakdown of the 66 uplift officers for Neighbourhood Policing Teams, with the current vacancies in each district, was sent to the DMPC on 27 November 2023.",
            },
            {
                "on": date(2023, 12, 14),
                "by": "dmpc",
                "kind": "sign_off",
                "status": (S.AWAITING_SIGN_OFF, S.CLOSED),
                "note": "Figures received and shared with the Policing and Crime team. Signed off.",
            },
        ],
    },
    {
        "item": 7,
        "text": "WYP to provide the Neighbourhood Performance Framework to the DMPC and include it in future reports.",
        "lead": "Damien Miller",
        "due_on": date(2024, 2, 16),
        "status": S.OPEN,
        "recurring": True,
        "priorities": [3],
        "indicators": ["ASB incidents", "Neighbourhood crime"],
        "updates": [
            {
                "on": date(2024, 1, 10),
                "by": "lead",
                "kind": "update",
                "note": "Districts are still populating the framework; about half of its measures can be counted at present. WYP will share the framework with the DMPC once the engagement (including PACT) and problem-solving measures are in place.",
            },
        ],
    },
    {
        "item": 8,
        "text": "WYP to confidentially update the DMPC regularly on how “Right Care Right Person” was working, to include baseline performance data and any partnership barriers that could be addressed together and where WYP would like to see more focus from other agencies.",
        "lead": "Damien Miller",
        "due_on": date(2024, 4, 30),
        "status": S.IN_PROGRESS,
        "confidential": True,
        "recurring": True,
        "priorities": [4],
        "updates": [
            {
                "on": date(2023, 12, 8),
                "by": "lead",
                "kind": "update",
                "status": (S.OPEN, S.IN_PROGRESS),
                "note": "First confidential update given to the DMPC on 7 December 2023, with baseline data on welfare checks and hospital absconder calls since the policy review. The case raised by the VCSE organisation has been reviewed with the district.",
            },
            {
                "on": date(2023, 12, 11),
                "by": "secretariat",
                "kind": "edit",
                "note": "Next confidential update due by 30 April 2024, as agreed with the DMPC; updates to follow quarterly.",
                "changes": {"due_on": ["2023-12-15", "2024-04-30"]},
            },
        ],
    },
    {
        "item": 9,
        "text": "WYP to provide any materials on the Business Crime Group they would like the Mayor/ DMPC to promote.",
        "lead": "Damien Miller",
        "due_on": date(2024, 2, 23),
        "status": S.IN_PROGRESS,
        "priorities": [3],
        "updates": [
            {
                "on": date(2024, 1, 22),
                "by": "lead",
                "kind": "update",
                "status": (S.OPEN, S.AWAITING_SIGN_OFF),
                "note": "Shop Kind campaign materials and the Business Crime Group's guidance on reporting business crime were sent to the Policing and Crime team for the Mayor's and DMPC's channels.",
            },
            {
                "on": date(2024, 2, 2),
                "by": "dmpc",
                "kind": "sent_back",
                "status": (S.AWAITING_SIGN_OFF, S.IN_PROGRESS),
                "note": "Thank you for the Shop Kind materials. Please also send how businesses can join the Business Crime Group and the guidance on the Partnership Intelligence Portal, so that we can promote membership as discussed at the meeting.",
                "changes": {"due_on": ["2024-01-31", "2024-02-23"]},
            },
        ],
    },
]
