"""The words kg's rules read, in one place: English function words and the few open-class
words that news uses in fixed ways. What signals a relation or types a name is not here: it
is the ontology's (``ai:verbTrigger``, ``ai:classTrigger``, ...)."""

# -- boilerplate ---------------------------------------------------------------------------

# Calls to action that open a promotional line: "Subscribe to our newsletter", "Download our app".
CALL_TO_ACTION = frozenset({"subscribe", "sign", "download", "join", "follow", "register", "click", "share",
                            "listen", "watch", "get", "discover", "stay", "read", "install", "tap", "log",
                            "become", "support", "unlock", "try", "claim"})
# Words that make a line about the publication itself rather than about the news.
PROMOTION = frozenset({"newsletter", "newsletters", "subscription", "subscriptions", "subscribe", "inbox", "app",
                       "podcast", "community", "updates", "offers", "privacy", "policy", "cookies", "terms",
                       "conditions", "copyright", "rights", "advertisement", "sponsored", "webinar", "story",
                       "stories", "membership", "telegram", "discord", "whatsapp"})
READER = frozenset({"our", "your", "us", "you"})

# -- names ---------------------------------------------------------------------------------

# Generic words of the field that NER takes for names; they never denote one entity.
NOT_NAMES = frozenset({
    "ai", "a.i.", "agi", "genai", "llm", "llms", "api", "apis", "gpu", "gpus", "ml", "nlp", "ceo",
    "cto", "cfo", "x", "ar", "vr", "iot", "saas", "ipo", "r&d", "q1", "q2", "q3", "q4",
})
# Lower-case words that may stand inside a name ("Partnership on AI", "Bank of America").
NAME_CONNECTORS = frozenset({"of", "on", "for", "and", "&", "de", "la", "le", "du", "von", "van", "der", "al"})
# Lower-case words inside people's names ("Ann de Vries", "Piet van der Berg", "Omar bin Said"):
# between given name and family name they make a person, whatever NER says.
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "do", "dos", "du", "van", "von", "der", "den", "ter",
                            "le", "la", "bin", "ibn", "al", "el"})
# The head words of institutions named in other languages, whose particles make no person:
# "Banco de Chile", "Universidad de Chile", "Banque de France".
FOREIGN_INSTITUTION_WORDS = frozenset({"banco", "banca", "banque", "bank", "caja", "caisse", "casa", "grupo", "groupe",
                                       "instituto", "institut", "istituto", "universidad", "universidade",
                                       "université", "universität", "universita", "museo", "musée", "museum",
                                       "société", "sociedad", "compagnie", "compañía", "companhia", "fundación",
                                       "fondation", "stichting", "partido", "parti", "ministerio", "ministère",
                                       "consejo", "conseil", "radio", "televisión", "cámara", "camara"})
# The small words between a name's head word and the rest: "Center for Robot Learning",
# "University of Kelp", "Partnership on AI".
NAME_HEAD_CONNECTORS = frozenset({"of", "for", "on"})
CORPORATE_SUFFIXES = frozenset({"inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "plc", "co.", "gmbh", "sa", "ag"})
# Words that end a company's name and that news drops after the first mention: "Scale AI"
# then "Scale", "Cerebras Systems" then "Cerebras".
DROPPABLE_NAME_ENDINGS = CORPORATE_SUFFIXES | {"ai", "labs", "lab", "corporation", "technologies", "systems",
                                               "robotics", "holdings", "co"}
# Verbs that give a common noun its name: "a chip called Gaudi 3", "a model dubbed Zephyr".
NAMING_VERBS = frozenset({"call", "name", "dub", "brand", "know", "title", "codename"})
STOCK_EXCHANGES = frozenset({"nasdaq", "nyse", "tsx", "lse", "hkex", "sse", "szse", "krx", "tyo", "euronext"})
LIST_CONNECTORS = frozenset({",", "and", "or", "&"})
LIST_CONJUNCTIONS = frozenset({"and", "or", "&"})

# -- titles ---------------------------------------------------------------------------------

# Titles as news abbreviates them before a name: "Gov. Ann Lee", "Sen. Bo Park".
TITLE_ABBREVIATIONS = {
    "gov.": "governor", "sen.": "senator", "rep.": "representative", "pres.": "president",
    "gen.": "general", "lt.": "lieutenant", "col.": "colonel", "maj.": "major", "capt.": "captain",
    "sgt.": "sergeant", "cmdr.": "commander", "adm.": "admiral", "prof.": "professor",
    "supt.": "superintendent", "atty.": "attorney", "sec.": "secretary", "amb.": "ambassador",
    "insp.": "inspector", "det.": "detective", "gov": "governor", "sen": "senator",
}

# Titles of address that news sets before a person's name and that stay part of how the
# person is called ("President Lincoln", "Dr. Ann Lee", "Roman Emperor Hadrian").
HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "rev.", "mr", "mrs", "ms", "dr", "sir", "dame", "president",
                        "vice", "prime", "minister", "premier", "chancellor", "king", "queen", "prince",
                        "princess", "emperor", "empress", "sultan", "pope", "archduke", "duke", "duchess",
                        "lord", "lady", "sheikh", "senator", "governor", "mayor", "judge", "justice",
                        "general"})

# -- possessives ---------------------------------------------------------------------------

#: the tokens that mark a possessor: "Acme's", "Acme’s", "the founders'"
POSSESSIVE_MARKERS = ("'s", "’s", "'")

# -- references to named things ------------------------------------------------------------

#: nouns that can stand for any company: the article's main one is meant
GENERIC_ORGANIZATION_NOUNS = frozenset({"company", "startup", "start-up", "firm", "giant", "chipmaker",
                                         "conglomerate", "lab", "laboratory", "business", "maker"})
#: the nouns that stand for the company an article is about, whatever else it calls so
BROADEST_ORGANIZATION_NOUNS = frozenset({"company", "firm", "business"})
#: words a description or pronoun of an entity starts with
REFERRING_WORDS = frozenset({"the", "its", "it", "he", "she"})
#: pronouns that stand for a person
PERSON_PRONOUNS = frozenset({"he", "she"})
#: possessive pronouns that can stand for an organization
ORGANIZATION_PRONOUNS = frozenset({"its"})
# Adjectives that may stand between "the" and a class noun: "the new model".
DESCRIPTION_ADJECTIVES = frozenset({"new", "latest", "upcoming", "updated", "smaller", "larger", "flagship",
                                    "open", "same", "original", "first", "second", "next", "previous"})

# -- how relations are stated: prepositions, lists, clauses, modality and time -------------

# Prepositions that tie a person to an organization: "researchers at Acme", "Ann Lee of Acme".
AFFILIATION_PREPOSITIONS = frozenset({"at", "from", "of"})
# Prepositions whose object is an argument of a noun trigger ("president of", "investor in").
NOUN_PREPOSITIONS = frozenset({"of", "at", "for", "in", "with", "to", "from", "on", "behind"})
# Prepositions that take the object of a nominalized verb ("investment in", "acquisition of").
NOMINAL_OBJECT_PREPOSITIONS = frozenset({"in", "of", "into", "with"})
# Prepositions that introduce examples of a common noun ("models such as BLOOM").
EXAMPLE_PREPOSITIONS = frozenset({"including", "like", "as"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
RELATIVE_POSSESSIVE = "whose"
# Pronouns that give a noun an owner of its own: "whose founder", "his company".
OWNER_PRONOUNS = frozenset({"whose", "his", "her", "their"})
# What makes a preposition add a doer to its verb: "together with", "alongside".
COMITATIVE_PREPOSITIONS = frozenset({"alongside"})
COMITATIVE_ADVERBS = frozenset({"together", "along", "jointly"})
GROUP_NOUNS = frozenset({"team", "group"})
# Nouns for a form of a thing that stand for it where another relation is told: "a trimmed
# version of Zen-2 drives Assistant Z" (Zen-2 powers it).
VERSION_NOUNS = frozenset({"version", "variant", "edition", "flavor", "flavour"})
# Nouns that make a preposition of the one before them and their "of": "built on top of X" is
# "built on X".
PREPOSITION_NOUNS = frozenset({"top"})
# Nouns for a set of things that a name before them, or their "of", says what it is: "the
# Tide family", "its Orca series", "a set of Tide Code models".
COLLECTION_NOUNS = frozenset({"family", "series", "line", "lineup", "line-up", "suite", "set", "range",
                              "collection", "generation"})
# Prepositions that make a gerund the doing of the clause's subject: "opened the summit by
# unveiling X", "after buying Y". Not "for" ("sued Acme for copying X": the object did).
MEANS_PREPOSITIONS = frozenset({"by", "after", "before", "while", "through", "upon", "since"})
# Prepositions that make a gerund the complement of its verb, done by the verb's object or
# else its subject: "convicted of killing X", "praised Acme for releasing X".
GERUND_COMPLEMENT_PREPOSITIONS = frozenset({"of", "for", "with"})
# Verbs that report what someone says: what follows them is said, not done by the speaker.
REPORTING_VERBS = frozenset({"say", "tell", "claim", "report", "state", "note", "add", "write", "argue", "insist",
                             "believe", "think", "contend", "allege", "assert"})
# Verbs that list what a plural noun is made of: "its members include A and B".
LISTING_VERBS = frozenset({"include", "comprise", "feature"})
# Verbs that lend their subject to the noun they take: "took a stake in", "made an investment
# in", "signed a partnership with", "holds a seat on".
LIGHT_VERBS = frozenset({"take", "make", "hold", "have", "sign", "strike", "seal", "form", "forge", "enter",
                         "announce", "complete", "close", "buy", "acquire", "own"})
# Verbs that make what follows a plan or wish ("wants to release", "is set to launch").
INTENT_VERBS = frozenset({"want", "plan", "aim", "hope", "intend", "expect", "seek", "consider", "prepare",
                          "try", "decide", "promise", "pledge", "vow", "threaten", "look", "set", "poise",
                          "likely", "due", "ready", "eager", "propose", "mull", "weigh", "explore"})
# Modals of a plan or a possibility: "will release", "may invest".
MODALS = frozenset({"will", "would", "could", "might", "may", "should", "shall", "must", "'ll", "wo"})
# What states a capability ("can rival GPT-4", "is able to beat it"; "ca" is spaCy's token of
# "can't"): a plan or a fact, as the relation's own plan annotations say.
CAPABILITY_MODALS = frozenset({"can", "ca"})
CAPABILITY_ADJECTIVES = frozenset({"able", "capable"})
NEGATING_ADJECTIVES = frozenset({"unable", "incapable"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
FORMER_MODIFIERS = frozenset({"former", "ex", "erstwhile", "onetime", "one-time", "previous", "past", "then",
                              "late"})
# Adverbs that make a denial one of time: "has not yet released it" (a plan under way).
STILL_TO_COME = frozenset({"yet"})
PAST_ADVERBS = frozenset({"previously", "formerly", "once", "earlier", "until"})
# Verbs of a state, whose simple past says the state is over ("worked at", "led"); the simple
# past of an event ("joined", "hired", "bought") says the state it began holds.
STATE_VERBS = frozenset({"work", "serve", "lead", "head", "run", "manage", "direct", "chair", "oversee", "live",
                         "reside", "employ", "belong", "own", "hold", "teach", "study", "stay", "remain"})

# -- events --------------------------------------------------------------------------------

#: the noun that names taking part without a verb: "with participation from A, B and C"
PARTICIPATION = "participation"

#: the word of a passive's agent, in a verb trigger ("lead by": "a collaboration led by Acme")
PASSIVE_AGENT = "by"

#: words that make what a list does each member's own: "Kelp and Dune each signed a partnership"
DISTRIBUTIVE_WORDS = frozenset({"each", "separately", "respectively", "individually"})
