"""The first published version of the Approved Provider Standard: 10 requirements in 4 areas,
in our own words. Loaded by migration 0002; platform admins make later versions."""

from django.utils import timezone

VERSION = "2026"
TITLE = "Approved Provider Standard"
INTRODUCTION = (
    "The quality mark for mentoring and befriending projects working with people in prison, "
    "leaving prison or on probation. It tells people referring to a project, and the people "
    "who fund it, that the project is well run, keeps everyone safe and supports its mentors "
    "and the people they mentor well. An award is valid for 3 years."
)

# (area title, area description, [(code, title, what we look for, evidence that could show it)])
AREAS = [
    (
        "Management and operation",
        "How the project is run: what it is for, what it has to work with and how it keeps "
        "people safe.",
        [
            (
                "aims",
                "Clear aims",
                "The project has written aims that say who it is for, what kind of mentoring it "
                "offers and what difference it means to make. Staff, mentors and the people who "
                "refer to it know them, and they are looked at again at least every two years.",
                "A current project or business plan; the statement of aims given to mentors and "
                "referrers; notes of the meeting where the aims were last reviewed.",
            ),
            (
                "resources",
                "Appropriate resources",
                "The project has the money, people, places to meet and equipment to deliver what "
                "it promises over the next year, and named people are responsible for running it "
                "and for its mentors.",
                "A budget and funding position for the next 12 months; a staffing chart showing "
                "who coordinates mentors; insurance certificates; where mentors and mentees meet.",
            ),
            (
                "safety",
                "Safety of staff, service users and mentors",
                "Risks to staff, the people mentored and mentors are assessed and managed: lone "
                "working, meeting places in prison and in the community, safeguarding, "
                "confidentiality and sharing information, and what happens when something goes "
                "wrong.",
                "Safeguarding and lone-working policies; risk assessments for meetings; the "
                "named safeguarding lead; a log of incidents and what was changed after them.",
            ),
        ],
    ),
    (
        "Service users",
        "How people come to the project, and how the project understands what they need.",
        [
            (
                "referral",
                "A clear process for identifying and referring service users",
                "The project says who it can help, how people are referred or can ask "
                "themselves, how soon they hear back and where they are pointed if the project "
                "cannot help.",
                "Who the project is for, and its referral form; agreements with prisons, "
                "probation and other referrers; how long people wait for an answer; how people "
                "who are not taken on are signposted elsewhere.",
            ),
            (
                "needs-assessment",
                "Service users' needs are assessed",
                "Each person's needs are assessed with them when they start, across the parts of "
                "their life mentoring can help with, and looked at again as the mentoring goes "
                "on. The assessment shapes the goals they agree.",
                "The assessment record; how many people had an assessment at the start and a "
                "review later; examples of action plans drawn from assessments.",
            ),
        ],
    ),
    (
        "Mentors",
        "How mentors are chosen, prepared and supported.",
        [
            (
                "recruitment",
                "Safe and effective recruitment and selection",
                "Mentors are recruited against a written role description and chosen through a "
                "fair, written process: application, interview, references and the right level "
                "of criminal record check. People with convictions are treated fairly, and each "
                "decision about risk is made and recorded by a named person.",
                "Role descriptions; the written vetting process; a record of the checks made "
                "for each mentor; the policy on recruiting people with convictions.",
            ),
            (
                "induction-training",
                "Induction and training",
                "Every mentor has an induction and completes the training the role needs before "
                "they are matched, and refreshes it when it falls due.",
                "The induction programme; training materials and who completed them; how "
                "refresher training is tracked.",
            ),
            (
                "support-supervision",
                "Ongoing support and supervision",
                "Mentors are supervised by a named member of staff, regularly and whenever they "
                "need it, and know how to raise a concern.",
                "The supervision policy; records of supervision (how often, how recently); how "
                "concerns mentors raise are recorded and acted on.",
            ),
        ],
    ),
    (
        "The relationship",
        "How mentors and mentees are brought together, and how their time together is followed.",
        [
            (
                "matching",
                "A clear, consistent matching process",
                "Mentors and mentees are matched in the same written way each time, taking "
                "account of what the mentee needs and wants and of the mentor's skills, time and "
                "experience. The reasons for each match are recorded.",
                "The matching procedure; recorded reasons for matches; how mentees are asked "
                "what they want from a mentor.",
            ),
            (
                "monitoring",
                "Relationships monitored for progress and outcomes, including endings",
                "Each relationship is followed against the goals agreed at the start; progress "
                "and outcomes are recorded; and endings, planned or not, are handled with care "
                "and learnt from.",
                "Meeting logs; reviews of progress against action plans; outcome figures; how "
                "endings are planned and recorded, and what mentees said when they ended.",
            ),
        ],
    ),
]


def load_standard(Standard, Area, Requirement) -> None:
    """Create the first version if it is missing. Takes the model classes, so a migration can
    pass its historical models."""
    if Standard.objects.filter(version=VERSION).exists():
        return
    standard = Standard.objects.create(
        version=VERSION,
        title=TITLE,
        introduction=INTRODUCTION,
        status="published",
        published_at=timezone.now(),
    )
    for area_position, (title, description, requirements) in enumerate(AREAS, start=1):
        area = Area.objects.create(
            standard=standard, position=area_position, title=title, description=description
        )
        for position, (code, name, looked_for, guidance) in enumerate(requirements, start=1):
            Requirement.objects.create(
                standard=standard,
                area=area,
                position=position,
                code=code,
                title=name,
                description=looked_for,
                guidance=guidance,
            )
