"""Word lists of the event stage: attack triggers, victim nouns, outcome words and text cues.

In: nothing. Out: constants used by ``sahel_extract.events``. Forms are listed inflected, not as
lemmas, so the rules behave the same with a statistical model and with ``--model blank``.
Each list is general English (and some French) wire-report vocabulary, not tuned to any one text.
"""

from __future__ import annotations

import re

#: Trigger word (lower case) -> event type it suggests. Multi-word triggers are in TRIGGER_PHRASES.
TRIGGER_WORDS: dict[str, str] = {
    **dict.fromkeys(["attack", "attacks", "attacked", "attacking", "assault", "assaulted", "assaults", "raid",
                     "raided", "raiding", "raids", "stormed", "storm", "storming", "overran", "overrun",
                     "overrunning", "targeted", "targeting", "struck", "offensive", "besieged", "incursion",
                     "ambushed", "ambush", "ambushes", "ambushing", "torched", "burned", "burnt", "looted",
                     "plundered", "pillaged", "ransacked", "opened", "shooting", "gunfire", "attaque", "attaqué",
                     "embuscade"], "attack"),
    **dict.fromkeys(["fired", "gunshots", "shots", "assassinated", "assassination", "assassinate", "beaten",
                     "lynched"], "attack"),
    **dict.fromkeys(["killed", "kills", "killing", "kill", "murdered", "executed", "beheaded", "slaughtered",
                     "shot", "gunned", "neutralised", "neutralized", "perished", "died", "dead", "lynched",
                     "wounded", "injured", "wounding", "injuring", "tués", "tue"], "attack"),
    **dict.fromkeys(["massacre", "massacred", "massacres", "slaughter"], "massacre"),
    **dict.fromkeys(["abducted", "abducting", "abduction", "abductions", "kidnapped", "kidnapping", "kidnap",
                     "kidnappings", "enlevé", "enlevés", "hostage", "hostages"], "abduction"),
    **dict.fromkeys(["detonation", "ied", "ieds", "explosion", "blast", "landmine", "landmines", "bomb", "bombs",
                     "bombing", "exploded", "detonated", "vbied", "explosive", "explosives", "mine", "mines"],
                    "explosion"),
    **dict.fromkeys(["airstrike", "airstrikes", "bombardment", "bombed", "drone", "drones"], "air_strike"),
    **dict.fromkeys(["shelling", "shelled", "shells", "mortar", "mortars", "rockets", "shell", "rocket"],
                    "explosion"),
    **dict.fromkeys(["clash", "clashes", "clashed", "fighting", "fought", "firefight", "battle", "affrontements",
                     "confrontation", "confrontations", "skirmish", "skirmishes"],
                    "armed_clash"),
}
TRIGGER_PHRASES: dict[str, str] = {
    "suicide bomber": "suicide_bombing", "suicide bombers": "suicide_bombing", "suicide bombing": "suicide_bombing",
    "suicide attack": "suicide_bombing", "suicide attacker": "suicide_bombing", "suicide vest": "suicide_bombing",
    "kamikaze": "suicide_bombing", "blew herself up": "suicide_bombing", "blew himself up": "suicide_bombing",
    "blew themselves up": "suicide_bombing", "explosive vest": "suicide_bombing", "explosive vests": "suicide_bombing",
    "explosive belt": "suicide_bombing",
    "drone strike": "air_strike", "drone strikes": "air_strike", "air strike": "air_strike",
    "air strikes": "air_strike", "air raid": "air_strike", "aerial bombardment": "air_strike",
    "air force": "air_strike", "frappe aérienne": "air_strike", "frappes aériennes": "air_strike",
    "roadside bomb": "explosion", "improvised explosive device": "explosion", "car bomb": "explosion",
    "explosive device": "explosion", "engin explosif": "explosion",
    "shot dead": "attack", "opened fire": "attack", "exchanged fire": "armed_clash",
    "exchanged gunfire": "armed_clash", "set fire": "attack", "set ablaze": "attack",
    "taken hostage": "abduction", "took hostage": "abduction",
}
#: Triggers weak enough to need support (a victim, a place or a time) before they make an event.
WEAK_TRIGGERS = {"drone", "drones", "fired", "gunshots", "shots", "rocket", "opened", "shooting", "gunfire", "burned",
                 "burnt", "looted", "plundered", "pillaged", "ransacked", "fought",
                 "struck", "targeted", "targeting",
                 "offensive", "battle", "fighting", "mine", "mines", "shell", "shells", "rockets", "mortar",
                 "mortars", "explosive", "explosives", "bomb", "bombs", "dead", "died", "perished", "hostage",
                 "hostages", "incursion", "storm", "kill", "kills", "attack", "attacks", "assaults", "raids",
                 "ambushes", "clash", "shot", "besieged", "air force"}
#: Nouns and verbs that make "the X attack" a back-reference to an attack already told.
ATTACK_NOUNS = {"attack", "attacks", "ambush", "raid", "assault", "massacre", "killings", "bombing", "offensive",
                "incident", "attaque", "siege", "strike"}

#: Victim and combatant nouns (lower case, singular and plural) -> target category.
VICTIMS: dict[str, str] = {
    **dict.fromkeys(["soldier", "soldiers", "troops", "troop", "serviceman", "servicemen", "servicemembers",
                     "military", "army", "personnel", "paratroopers", "commander",
                     "commanders", "recruits", "vdp", "volunteers", "volunteer", "auxiliaries", "auxiliary",
                     "militaires", "soldats", "guards", "sentries", "marines", "airmen", "pilots"], "military"),
    **dict.fromkeys(["gendarme", "gendarmes", "police", "policemen", "policeman", "officer", "officers",
                     "customs", "guard", "forest", "rangers", "ranger"], "police"),
    **dict.fromkeys(["civilian", "civilians", "villagers", "villager", "people", "persons", "person", "residents",
                     "resident", "worshippers", "worshipper", "women", "woman", "children", "child", "men", "man",
                     "boys", "girls", "girl", "boy", "traders", "trader", "merchants", "herders", "herder",
                     "farmers", "farmer", "passengers", "passenger", "miners", "miner", "gold miners",
                     "students", "student", "pupils", "pupil", "schoolchildren", "teachers", "teacher",
                     "travellers", "travelers", "traveller", "motorists", "drivers", "driver", "shepherds",
                     "christians", "muslims", "faithful", "mourners", "displaced", "refugees", "fishermen",
                     "fisherman", "hunters", "youths", "youth", "inhabitants", "relatives", "family",
                     "members", "wedding", "guests", "pilgrims", "nationals", "workers", "worker",
                     "employees", "engineers", "civils", "personnes", "villageois", "humanitarian",
                     "aid", "priest", "imam", "pastor", "journalist", "journalists", "doctors", "nurses",
                     "patients", "bodies", "victims", "victim", "individuals", "merchant", "goldminer",
                     "goldminers", "herdsman", "herdsmen", "pastoralist", "pastoralists", "carter", "shopkeeper",
                     "mechanic", "butcher", "farmhand", "motorcyclist", "motorcyclists", "idps", "idp",
                     "villager"], "civilians"),
    **dict.fromkeys(["militiamen", "militia", "militias", "dozos", "dozo", "koglweogo", "self-defence",
                     "self-defense"], "other"),
    **dict.fromkeys(["fighters", "fighter"], "militants"),
    **dict.fromkeys(["terrorists", "terrorist", "jihadists", "jihadist", "militants", "militant", "insurgents",
                     "insurgent", "assailants", "assailant", "attackers", "attacker", "gunmen", "gunman",
                     "bandits", "bandit", "extremists", "extremist", "terroristes", "assaillants",
                     "suicide", "bomber", "bombers", "rebels", "rebel", "combatants", "elements", "criminals",
                     "islamists"], "militants"),
    **dict.fromkeys(["peacekeepers", "peacekeeper", "blue", "helmets", "casques"], "peacekeepers"),
    **dict.fromkeys(["councilman", "councilwoman", "councilmen", "officials", "official", "mayor", "mayors",
                     "prefect", "prefects", "deputy", "chief",
                     "chiefs", "councillor", "councillors", "councilor", "administrator", "governor", "minister",
                     "sub-prefect", "magistrate", "judge", "lawmaker", "MP", "elected", "leaders", "leader",
                     "dignitaries", "notables", "notable", "marabout", "customary"], "officials"),
}
#: Words that may stand between a number and its victim noun ("12 Malian soldiers", "five other people").
VICTIM_MODIFIERS = {"other", "more", "innocent", "unarmed", "civilian", "armed", "suspected", "local", "young",
                    "elderly", "malian", "burkinabe", "burkinabè", "nigerien", "nigérien", "nigerian", "chadian",
                    "beninese", "togolese", "mauritanian", "french", "un", "of", "the", "their", "its", "security",
                    "defence", "defense", "forces", "army", "national", "police", "gold", "village", "islamist",
                    "jihadist", "terrorist", "military", "foreign", "russian", "wagner", "fama", "vdp", "auxiliary",
                    "volunteer", "volunteers", "members", "member", "government", "pro-government", "allied",
                    "regular", "additional", "further", "displaced", "christian", "muslim", "fulani", "peul",
                    "dogon", "tuareg", "bambara", "mossi", "hausa", "zarma", "djerma", "women", "people",
                    "seriously", "severely", "badly", "critically", "slightly", "dead", "bodies"}
#: Quantity words that can start or continue a count ("at least", "more than", "dozens of").
QUANTITY_WORDS = {"at", "least", "more", "than", "over", "about", "around", "nearly", "almost", "some",
                  "approximately", "roughly", "up", "to", "between", "and", "no", "fewer", "less", "not", "as",
                  "many", "several", "dozens", "dozen", "scores", "hundreds", "thousands", "tens", "a", "an",
                  "of", "estimated", "upwards", "close", "in", "excess", "number", "handful", "or", "-"}
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
                "dozen", "dozens", "scores", "hundreds", "thousands", "several", "many", "a", "an", "tens",
                "numerous", "un", "une", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix",
                "vingt", "trente", "quarante", "cinquante", "cent", "dizaines", "centaines"}

#: Outcome words after a victim phrase ("were killed") or before it ("killing", "the death of").
OUTCOME_AFTER: dict[str, str] = {
    **dict.fromkeys(["killed", "dead", "died", "perished", "slain", "murdered", "executed", "massacred", "lost",
                     "beheaded", "slaughtered", "neutralised", "neutralized", "eliminated", "lynched",
                     "tués", "morts", "lives", "burned", "drowned", "fell", "assassinated"], "killed"),
    **dict.fromkeys(["wounded", "injured", "hurt", "blessés", "hospitalised", "hospitalized", "suffered"],
                    "wounded"),
    **dict.fromkeys(["abducted", "kidnapped", "seized", "hostage", "captured", "enlevés", "taken"], "abducted"),
}
OUTCOME_BEFORE: dict[str, str] = {
    **dict.fromkeys(["killing", "killed", "kill", "kills", "murdering", "executing", "massacring", "slaughtering",
                     "neutralising", "neutralizing", "neutralised", "neutralized", "eliminated", "eliminating",
                     "death", "deaths", "toll", "lives", "claimed", "left", "leaving", "tuant", "shot",
                     "beheading", "beheaded", "executed", "massacred", "slaughtered", "murdered", "buried",
                     "assassinated", "assassinating", "lynching",
                     "burying"], "killed"),
    **dict.fromkeys(["wounding", "injuring", "wounded", "injured"], "wounded"),
    **dict.fromkeys(["abducting", "kidnapping", "abducted", "kidnapped", "seizing", "seized", "capturing",
                     "took", "taking", "enlevant"], "abducted"),
}
AUXILIARIES = {"were", "was", "been", "has", "had", "are", "is", "being", "be", "got", "reportedly",
               "also", "allegedly", "later", "all", "both", "subsequently", "then", "initially", "each", "who",
               "that", "which", "reported", "confirmed", "believed", "feared", "said", "to", "have", "in",
               "the", "attack", "ambush", "raid", "fighting", "clashes", "as", "well", "while", "others",
               "seriously", "severely", "badly", "critically", "slightly", "and", "or", "fatally", "shot",
               "gunned", "instantly", "on", "spot", "among", "them", "including", "at", "least"}

#: Sentences whose figures add up many attacks, not one ("since January", "so far this year").
AGGREGATE = re.compile(
    r"\bsince (the )?(beginning|start|end|launch)\b|\bsince (january|february|march|april|may|june|july|august|"
    r"september|october|november|december|20\d\d|19\d\d|last|early|mid|then|the start)\b|\bso far (this|in)\b|"
    r"\bthis year\b|\bin recent (days|weeks|months|years)\b|\b(over|in|during) the (past|last|previous) "
    r"(few |two |three |four |six |several |\d+ )?(days|weeks|months|years|decade|week|month|year)\b|\bacross (the )?"
    r"(sahel|region|country|mali|burkina|niger|three countries|west africa|central sahel)|\bsince 20\d\d\b|"
    r"\b(per|a|each) (year|month|week)\b|\bin (a series of|several|multiple|successive|a wave of) (attacks|"
    r"raids|ambushes)|\bin attacks (across|in|throughout)|\bin total\b|\bcumulative\b|\bfor the year\b|"
    r"\bin the (first|last|past|second) (\w+ )?(days|weeks|months|half|quarter)\b|"
    r"\b(two|three|four|five|six|several|multiple|\d+) (separate )?(attacks|raids|ambushes|assaults|incidents)\b|"
    r"\b(first|second) half of\b|"
    r"\bsince the (coup|junta|military|crisis|conflict|insurgency|war)\b|\b(insurgency|conflict|violence|war|"
    r"crisis|campaign|fighting)\b.{0,60}\bha(s|ve|d) (killed|left|claimed|displaced|cost)\b",
    re.I,
)
#: Sentences that tell an earlier attack as background ("a 2019 attack", "last year", "had killed").
BACKGROUND = re.compile(
    r"\b(last year|years ago|a year ago|in the past|earlier attacks?|another attack in|"
    r"the deadliest|one of the deadliest|was the scene of|has been the scene|has been hit|had been hit|"
    r"anniversary|reminiscent of|recalls?|since (the )?(19|20)\d\d|repeatedly|regularly|frequently|often|"
    r"on several occasions|many times|are common|is common|have become|has become|"
    r"\d+-year)\b",
    re.I,
)
#: Sentences that start a different attack in the same article.
NEW_EVENT = re.compile(r"\b(in (a|another) separate (attack|incident)|separately|in another (attack|incident)|"
                       r"elsewhere|in a second attack|a second attack|the (next|following) day|"
                       r"another attack|a separate attack|two days later|a day later|later that day)\b", re.I)
#: Figures that replace an earlier one from the same authority.
REVISION = re.compile(r"\b(rose to|risen to|revised|revising|climbed to|new toll|updated toll|increased to|now stands|"
                      r"later (said|raised|put)|latest toll|has risen|had risen|final toll|raised the toll)\b", re.I)
#: A sentence that tells a figure since replaced ("Police had initially said four people were killed").
SUPERSEDED = re.compile(r"\b(initial(ly)?|provisional(ly)?|first (statement|toll|report|count|figure)|earlier (toll|"
                        r"statement|report|figure|count)|previous (toll|figure|count)|had (first |initially )?(said|"
                        r"reported|put|given|announced|counted))\b", re.I)
#: Just before a figure: that figure is the replaced one ("revising upwards a provisional toll of twelve").
SUPERSEDED_BEFORE = re.compile(r"\b(provisional|initial|earlier|previous|first|old) (death |casualty )?(toll|figure|"
                               r"count|report|estimate)( (of|at|was|had been))?\s+(about |around |some )?$", re.I)
#: Words that follow or precede a place name to make it a region.
REGION_WORDS = {"region", "province", "state", "department", "cercle", "prefecture", "governorate", "district",
                "area", "zone", "région", "commune", "municipality", "local"}
#: Prepositions before a place name that make it the place of the event.
LOCATIVE = {"in", "at", "near", "outside", "around", "of", "from", "between", "towards", "toward", "on", "to",
            "inside", "into", "en", "à", "dans", "près", "de", "du", "des", "through", "along", "across"}
NEAR_WORDS = {"near", "outside", "around", "close", "vicinity", "kilometres", "kilometers", "km",
              "miles", "près"}
#: Nouns that name the kind of target when no victim count does.
TARGET_NOUNS: dict[str, str] = {
    **dict.fromkeys(["base", "camp", "barracks", "post", "position", "positions", "convoy", "patrol", "outpost",
                     "garrison", "checkpoint", "army", "military", "troops", "soldiers", "unit", "detachment",
                     "fama", "vdp", "forces"], "military"),
    **dict.fromkeys(["gendarmerie", "police", "commissariat", "brigade", "customs"], "police"),
    **dict.fromkeys(["village", "villages", "market", "mosque", "church", "school", "bus", "vehicle", "vehicles",
                     "civilians", "villagers", "residents", "hamlet", "wedding", "funeral", "passengers",
                     "travellers", "worshippers", "town", "truck", "trucks", "mine", "site", "hospital",
                     "health", "camp for displaced", "idp", "motorcyclists", "herders", "farmers"], "civilians"),
    **dict.fromkeys(["peacekeepers", "minusma", "un"], "peacekeepers"),
    **dict.fromkeys(["mayor", "prefect", "officials", "town hall", "administrator"], "officials"),
}
ANAPHORIC_ACTOR = re.compile(r"\b(the same (group|militants|jihadists|fighters|assailants|attackers|gunmen)|"
                             r"the (group|jihadist group|militant group|organisation|organization)|its fighters)\b",
                             re.I)
#: Someone naming who carried out an attack: "The sources blamed the Islamic State Sahel Province".
BLAME = re.compile(r"\b(blamed|blames|blaming|accused|accuses|attributed|attributes|held responsible|pointed the "
                   r"finger)\b", re.I)
CLAIM = re.compile(r"\b(claimed by|said (it|they) (had )?(carried out|was behind|were behind|conducted|launched|"
                   r"staged)|"
                   r"claimed (responsibility|the attack|the assault|the ambush|credit)|claim(s|ed)? of "
                   r"responsibility|revendiqu\w+)\b", re.I)
#: Nouns after which "in X" names a seat of power, not the place of an attack ("the junta in Bamako").
SEAT_NOUNS = {"junta", "government", "authorities", "capital", "officials", "ministry", "embassy", "spokesman",
              "leaders", "regime", "parliament", "court", "president", "headquarters", "based", "journalists",
              "correspondent", "diplomats", "talks", "summit", "meeting", "conference", "reporters", "television",
              "radio", "briefing", "interview", "press"}
#: Words before a place that make it a destination, not where the attack was ("fled to Boni").
MOVEMENT = {"fled", "flee", "fleeing", "evacuated", "taken", "transferred", "flown", "airlifted", "moved", "returned",
            "displaced", "refuge", "brought", "rushed", "sent", "left", "leaving", "departed", "arrived", "escaped",
            "relocated", "reinforcements"}
#: Words of reporting: a time or place next to them dates or places the report, not the attack.
REPORTING = {"statement", "communiqué", "communique", "said", "says", "announced", "released", "published", "told",
             "read", "broadcast", "reported", "posted", "televised", "interview", "press", "conference", "confirmed",
             "claimed", "responsibility", "briefing", "spokesman", "spokesperson"}
DEFINITE = {"the", "this", "that", "its", "their", "sunday's", "monday's", "tuesday's", "wednesday's", "thursday's",
            "friday's", "saturday's", "latest", "same"}
#: Event types from most to least specific: the type of an attack told with several trigger words.
TYPE_PRIORITY = ["suicide_bombing", "air_strike", "explosion", "massacre", "abduction", "attack", "armed_clash"]
#: Words before a claim that deny it ("no group has claimed", "has yet to claim").
NEGATION = re.compile(r"\b(no|not|nobody|none|never|yet to|neither|without)\b[^.;]*$", re.I)
#: Words that tell an outcome, not the kind of attack: they do not decide the event type.
OUTCOME_WORDS = {"killed", "kills", "killing", "kill", "died", "dead", "perished", "wounded", "injured", "wounding",
                 "injuring", "neutralised", "neutralized", "tués"}
#: Sentences about protests and riots: their violence is not an attack by an armed actor.
PROTEST = re.compile(r"\b(protest(s|ers|ed|ing)?|demonstrat(ed|ors|ion|ions|ing)|marched|marchers|riot(s|ers|"
                     r"ing)?|rioting|strike action|sit-in|barricad(ed|es)|burned tires|burnt tyres|burned tyres|"
                     r"angry (crowd|youths|residents)|mob)\b", re.I)
#: Explosives found, defused or set off by accident: no attack took place.
DEFUSAL = re.compile(r"\b(defus(ed|al|ing)|dismantl(ed|ing)|discovered (and destroyed )?(an? |two |three |several )?"
                     r"(ieds?|explosive|mines?|bombs?)|(ieds?|explosives?|mines?|devices?) (was|were) "
                     r"(found|discovered|"
                     r"neutrali[sz]ed|destroyed)|while (being )?(planted|planting|handling|making|assembling)|"
                     r"prematurely|accidental(ly)? (explosion|detonation))\b", re.I)
#: Attack words about property only: with no victim they make no attack record (looting, burning).
PROPERTY_WORDS = {"looted", "plundered", "pillaged", "burned", "burnt", "torched", "set fire", "set ablaze",
                  "seized", "stole", "destroyed",
                  "vandalised", "vandalized", "ransacked"}
#: Deaths by accident or disaster: no attack ("killed when a gold mine collapsed").
ACCIDENT = re.compile(r"\b(collapsed?|collapsing|landslide|flood(s|ing|ed)?|drown(ed|ing)|road accident|crash(ed)?|"
                      r"capsized|fire broke out|lightning|stampede|epidemic|outbreak|cholera|heat wave|accident)\b",
                      re.I)
#: Words before "to" + verb that make an attack a plan or a threat, not an event ("planned to attack").
INTENT = {"planned", "planning", "plan", "plans", "plotted", "plotting", "plot", "threatened", "threatening",
          "threaten", "threatens", "intended", "intend", "intends", "vowed", "vows", "aimed", "aiming", "sought",
          "seeking", "wanted", "wants", "prepared", "preparing", "ready", "able", "would", "could", "might"}

# --- used by the sentence analysis (frames.py) ---------------------------------------------------------
QUALIFIER_START = {"at", "more", "over", "about", "nearly", "almost", "some", "approximately", "around", "roughly",
                    "up", "between", "no", "not", "an", "as", "close", "upwards", "fewer", "less", "estimated",
                    "in", "a"}
NON_AGENT_PREP = {"on", "against", "targeting", "at", "of", "to", "with"}
TOLL = re.compile(r"(cut|slit) the throats of\s*$|\b(bodies|corpses) of\s*(around |about |some )?$|"
                   r"(death )?toll (?:\w+ )?(of|rose to|has risen to|climbed to|stood at|stands at|reached|is|was|now "
                   r"stands at|at|increased to|to)\s*$|\b(deaths|lives|death) of\s*$|\bkilled\s*$|"
                   # "the death toll from a mortar attack on the town of Monguno on Saturday has risen to 11"
                   r"\bdeath toll (?:[\w'’-]+,? ){1,16}(has |had )?(risen|rose|climbed|increased|jumped|reached)"
                   r"( to)?\s*$|"
                   # "the army raised to seven the number of soldiers killed"
                   r"\braised (the (death )?toll )?to\s*$", re.I)
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
             "dec", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"}
PP_HEADS = {"of", "from", "at", "in", "on", "near", "belonging", "present", "working", "travelling", "traveling",
             "aboard", "with", "who", "that", "which", ","}
SELF_REPORT = re.compile(
    r"^[^.;]{0,40}?\b(?:said|says|announced|reported|claimed|stated|added)\s+(?:that\s+)?(?:it|they|its (?:troops|"
    r"men|units|forces|soldiers|fighters))\s+(?:had\s+|have\s+|has\s+)?(?:killed|neutrali[sz]ed|attacked|repelled|"
    r"repulsed|carried out|launched|conducted|destroyed|struck|bombed|ambushed|eliminated|captured|raided)\b", re.I)
STATE_GENERIC = re.compile(r"\b(?:(?:units|elements|troops|soldiers) of the (?:army|armed forces)|the army|the "
                            r"military|(?:army |government )?troops|security forces|defen[cs]e and security forces|"
                            r"the armed forces|(?:presumed |suspected )?gendarmes|the gendarmerie|the police|"
                            r"policemen|police officers)\b", re.I)
#: Words between a group's name and its verb: "MSA/GATIA militiamen killed", "Nigerian Army troops laid".
MEMBER_WORDS = {"troops", "soldiers", "forces", "units", "fighters", "men", "militiamen", "militants", "jihadists",
                 "elements", "members", "gunmen", "combatants", "insurgents", "hunters", "volunteers"}
AGENT_VERBS = {"claimed", "launched", "carried", "staged", "killed", "laid", "conducted", "mounted", "led",
                "intercepted", "repelled", "repulsed", "destroyed", "neutralised", "neutralized", "bombed",
                "stormed", "overran", "raided", "opened", "set", "fired", "shelled"}
SUPPORT_VERBS = {"supported", "backed", "accompanied", "assisted", "helped", "aided", "escorted", "reinforced",
                  "joined", "trained", "equipped"}
AGENT_FILLERS = {"fighters", "members", "elements", "militants", "jihadists", "of", "the", "a", "group", "suspected",
                  "men", "gunmen", "combatants"}
NOT_PLACES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
               "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
               "the", "a", "an", "reuters", "afp", "twitter", "facebook", "whatsapp", "telegram", "english", "french",
               "arabic", "islam", "ramadan", "tabaski", "christmas", "parliament", "congress", "court"}
#: Peoples and languages, not places ("people from the Dogon community", "a Bambara hunter"), though some are
#: also village names: only "in/at/near X" makes them a place.
PEOPLES = {"dogon", "fulani", "peul", "peuls", "fulbe", "tuareg", "touareg", "bambara", "mossi", "songhai",
           "songhay", "hausa", "haoussa", "kanuri", "arab", "arabs", "bozo", "djerma", "zarma", "imghad",
           "daoussahak", "dawsahak", "toubou", "tebu", "gourmantche", "bella", "idaksahak", "malinke", "dozo",
           # faiths
           "christian", "christians", "muslim", "muslims", "catholic", "catholics", "protestant", "protestants",
           "evangelical", "evangelicals", "islamist", "islamists", "animist", "animists"}
FOREIGN = {"france", "russia", "united states", "us", "u.s.", "algeria", "libya", "morocco", "senegal", "guinea",
            "ghana", "ivory coast", "cote d'ivoire", "côte d'ivoire", "cameroon", "sudan", "egypt", "paris",
            "moscow", "washington", "europe", "africa", "west africa", "sahel", "the sahel", "lake chad",
            "lake chad basin", "brussels", "london", "geneva", "new york", "ecowas", "aes"}
#: Verbs of clauses that describe someone rather than tell the attack ("a group founded in Soum in 2016").
DESCRIBING_VERBS = {"founded", "created", "formed", "established", "based", "born", "operates", "operating",
                     "operated", "active", "lives", "lived", "living", "located", "headquartered", "known",
                     "originating",
                     "hails", "settled", "displaced", "elected", "appointed", "trained"}
#: Reporting verbs as written (the pipeline runs without the lemmatizer).
REPORTING_VERBS = {"say", "says", "said", "tell", "told", "tells", "report", "reported", "reports", "confirm",
                    "confirmed", "confirms", "announce", "announced", "add", "added", "adds", "state", "stated",
                    "estimate", "estimated", "put", "puts", "gave", "give", "indicated", "counted", "recorded",
                    "insisted", "explained", "declared", "asserted", "affirmed", "according"}
SPEAKER_DROP = {"relcl", "acl", "appos", "prep", "punct", "advcl", "parataxis"}

#: Words after a country name that make it a neighbour rather than where a place is ("the Niger border").
BORDER_WORDS = frozenset({"border", "borders", "frontier", "frontiers", "frontière", "frontières", "borderlands",
                          "border-area", "tri-border"})
BORDER_PLACES = frozenset({"town", "towns", "village", "villages", "city", "post", "posts", "region", "regions",
                           "locality", "commune", "province", "department", "district", "state"})
#: What makes a place name a locality rather than an admin unit ("the village of Abadam", "Tessit camp").
LOCALITY_WORDS = frozenset({"village", "villages", "town", "hamlet", "hamlets", "locality", "localité", "settlement",
                            "camp", "bourgade", "hameau", "market", "marché", "mine", "site"})
#: Last words of capitalised names that are events or buildings, not places ("the Peasant National Day").
NOT_PLACE_HEADS = frozenset({"day", "days", "festival", "week", "fair", "ceremony", "celebration", "conference",
                             "forum", "school", "mosque", "church", "hospital", "clinic", "office", "prison",
                             "station", "university", "college", "hotel", "restaurant", "stadium", "ministry",
                             "council", "assembly", "party", "union", "association", "movement", "front",
                             "company", "bank", "agency", "radio", "television", "tv"})
#: Words of movement before "to X": X is where people were going ("their trip to Togo").
MOTION_WORDS = frozenset({"trip", "journey", "way", "route", "heading", "headed", "travelling", "traveling",
                          "travelled", "traveled", "driving", "drove", "going", "went", "returning", "returned",
                          "fled", "fleeing", "bound", "moving", "moved", "crossed", "crossing", "flew", "flying",
                          "back", "escaped", "deported", "transferred"})
#: A figure that adds to a total rather than gives one ("seven more victims died", "another three").
INCREMENT = re.compile(r"^(another|a further)\b|^\S+ (more|additional|further)\b", re.I)
