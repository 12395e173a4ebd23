"""Word lists and phrase pieces for the benchmark corpus (see generate.py).

Everything here is lower case: the generator capitalises only the first word of a
sentence, title or heading, and the few acronyms below are written as they are.
Words that double as given names (grace, faith, hope, joy, patience, mercy, rose,
iris, ivy, may, june, august, dawn, summer, autumn, sage, basil, amber, ruby,
pearl, will, mark, ...) are kept out on purpose, because sitegen's privacy scan
looks for capitalised name-like words in case studies.
"""

# Things in and around the treatment room: anatomy, practice, reflection.
BODY = (
    "breath", "jaw", "neck", "shoulder", "shoulder blade", "rib cage", "diaphragm",
    "sternum", "spine", "lower back", "pelvis", "sacrum", "hip", "hamstring",
    "calf", "foot", "ankle", "knee", "forearm", "wrist", "hand", "thumb",
    "scalp", "collarbone", "belly", "psoas", "fascia", "connective tissue",
    "upper trapezius", "scar", "posture", "gait", "weight", "pulse",
)
PRACTICE = (
    "session", "treatment plan", "intake form", "check-in", "pause", "boundary",
    "contract", "pressure", "pace", "silence", "touch", "contact", "rhythm",
    "grounding", "tension", "release", "warmth", "stillness", "curiosity",
    "fatigue", "holding pattern", "first meeting", "last session", "referral",
    "home exercise", "follow-up", "waiting room", "treatment couch", "bolster",
    "drape", "towel", "appointment diary", "case note", "cancellation",
)
REFLECTION = (
    "supervision", "practice", "attention", "consent", "trust", "doubt",
    "presence", "judgement", "habit", "assumption", "uncertainty", "rapport",
    "resistance", "reflection", "learning", "intention", "question", "pattern",
    "expectation", "professional distance", "self-care", "compassion",
    "discomfort", "confidence", "listening", "feedback", "responsibility",
    "workload", "scope of practice", "training", "mistake", "ethic",
)
NOUNS = BODY + PRACTICE + REFLECTION

OWNERS = ("the", "the", "the", "my", "a", "their", "the client's", "this")

ADJECTIVES = (
    "slow", "quiet", "steady", "tender", "guarded", "curious", "heavy", "light",
    "warm", "familiar", "unhurried", "brittle", "careful", "candid", "subtle",
    "stubborn", "restless", "settled", "tired", "open", "closed", "uneven",
    "gentle", "firm", "deliberate", "unexpected", "small", "useful", "awkward",
    "shared", "ordinary", "uncertain", "patient", "clumsy", "soft", "tight",
)
ADVERBS = (
    "slowly", "gently", "quietly", "often", "sometimes", "rarely", "gradually",
    "almost always", "unexpectedly", "carefully", "eventually", "briefly",
)

# Verbs: third person singular present, intransitive and transitive.
VERBS_I = (
    "softens", "settles", "shifts", "returns", "lingers", "loosens", "slows",
    "widens", "steadies", "hesitates", "changes", "fades", "stays", "tightens",
    "opens", "waits", "moves", "recovers",
)
VERBS_T = (
    "asks for", "follows", "meets", "invites", "mirrors", "reveals", "protects",
    "carries", "shapes", "interrupts", "supports", "hides", "echoes",
    "depends on", "makes room for", "pushes against", "leans on",
)
GERUNDS = (
    "noticing", "holding", "tracking", "naming", "softening", "following",
    "meeting", "listening to", "working with", "staying with", "questioning",
    "writing about", "returning to", "making room for",
)
INFINITIVES = (
    "notice", "hold", "track", "name", "soften", "follow", "meet", "listen to",
    "work with", "stay with", "question", "write about", "return to",
    "make room for",
)

OPENERS = (
    "in supervision,", "over time,", "most weeks,", "on reflection,", "lately,",
    "for a while,", "again and again,", "in the treatment room,", "afterwards,",
    "at the start of a session,", "towards the end of the hour,",
    "in my first years of practice,", "looking back,", "more than once,",
    "on a busy day,", "when the room is quiet,",
)
FIRST_PERSON = (
    "I notice that", "I wonder whether", "I keep returning to the idea that",
    "I have learned that", "it helps to remember that", "what strikes me is that",
    "my supervisor once suggested that", "the research suggests that",
    "I am no longer sure that", "it seems to me that", "I try to trust that",
    "I used to think that",
)
ACRONYM_SENTENCES = (
    "It all counts towards my CPD hours, though that is not why I do it.",
    "The TMJ is rarely the whole story.",
    "A client with RSI taught me more about pacing than any course did.",
    "The CPD workshop on consent changed how I phrase my first question.",
    "The GP letter arrived after the session, which is usually how it goes.",
)
LIST_LEADS = (
    "A few things I try to remember:",
    "What helped, in no particular order:",
    "Questions I now ask myself before a session:",
    "Some notes from supervision:",
    "What I look for in the first few minutes:",
    "Things I would tell a newly qualified colleague:",
)
LIST_ITEMS = (
    "{inf_cap} {np} before {ger} {np}.",
    "Ask about {np} early, and again later.",
    "Leave room for {np}.",
    "Notice when {np} {vi}.",
    "{ger_cap} {np} is part of the work, not a distraction from it.",
    "Check {np} against {np}.",
    "Slow down when {np} feels {adj}.",
    "Write down one {adj} thing about {np}.",
)
QUOTE_TAILS = (
    "", "", "", " (from my supervision notes)", " (a line I keep above my desk)",
    " (from a workshop handout)", " (my own note, written after a long day)",
)
LINK_TEXTS = (
    "a short guide", "this overview", "a helpful summary", "the professional body's guidance",
    "a reading list", "an article on the subject",
)
EXTERNAL_PATHS = (
    "guides/grounding", "reading/supervision", "articles/touch-and-consent",
    "notes/breath", "resources/self-care", "articles/scope-of-practice",
)

TITLE_PATTERNS = (
    "What the {n} knows",
    "On {ger} {n}",
    "Notes on {n}",
    "Staying with the {n}",
    "The {adj} {n}",
    "When the {n} {vi}",
    "{n_cap} and {n}",
    "What the {n} taught me about {n}",
    "A {adj} week of {n}",
    "Learning to trust the {n}",
    "Between {n} and {n}",
    "Why {n} matters",
    "{ger_cap} {n}, again",
    "Small lessons in {n}",
    "Notes on the {n} and the {n}",
)
HEADING_PATTERNS = (
    "What the {n} knows",
    "On {ger} {n}",
    "Notes from the treatment room",
    "Where {n} meets {n}",
    "Working with the {n}",
    "A question of {n}",
    "Returning to {n}",
    "Afterwards",
    "What I would do differently",
    "The {adj} part",
    "In supervision",
    "What changed",
)
SUMMARY_PATTERNS = (
    "A reflection on {n} and what it asks of me as a practitioner.",
    "Some thoughts on {ger} {n}, written after a long week.",
    "What a {adj} session taught me about {n}.",
    "Notes on {n}, {n} and the space between them.",
)

# Case studies: only generic, non-identifying detail.
PRESENTING = (
    "persistent neck tension", "low back pain after long shifts",
    "jaw clenching during stressful periods", "shoulder stiffness after an injury",
    "tension headaches", "hip discomfort when walking", "poor sleep and general tension",
    "wrist pain from repetitive work", "tight hamstrings after returning to running",
    "restricted breathing when anxious", "scar tissue after surgery",
    "calf cramps at night",
)
APPROACHES = (
    "myofascial release", "breath work", "graded movement", "trigger point work",
    "gentle mobilisation", "postural education", "relaxation massage",
    "scar tissue work", "home exercises", "soft tissue release", "stretching",
)
OUTCOMES = (
    "reduced pain and improved sleep", "greater ease of movement",
    "fewer headaches over the course of treatment", "better awareness of early tension",
    "a return to regular exercise", "partial relief, with a referral for further assessment",
    "more comfort at work", "calmer breathing under stress",
)
CASE_TITLES = (
    "case study: {presenting}",
    "case study: {presenting}",
    "working with {presenting}",
    "notes on a case of {presenting}",
    "{sessions} sessions for {presenting}",
    "what {presenting} asked of me",
    "a case of {presenting}",
)
NUMBER_WORDS = ("three", "four", "five", "six", "seven", "eight", "ten", "twelve")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
CASE_SENTENCES = (
    "In the {ord} session the client described {presenting}.",
    "We agreed to review progress after the {ord} session.",
    "The client preferred {adj} pressure and plenty of time to settle.",
    "By the {ord} session the {body} felt noticeably less {adj}.",
    "We talked about {np} and how it shows up outside the treatment room.",
    "The client asked for {np} to be left alone, and I respected that.",
    "Progress was {adj} rather than dramatic.",
    "Between sessions the client practised {approach} at home.",
    "I used {approach} for most of the hour, with short pauses to check in.",
    "Looking back, the {ord} session was where {np} {vi}.",
)

# ~60 tags; sampled with Zipf-like weights in this order (first = most common).
TAGS = (
    "supervision", "self-care", "boundaries", "consent", "breath", "touch",
    "reflective practice", "neck and shoulders", "lower back", "case notes",
    "pacing", "grounding", "cpd", "ethics", "listening", "burnout",
    "fascia", "posture", "client communication", "first sessions", "scar tissue",
    "headaches", "sleep", "stress", "jaw", "hips", "running injuries",
    "pregnancy massage", "chronic pain", "anxiety", "trauma-informed care",
    "home exercises", "record keeping", "scope of practice", "referrals",
    "pricing", "cancellations", "working alone", "training", "mistakes",
    "feedback", "endings", "rapport", "silence", "pressure", "hands",
    "desk work", "older clients", "sports massage", "myofascial release",
    "stretching", "gait", "diaphragm", "relaxation", "hydration",
    "professional development", "reading", "workshops", "peer support",
    "rest",
)
