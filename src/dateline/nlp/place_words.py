"""The words and weights the places extractor reads names by (``dateline.nlp.places``)."""

from __future__ import annotations

# Words after which a capitalised name is a person, not a place ("Gov. Georgia …" never occurs).
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gen", "president", "minister", "chairman",
                        "king", "queen", "prince", "pope", "saint"})
# Titles that only ever stand before a person's name: a name after one anywhere in an article is that
# person's name throughout it ("Mr Savino" makes every "Savino" a man). "President" or "Saint" may
# begin a place's name ("Saint Paul", "Presidente Franco"), so they are not here.
PERSON_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "messrs", "sen", "rep", "gov",
                           "prof", "rev", "sgt", "lt", "capt", "cpl", "pvt", "det", "supt", "insp", "pc"})
# Facilities named after the place they are in: "Beijing Railway station", "Dandong airport".
FACILITY_HEADS = frozenset({"station", "railway", "airport", "palace", "square", "hall", "port", "harbor",
                            "harbour", "stadium", "university", "hotel", "hospital", "embassy", "consulate"})
# Prepositions that place an event ("arrived in Beijing", "talks at Panmunjom", "flew to Singapore").
EVENT_PREPS = frozenset({"in", "at", "to", "into", "inside", "near", "outside", "from"})
# Nouns that introduce a place's name: "in the Chinese city of Dandong", "the capital, Beijing".
PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "port", "province", "state", "county", "region",
                         "island", "border", "area", "resort", "district", "country"})
# Nouns that are events themselves: "visit to China", "summit in Singapore".
EVENT_NOUNS = frozenset({"visit", "trip", "summit", "talks", "meeting", "meetings", "conference", "attack",
                         "attacks", "bombing", "explosion", "blast", "strike", "strikes", "protest", "protests",
                         "rally", "election", "vote", "crash", "fire", "outbreak", "ceremony", "parade", "tour",
                         "negotiations", "clashes", "fighting", "drill", "drills", "exercise", "exercises",
                         "launch", "test", "arrival", "stop", "stay", "journey", "flight"})
SPECIFICITY = {"P": 3, "S": 3, "A": 1, "L": 0, "H": 0, "T": 2}  # a city says more than a country
MAX_CANDIDATES = 5
# What a mention's own words add to a reading's prior (log10 population plus kind; see
# geo.gazetteer.prior); what the article's other names add is geo.coherence's.
QUALIFIER_BONUS = 8.0  # "Paris, Texas": the division or country right after it
CUE_BONUS = 5.0  # "the state of Georgia", "the country of Georgia"
TOWN_NAMED_AFTER_PENALTY = 4.0  # a town called "Oregon" or "China" is rarely what the text means
SEAT_KM = 150.0  # a town this near a division of its name is its seat, not named after it
DEMONYM_WEIGHT = 0.5  # "Chinese" says less about an article's setting than "China"
# Entities whose leading words may name the place they belong to.
EMBEDDING_LABELS = ("ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW")
# A newspaper's name holds its home town, which is not a place the story is about.
MEDIA_WORDS = frozenset({"post", "times", "journal", "herald", "tribune", "news", "gazette", "daily", "chronicle",
                         "star", "examiner", "observer", "sun", "globe", "register", "inquirer", "record",
                         "telegraph", "guardian", "independent", "courier", "dispatch", "press", "bulletin"})
# An organisation with one of these words is a news outlet, whatever place it names inside.
OUTLET_WORDS = frozenset({"presse", "agence", "agency", "radio", "television", "tv", "voice", "broadcasting"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                        "northeast", "northeastern", "northwest", "northwestern", "southeast", "southeastern",
                        "southwest", "southwestern", "central", "upstate", "downstate", "greater", "coastal"})
GENERIC_TAILS = frozenset({"city", "township", "village", "borough", "town", "area", "metro", "region", "coast"})
DATELINE_MARKS = frozenset({"—", "–", "-", "--", "(", ",", ":"})  # "BEIRUT:" too
# Words right after a town's name that say it is a town: "Alexandria police", "the Groton Town Council",
# "Coral Gables man charged". With one, a town of any size in the gazetteer is read as a place.
LOCAL_HEADS = frozenset({"parks", "police", "sheriff", "mayor", "council", "councilman", "councilwoman", "councilor",
                         "school", "schools", "board", "court", "county", "city", "town", "township", "village",
                         "fire", "firefighters", "department", "hospital", "library", "chamber", "commission",
                         "commissioners", "residents", "resident", "officials", "detectives", "officers",
                         "neighborhood", "community", "communities", "high", "elementary", "district", "public",
                         "municipal", "regional", "man", "woman", "teen", "couple", "native", "natives",
                         "parents", "family", "airport", "utilities", "housing", "selectmen", "aldermen",
                         "trustees", "downtown", "area", "memorial", "historical", "planning", "zoning",
                         # a politician's or a business's town: "a Kettering Republican", "a Gainesville restaurant"
                         "republican", "democrat", "restaurant", "store", "business", "businesses"})
# Nouns of an institution named "… of <place>": "the University of Rochester", "the State of Ohio".
OF_HEADS = frozenset({"university", "state", "commonwealth", "city", "town", "county", "village", "province",
                      "republic", "kingdom", "bank", "board", "chamber", "college", "diocese", "archdiocese",
                      "port", "district", "sheriff", "mayor", "government", "people", "association",
                      "council", "borough", "township", "parish", "bishop", "church", "museum", "zoo",
                      "ministry"})
# "the <noun> of X": X is a place.
OF_PLACE_NOUNS = frozenset({"city", "town", "village", "township", "province", "state", "county", "district",
                            "region", "suburb", "port", "island", "municipality", "capital", "resident",
                            "residents", "outskirts", "mayor", "governor", "people", "streets", "hamlet"})
LOCAL_MIN_POP = 1_000
# Capitalised words that are also big towns' names; never a place unless the tagger says so.
COMMON_WORDS = frozenset({"man", "bo", "orange", "rivers", "nice", "mobile", "reading", "bath", "split", "male",
                          "union", "federal", "defense", "defence", "olympic", "titan", "bell", "university",
                          "church", "capital", "central", "commerce", "celebration", "officer", "ranger", "manor",
                          "valley", "green", "eagle", "delta", "independence", "liberty", "victory", "energy",
                          "justice", "police", "sale", "sheriff", "hope", "mission", "progress", "unity",
                          "concord", "harmony", "enterprise", "industry", "commerce", "temple", "market", "eden",
                          "airport", "station", "hospital", "college", "school", "centre", "center", "bank"})
# Words that rank an office or a court: before one of OFFICE_NOUNS they say which office, not where
# ("Vice Mayor", "Superior Court", "Supreme Court"), whatever town bears the word.
RANK_WORDS = frozenset({"vice", "deputy", "acting", "assistant", "interim", "chief", "lieutenant", "lord",
                        "supreme", "superior", "high", "appeals", "appellate", "circuit", "crown", "grand"})
OFFICE_NOUNS = frozenset({"court", "courts", "mayor", "governor", "president", "chairman", "chairwoman", "judge",
                          "justice", "minister", "commissioner", "chancellor", "director", "sheriff", "jury"})
# Bodies a country governs by: capitalised, they name the body, never a town of the name ("in Congress").
INSTITUTION_WORDS = frozenset({"congress", "parliament", "senate", "assembly", "legislature", "cabinet",
                               "commonwealth", "government", "administration", "treasury"})
# Words that are no place's name alone, inside a longer name: "Democratic Republic", "Swat Valley".
INNER_GENERIC = DIRECTIONS | COMMON_WORDS | frozenset({
    "republic", "union", "valley", "creek", "bay", "river", "island", "islands", "lake", "mount", "province",
    "county", "city", "state", "district", "region", "democratic", "national", "federal", "united", "new",
    "great", "little", "upper", "lower", "villages", "village", "people", "peoples", "north", "south", "east",
    "west", "middle", "old", "royal", "saint", "st", "st.", "san", "santa", "port", "fort", "lake", "park"}) | \
    FACILITY_HEADS
STREET_WORDS = frozenset({"st", "st.", "street", "road", "rd", "rd.", "avenue", "ave", "ave.", "boulevard", "blvd",
                          "blvd.", "drive", "dr.", "lane", "ln", "ln.", "highway", "hwy", "hwy.", "pike", "parkway",
                          "pkwy", "ct.", "circle"})
FEATURE_TAILS = frozenset({"creek", "hills", "heights", "park", "lake", "lakes", "river", "ridge", "woods", "farm",
                           "farms", "estates", "acres", "gardens", "meadows", "bay", "beach", "trail", "mountain"})
DIVISION_WORDS = frozenset({"province", "region", "state", "prefecture", "governorate", "oblast", "county",
                            "parish", "district", "department"})
SCAN_MIN_CITY_POP = 100_000
RETAG_MIN_POP = 15_000
DISEASE_WORDS = frozenset({"virus", "fever", "flu", "disease", "syndrome", "strain", "variant", "encephalitis"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "to", "outside", "across", "around", "throughout", "into",
                            "of", "inside", "via", "through"})
