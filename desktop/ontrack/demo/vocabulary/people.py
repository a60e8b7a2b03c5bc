"""Who appears in the demo: names, the user's personas, companies, roles and work words."""

from __future__ import annotations

PERSONAS = (
    "Dana Reyes",
    "Sam Okafor",
    "Maya Lindqvist",
    "Jordan Ellis",
    "Priya Natarajan",
    "Alex Moreau",
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    """
    Aaron Abby Adam Adrian Aisha Alan Alice Amara Amir Ana Andrew Angela Anna Arjun Ava
    Ben Bianca Brian Caleb Camila Carla Carlos Carmen Chen Chris Claire Connor Dan Daniel
    David Deepa Diana Diego Dmitri Elena Eli Emily Emma Ethan Eva Farah Felix Fiona Grace
    Gregory Hannah Hassan Helen Henry Hiro Ian Imani Isaac Isabel Jack Jacob James Jamal
    Jane Jasmine Jason Javier Jenna Jessica Joan Joel John Jonas Julia Karen Kate Kevin
    Kofi Laura Leah Leo Liam Lily Linda Lucas Lucy Luis Maria Mark Marta Matt Megan Mei
    Michael Mina Mohammed Nadia Naomi Nathan Neha Nick Nina Noah Olivia Omar Owen Paul Pedro
    Peter Rachel Rahul Raj Rebecca Ria Rosa Ruth Ryan Sara Sean Sofia Sophie Tariq Tessa
    Thomas Tom Uma Victor Wei Will Yara Yusuf Zach Zainab
    """
)

LAST_NAMES = _words(
    """
    Abbott Adams Adeyemi Ahmed Allen Alvarez Anderson Baker Banerjee Barnes Bauer Bell
    Bennett Brooks Brown Campbell Carter Castillo Chang Chen Clarke Collins Cooper Cruz
    Das Davies Diaz Edwards Evans Fischer Fletcher Foster Garcia Gill Gomez Gordon Grant
    Gray Green Gupta Hall Harris Hayes Hughes Iyer Jackson James Jensen Johnson Jones Kaur
    Kelly Khan Kim Klein Kowalski Kumar Larsen Lee Lewis Lim Lopez Martin Mason Mendes
    Mensah Meyer Miller Mitchell Moore Morales Murphy Murray Nakamura Nelson Novak Nowak
    Obi Ortiz Owens Park Patel Perez Petrov Phillips Popescu Price Quinn Ramirez Reed Reid
    Richards Rivera Roberts Rossi Russo Santos Sato Schmidt Scott Shah Silva Singh Smith
    Sousa Stewart Sullivan Tan Taylor Thompson Torres Turner Walker Wang Ward Watson Weber
    White Williams Wilson Wong Wright Wu Yamamoto Young Zhang
    """
)

# Names that need more than ASCII, with the ASCII form used in e-mail and LinkedIn URLs.
INTERNATIONAL_NAMES = (
    ("Zoë Müller", "zoe-muller"),
    ("José Álvarez", "jose-alvarez"),
    ("Nguyễn Văn An", "nguyen-van-an"),
    ("李娜", "li-na"),
    ("Anaïs Lefèvre", "anais-lefevre"),
    ("Łukasz Wiśniewski", "lukasz-wisniewski"),
    ("Björn Ågren", "bjorn-agren"),
    ("Siobhán O'Brien", "siobhan-obrien"),
    ("Renée Côté", "renee-cote"),
    ("Jürgen Schäfer", "jurgen-schafer"),
    ("田中美咲", "misaki-tanaka"),
    ("Zoltán Kovács", "zoltan-kovacs"),
    ("Dagný Jónsdóttir", "dagny-jonsdottir"),
    ("Søren Dahl", "soren-dahl"),
    ("Chloé Dubois", "chloe-dubois"),
    ("Inês Ferreira", "ines-ferreira"),
    ("Pál Németh", "pal-nemeth"),
    ("François Girard", "francois-girard"),
)

# (name, e-mail domain); all made up.
COMPANIES = (
    ("Northwind Analytics", "northwind-analytics.com"),
    ("Bluefin Health", "bluefinhealth.com"),
    ("Lumen Robotics", "lumenrobotics.io"),
    ("Harbor & Vale", "harborvale.com"),
    ("Quill Payments", "quillpay.com"),
    ("Tessellate", "tessellate.dev"),
    ("Greenline Energy", "greenline-energy.com"),
    ("Copperleaf Studios", "copperleaf.studio"),
    ("Atlas Freight", "atlasfreight.com"),
    ("Brightpath Learning", "brightpath.edu"),
    ("Kestrel Security", "kestrelsec.com"),
    ("Meridian Bank", "meridianbank.com"),
    ("Fable Games", "fablegames.com"),
    ("Oakridge Labs", "oakridgelabs.io"),
    ("Pinecone Mobility", "pineconemobility.com"),
    ("Sable Cloud", "sablecloud.io"),
    ("Tidewater Media", "tidewatermedia.com"),
    ("Vantage Retail", "vantageretail.com"),
    ("Wren Insurance", "wren-insurance.com"),
    ("Zephyr Systems", "zephyrsystems.com"),
    ("Cobalt Commerce", "cobaltcommerce.com"),
    ("Driftwood Travel", "driftwood.travel"),
    ("Elm Street Ventures", "elmstreet.vc"),
    ("Fernway Logistics", "fernway.com"),
)

ROLES = {
    "engineer": (
        "Software engineer",
        "Senior software engineer",
        "Staff engineer",
        "Principal engineer",
        "Backend engineer",
        "Frontend engineer",
        "Site reliability engineer",
        "Data engineer",
        "Mobile engineer",
        "QA lead",
    ),
    "manager": (
        "Engineering manager",
        "Senior engineering manager",
        "Director of engineering",
        "Head of platform",
        "VP Engineering",
        "CTO",
    ),
    "product": (
        "Product manager",
        "Senior product manager",
        "Product designer",
        "UX researcher",
        "Data scientist",
        "Technical program manager",
    ),
    "recruiter": (
        "Technical recruiter",
        "Senior talent partner",
        "Head of talent",
        "Executive recruiter",
    ),
    "client": (
        "Operations director",
        "Head of IT",
        "Customer success lead",
        "Solutions architect",
        "Chief operating officer",
    ),
    "community": (
        "Developer advocate",
        "Meetup organiser",
        "Agile coach",
        "Independent consultant",
        "Conference speaker",
        "Founder",
    ),
}

# Words for the `{placeholders}` in goals, feedback and notes.
PROJECTS = (
    "Atlas",
    "payments API",
    "mobile checkout",
    "search relaunch",
    "data platform",
    "billing migration",
    "onboarding flow",
    "Orion",
    "reporting",
    "Beacon",
    "single sign-on",
    "notifications",
)
TEAMS = (
    "platform",
    "payments",
    "mobile",
    "data",
    "SRE",
    "growth",
    "support tooling",
    "identity",
)
TOPICS = (
    "observability",
    "testing legacy code",
    "API design",
    "blameless incident reviews",
    "accessibility",
    "feature flags",
    "Postgres performance",
    "career ladders",
    "remote onboarding",
    "technical debt",
)
CLIENTS = (
    "Halden Logistics",
    "Marlow & Finch",
    "Cedar Health",
    "Brightwater Schools",
    "Kestrel Foods",
    "Oakridge Bank",
)
