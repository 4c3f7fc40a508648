"""English frames and grammar words for the sensitive-information detector."""

from __future__ import annotations

from resguardo.scrub.text.sensitive._engine import (
    END,
    Frame,
    Grammar,
    LanguageRules,
    Lexicon,
    alt,
    build_frames,
    words,
)
from resguardo.scrub.text.sensitive._fallback import Cues, FallbackRules, terms

__all__ = ["FALLBACK", "RULES"]

#: a subject pronoun, adverbs, negation and auxiliaries before a frame join its span (Grammar.lead)
_LEAD = (
    r"(?:\b(?:he|she|they|i|we)\s*)?"
    r"(?:\b(?:(?:does|do|did)(?:\s+not|n['’]t)|never|also|still|reportedly|allegedly|apparently|"
    r"recently|already|just|once|previously|later|eventually|finally|both|all|now|first|"
    r"has|have|had|was|were|is|are|been|got|get|being)\s+)*"
)
_COPULA_WORDS = alt(
    "is",
    "are",
    "was",
    "were",
    "am",
    "isn['’]t",
    "aren['’]t",
    "wasn['’]t",
    "weren['’]t",
    "has\\s+been",
    "have\\s+been",
    "had\\s+been",
    "will\\s+be",
    "would\\s+be",
    "became",
    "becomes",
    "remains",
    "remained",
    "used\\s+to\\s+be",
)
#: a contracted copula counts only after a pronoun ("she's", not "Leo's")
_COPULA = (
    rf"(?:\b{_COPULA_WORDS}|['’](?:s|m|re)\b"
    r"(?:(?<=\bhe.s)|(?<=\bshe.s)|(?<=\bi.m)|(?<=\bwe.re)|(?<=\bthey.re))"
    r"|['’](?:s|ve)\s+been(?:(?<=\bhe.s\sbeen)|(?<=\bshe.s\sbeen)|(?<=\bi.ve\sbeen)|(?<=\bwe.ve\sbeen)|"
    r"(?<=\bthey.ve\sbeen)))"
)
_FILLER = (
    r"(?:\s+(?:not|never|also|still|now|openly|already|reportedly|allegedly|apparently|actually|"
    r"both|all|currently|officially|proudly|really|probably|definitely|clearly|very|quite|publicly|"
    r"secretly|known\s+to\s+be|said\s+to\s+be|from\s+birth|originally|a|an))*"
)
_MODIFIER = (
    r"(?:young|old|elderly|proud|practi[cs]ing|devout|observant|recovering|former|ex-|registered|"
    r"active|card-carrying|lifelong|committed|convinced|self-identified|self-described|openly|"
    r"closeted|known|well-known|fellow|long-time|longtime)"
)
_HEAD = alt(
    "woman", "women", "man", "men", "person", "girl", "girls", "boy", "boys", "guy", "kid", "child",
    "teen", "teenager", "youth", "mother", "father", "parent", "couple", "activist", "leader",
    "lady", "individual", "student", "worker",
)  # fmt: skip

_ETHNICITY = alt(
    "indigenous", "aboriginal", "native\\s+american", "first\\s+nations", "afro-descendant",
    "afrodescendant", "afro-\\w+", "black", "roma", "romani", "romany", "gypsy", "traveller",
    "sinti", "mapuche", "quechua", "aymara", "wayuu", "guaran[ií]", "maya", "mayan", "zapotec",
    "mixtec", "nahua", "garifuna", "miskito", "kurdish", "kurd", "uyghur", "uighur", "rohingya",
    "tamil", "amazigh", "berber", "kabyle", "yazidi", "hazara", "tutsi", "hutu", "igbo", "yoruba",
    "hausa", "fulani", "oromo", "tigrayan", "amhara", "baloch", "pashtun", "dalit", "adivasi",
    "s[aá]mi", "inuit", "m[eé]tis", "quilombola", "mestizo", "mestiza", "mixed-race", "biracial",
    "latino", "latina", "latinx", "hispanic", "arab", "tatar", "chechen", "circassian", "assyrian",
    "navajo", "din[eé]", "hopi", "lakota", "dakota", "cherokee", "apache", "ojibwe", "cree", "mohawk",
    "hmong", "karen", "kachin", "k['’]iche['’]?(?:\\s+maya)?", "q['’]eqchi['’]?", "kaqchikel", "mam", "tuareg",
    "maasai", "masai", "zulu", "xhosa", "batwa", "gypsy\\s+traveller", "irish\\s+traveller",
    "lenca", "wichi", "qom", "triqui", "tzotzil", "tzeltal", "totonac", "mazatec", "purepecha", "otomi", "shuar", "ember[aá]", "kichwa", "guarani\\s+kaiow[aá]",
)  # fmt: skip
_RELIGION = alt(
    "muslim", "moslem", "christian", "catholic", "roman\\s+catholic", "evangelical", "protestant",
    "pentecostal", "baptist", "methodist", "anglican", "adventist", "orthodox\\s+(?:christian|jew)",
    "jewish", "jew", "hindu", "buddhist", "sikh", "jain", "atheist", "agnostic", "mormon", "quaker",
    "jehovah['’]?s\\s+witness", "bah[aá]['’]?[ií]", "ahmadi", "ahmadiyya", "shia", "shi['’]a",
    "shiite", "shi['’]ite", "sunni", "sufi", "alawite", "druze", "rastafarian", "rasta", "pagan",
    "wiccan", "animist", "candombl[eé]\\s+practitioner", "religious", "believer", "convert\\s+to\\s+islam",
    "pastor", "imam", "rabbi", "priest", "nun", "monk", "deacon", "sheikh", "evangelist",
    "missionary", "churchgoer", "practi[cs]ing\\s+muslim",
)  # fmt: skip
_POLITICS = alt(
    "anarchist", "communist", "socialist", "marxist", "maoist", "trotskyist", "leftist",
    "left-winger", "right-winger", "left-wing", "right-wing", "far-left", "far-right", "fascist",
    "neo-nazi", "nationalist", "separatist", "monarchist", "zapatista", "chavista", "sandinista",
    "peronist", "kirchnerist", "bolsonarista", "dissident", "opposition\\s+(?:activist|supporter|member)",
    "union\\s+(?:member|organi[sz]er|representative|rep|leader|activist)", "trade\\s+unionist",
    "unionist", "shop\\s+steward", "party\\s+member", "party\\s+activist",
)  # fmt: skip
_ORIENTATION = alt(
    "gay", "lesbian", "lesbians", "bisexual", "bi", "queer", "pansexual", "pan", "asexual", "ace",
    "homosexual", "heterosexual", "straight", "same-sex\\s+attracted",
)  # fmt: skip
_GENDER = alt(
    "trans", "transgender", "transsexual", "transwoman", "transman", "non-binary", "nonbinary",
    "non\\s+binary", "enby", "genderqueer", "genderfluid", "gender-fluid", "gender\\s+non-conforming",
    "agender", "intersex", "two-spirit", "travesti",
)  # fmt: skip
_HEALTH_ADJ = alt(
    "hiv[- ]?positive", "hiv\\+", "hiv[- ]?negative", "seropositive", "pregnant", "diabetic",
    "epileptic", "asthmatic", "autistic", "bipolar", "schizophrenic", "deaf", "blind", "disabled",
    "paraplegic", "quadriplegic", "depressed", "suicidal", "anorexic", "bulimic", "immunocompromised",
    "terminally\\s+ill", "chronically\\s+ill", "mentally\\s+ill", "on\\s+dialysis", "in\\s+rehab",
    "in\\s+remission", "alcoholic", "addict", "drug\\s+addict", "heroin\\s+addict", "wheelchair\\s+user",
    "cancer\\s+patient", "psychiatric\\s+patient", "in\\s+(?:a\\s+)?psychiatric\\s+(?:ward|hospital|unit|clinic)", "amputee", "dyslexic",
    "in\\s+(?:recovery|treatment|therapy|hospital)(?:\\s+(?:from|for)\\s+(?:an?\\s+)?[\\w-]+(?:\\s+(?:addiction|disorder|cancer|use))?)?"
    "(?!\\s+(?:rooms?|mode|centres?|centers?|waiting|wards?|staff|plans?|programmes?|programs?|sessions?|groups?|costs?))",
    "on\\s+sick\\s+leave(?:\\s+(?:for|with)\\s+[\\w-]+)?", "hard\\s+of\\s+hearing", "visually\\s+impaired",
)  # fmt: skip
_CONDITION = (
    r"(?:(?:severe|chronic|clinical|major|advanced|late-stage|stage\s+\w+|type\s+[12]|breast|lung|"
    r"cervical|prostate|ovarian|skin|colon|postpartum|post-natal|postnatal|generali[sz]ed|acute|"
    r"terminal|an?|the)\s+)*"
    + alt(
        "hiv", "aids", "depression", "anxiety", "ptsd", "c-ptsd", "post-traumatic\\s+stress(?:\\s+disorder)?",
        "bipolar(?:\\s+disorder)?", "schizophrenia", "cancer", "leuk[a]?emia", "lymphoma", "diabetes",
        "epilepsy", "tuberculosis", "tb", "hepatitis(?:\\s+[abc])?", "autism", "adhd", "eating\\s+disorder",
        "anorexia", "bulimia", "disability", "learning\\s+disability", "multiple\\s+sclerosis",
        "dementia", "alzheimer['’]?s", "parkinson['’]?s", "covid(?:-19)?", "long\\s+covid", "syphilis",
        "gonorrh(?:o)?ea", "chlamydia", "sti", "std", "herpes", "hpv", "lupus", "chronic\\s+pain",
        "mental\\s+illness", "mental\\s+health\\s+(?:condition|problems?|issues?|crisis)",
        "psychiatric\\s+(?:condition|disorder|illness)", "psychosis", "ocd",
        "borderline\\s+personality\\s+disorder", "personality\\s+disorder", "addiction",
        "drug\\s+addiction", "alcoholism", "substance\\s+use\\s+disorder", "malaria",
        "sickle\\s+cell(?:\\s+disease)?", "heart\\s+disease", "kidney\\s+disease", "kidney\\s+failure",
        "asthma", "cerebral\\s+palsy", "down\\s+syndrome", "hiv/aids", "a\\s+tumou?r", "tumou?r",
        "panic\\s+attacks", "panic\\s+disorder", "seizures", "epileptic\\s+(?:fits|seizures)", "migraines", "insomnia", "trauma", "[\\w-]+\\s+addiction",
        "(?:down|tourette['’]?s?|asperger['’]?s?|chronic\\s+fatigue|irritable\\s+bowel)\\s+syndrome",
        "[\\w-]+\\s+disorder", "visual\\s+impairment", "hearing\\s+loss", "a\\s+brain\\s+injury",
    )
    + END
)  # fmt: skip
_MEDICATION = alt(
    "antiretrovirals", "antiretroviral\\s+(?:therapy|treatment|drugs|medication)", "arvs?", "art",
    "prep", "pep", "antidepressants", "antipsychotics", "anti-anxiety\\s+medication", "lithium",
    "methadone", "insulin", "chemotherapy", "chemo", "psychiatric\\s+medication", "medication\\s+for\\s+\\w+",
    "mood\\s+stabili[sz]ers", "dialysis",
)  # fmt: skip

_MIGRATION = alt(
    "undocumented", "stateless", "paperless", "without\\s+(?:papers|documents|legal\\s+status)",
    "out\\s+of\\s+status", "irregular", "in\\s+an\\s+irregular\\s+situation",
    "illegal\\s+(?:immigrant|alien|migrant)", "asylum[- ]seeker", "asylum\\s+applicant",
    "refugees?", "migrants?", "immigrants?", "asylum[- ]seekers", "daca\\s+recipients?", "dreamer", "tps\\s+holder",
    "green\\s+card\\s+holder", "deportee", "internally\\s+displaced(?:\\s+person)?",
    "displaced\\s+person", "unaccompanied\\s+minor", "overstayer", "visa\\s+overstayer",
    "here\\s+illegally", "in\\s+the\\s+country\\s+illegally", "in\\s+immigration\\s+detention",
    "in\\s+removal\\s+proceedings", "in\\s+deportation\\s+proceedings",
    "awaiting\\s+(?:deportation|removal)", "on\\s+a\\s+(?:tourist|student|temporary|humanitarian)\\s+visa",
    "here\\s+on\\s+a\\s+\\w+\\s+visa",
)  # fmt: skip
_YEAR = r"(?:\s+in\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?\d{4})?"
#: the object of a charge or conviction: a few words, stopping at words that start a new phrase
_CHARGE = (
    r"(?:\s+(?!(?:after|before|for|in|on|at|and|but|when|while|during|since|because|last|this|"
    r"which|who|that|by|from|to|with|over|under|as|so|or|then|yesterday|today)\b)[\w'’-]+){1,4}"
)
_PRISON = r"(?:prison|jail|gaol|custody|detention|a\s+cell|police\s+cells|bars|solitary(?:\s+confinement)?)"
_POSS = r"(?:his|her|their|my|our|your)"
_BODY = (
    r"(?:wrist|arm|leg|ankle|hip|jaw|nose|rib|ribs|collarbone|pelvis|skull|back|neck|hand|foot|finger|"
    r"fingers|elbow|knee|shoulder|spine)\b"
)
#: "a refugee lawyer", "an immigrant rights group": the attribute word only modifies a noun
_NOT_A_NOUN_COMPOUND = (
    r"(?!\s+(?:lawyer|lawyers|camp|camps|centre|center|law|laws|rights|advocate|advocates|organi[sz]ations?|"
    r"support|program|programme|council|agency|settlement|policy|policies|crisis|project|shelter|services?|"
    r"hotline|network|groups?|community|communities|studies|issues|justice|status|children|youth|"
    r"families|background|backgrounds|clinic|office|detention|advice|caseworker)\b)"
)
_CAPITALISED = r"(?-i:[A-Z])[\w'’.-]*"
#: a party, movement or union: "the Workers' Party", "the banned opposition party", "the PT"
_POLITICAL_BODY = (
    r"(?:the\s+)?(?![\w'’-]+\s+(?:church|congregation|parish)\b)(?:"
    rf"(?:{_CAPITALISED}\s+){{0,4}}?(?:(?-i:[A-Z])\w*\s+)?(?-i:Party|Movement|Front|Union|Coalition|Alliance|League)\b"
    r"|(?:[\w'’-]+\s+){0,2}?(?:party|movement|front|union|coalition|opposition|candidate)\b"
    r"|(?-i:[A-Z]{2,7})\b)"
)


LEXICON = Lexicon(
    copula=_COPULA,
    filler=_FILLER,
    modifier=_MODIFIER,
    head=_HEAD,
    head_first=False,
    attributes=(_ETHNICITY, _RELIGION, _POLITICS, _ORIENTATION, _GENDER, _HEALTH_ADJ, _MIGRATION),
    joiner="",
    repeatable=("ETHNICITY", "RELIGION", "POLITICS", "SEXUAL_ORIENTATION", "GENDER_IDENTITY", "HEALTH"),
    guards={"MIGRATION_STATUS": _NOT_A_NOUN_COMPOUND},
    coordinator=r"(?<=\band\s)",
    articles="a|an",
    coordinated=("ETHNICITY", "RELIGION", "POLITICS", "SEXUAL_ORIENTATION", "GENDER_IDENTITY", "HEALTH"),
    appositive=("ETHNICITY", "RELIGION", "SEXUAL_ORIENTATION", "HEALTH"),
    appositive_tail=(
        r"(?=(?:\s+[a-z][\w-]*){0,2}?\s+(?:woman|man|person|girl|boy|mother|father|[a-z]+(?:er|or|ist|ian|ant|ent))\b"
        r"\s*(?:[,;.)]|\s(?:from|who|with|and|of|in|at)\b)|\s*[,;.)])"
    ),
    slots={
        "condition": _CONDITION,
        "medication": _MEDICATION,
        "year": _YEAR,
        "charge": _CHARGE,
        "political_body": _POLITICAL_BODY,
        "of": "of",
        "possessive": _POSS,
        "migration_possessive": "his|her|my",
        # -- health
        "live_with": r"(?:lives|lived|living|live|has\s+been\s+living|is\s+living)\s+with",
        "have_condition": (
            r"(?:has|had|have|having|has\s+had|got|gets|developed|contracted|caught)"
            r"|(?:suffers|suffered|suffering|is\s+suffering|struggles|struggled|struggling|battles|"
            r"battled|battling|copes|coped|coping)\s+(?:from|with)"
            r"|(?:(?:is|was|has\s+been|are|were)\s+(?:being\s+)?treated|(?:is|was)\s+in\s+treatment|"
            r"receives\s+treatment|received\s+treatment|is\s+receiving\s+treatment)\s+for"
        ),
        "diagnosed": r"(?:(?:was|were|is|are|has\s+been|had\s+been|got)\s+)?diagnosed\s+(?:with|as)",
        "diagnosis": (
            r"(?:has|had|got|received|was\s+given)\s+(?:a|an|her|his|their|the)\s+(?:\w+\s+)?diagnosis\s+of"
        ),
        "take": (
            r"takes|took|taking|is\s+taking|has\s+been\s+taking|started\s+taking|is\s+on|"
            r"has\s+been\s+on|was\s+on|goes\s+to|is\s+undergoing|underwent|needs"
        ),
        "tested_positive": r"(?:tested|tests|has\s+tested)\s+positive\s+for",
        "health_event": (
            r"(?:was|were|has\s+been|had\s+been|got)\s+(?:hospitali[sz]ed|sectioned|committed|"
            r"admitted\s+to\s+(?:a\s+)?(?:psychiatric|mental\s+health)\s+(?:hospital|ward|unit|clinic)|"
            r"institutionali[sz]ed)(?:\s+for\s+" + _CONDITION + r")?"
            r"|(?:attempted|tried\s+to\s+commit)\s+suicide|tried\s+to\s+kill\s+(?:herself|himself|themselves)"
            r"|(?:had|has\s+had|underwent)\s+(?:an?\s+)?(?:abortion|miscarriage|mastectomy|psychiatric\s+"
            r"hospitali[sz]ation|breakdown|nervous\s+breakdown|overdose|stroke|heart\s+attack)"
            r"|has\s+a\s+history\s+of\s+(?:psychiatric\s+hospitali[sz]ation|self-harm|mental\s+illness|"
            r"depression|addiction|drug\s+use|suicide\s+attempts|psychosis)"
            r"|self-harms|uses\s+a\s+wheelchair|(?:is|was)\s+expecting\s+a\s+baby"
            r"|(?:relapsed|has\s+relapsed|had\s+a\s+relapse)(?:\s+(?:into|with|of)\s+" + _CONDITION + r")?"
            r"|(?:fell|falls|has\s+fallen|got|became|is|was)\s+(?:seriously\s+|very\s+|gravely\s+)?"
            r"(?:ill|sick)(?:\s+with\s+" + _CONDITION + r")?(?!\s+(?:of|with\s+(?:the|this|that|it|worry)))\b"
        ),
        # -- legal history
        # "was", "has never been", "I've been", "is still being"
        "legal_aux": (
            r"(?:was|were|has|have|had|['’]ve|['’]d|is|are|got|gets)"
            r"(?:\s+(?:not|never|already|just|still|also|reportedly|allegedly|ever|recently|twice|once))*"
            r"(?:\s+been)?(?:\s+being)?|being"
        ),
        "legal_participle": (
            r"arrested|detained|jailed|imprisoned|incarcerated|locked\s+up|apprehended|indicted|"
            r"prosecuted|remanded(?:\s+in\s+custody)?|taken\s+into\s+custody|held\s+in\s+custody|"
            r"held\s+overnight|held\s+incommunicado|held(?=\s+(?:at|in|for|by|without|since)\b|\s*[.;!?])|picked\s+up\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:police|officers|agents|soldiers)|booked|"
            r"sentenced|acquitted|convicted|charged|tried|extradited|interrogated\s+by\s+(?:the\s+)?police"
        ),
        "charge_prep": r"with|of|for|to",
        "in_custody": (
            r"(?:in|behind)\s+(?:pre-?trial\s+detention|police\s+custody|custody|"
            r"juvenile\s+detention|prison|jail|bars|solitary(?:\s+confinement)?|preventive\s+detention|"
            r"house\s+arrest|a\s+cell)"
            r"|on\s+(?:parole|probation|bail|trial|remand|death\s+row)"
            r"|under\s+(?:house\s+arrest|investigation|criminal\s+investigation|indictment)"
            r"|wanted\s+by\s+(?:the\s+)?police|(?:a\s+)?(?:former|ex-)\s*"
            r"(?:prisoner|convict|inmate|detainee)|(?:a\s+)?political\s+prisoner|(?:an?\s+)?ex-con"
        ),
        "served_time": (
            r"(?:served|has\s+served|is\s+serving)\s+(?:[\w-]+\s+){1,2}?(?:years?|months?|weeks?|days?)\b"
            rf"|(?:spent|spends|served|serving|has\s+served|is\s+serving|did)\s+(?:[\w-]+\s+){{0,3}}?"
            rf"(?:(?:in|behind)\s+{_PRISON}|(?:a\s+)?(?:prison\s+)?(?:sentence|time)(?:\s+in\s+{_PRISON})?)"
            r"|(?:has|had)\s+been\s+in\s+(?:prison|jail|custody)"
        ),
        "record": (
            r"(?:has|had|have|with)\s+(?:a\s+)?(?:criminal\s+record|police\s+record|prior\s+convictions?"
            r"|previous\s+convictions?|record\s+for\s+\w+|conviction\s+for\s+\w+(?:\s+\w+)?|"
            r"(?:an\s+)?(?:outstanding\s+)?(?:arrest\s+)?warrant(?:\s+out)?(?:\s+for\s+(?:his|her|their)\s+arrest)?)"
            r"|(?:faces|faced|facing|is\s+facing|was\s+facing)\s+(?:(?:criminal\s+)?charges|a\s+charge|"
            r"trial|prosecution|prison|jail|a\s+(?:\w+\s+)?sentence)" + rf"(?:\s+(?:of|for){_CHARGE})?"
        ),
        "legal_pronoun_verb": (
            r"(?:arrested|detained|jailed|imprisoned|handcuffed|locked\s+up|sentenced|convicted|charged|"
            r"indicted)\s+(?:him|her|them|me|us)\b(?!\s+(?:to\s+)?(?:rights|wages|phones?|family)\b)"
        ),
        "legal_verb": r"(?:arrested|detained|jailed|imprisoned|handcuffed|sentenced|convicted|charged|indicted)(?=\s)",
        "legal_nouns": (
            rf"arrest|detention|imprisonment|incarceration|conviction|trial|time\s+in\s+"
            rf"{_PRISON}|criminal\s+record|sentence|prison\s+sentence"
        ),
        "legal_acts": (
            r"arrest|detention|imprisonment|incarceration|conviction|prosecution|pre-?trial\s+detention"
        ),
        # -- migration status
        "deport_aux": r"was|were|has\s+been|have\s+been|had\s+been|got|is\s+being|is\s+going\s+to\s+be",
        "deported": r"deported|expelled\s+from\s+the\s+country|removed\s+from\s+the\s+country|sent\s+back",
        "lacks": (
            r"(?:does|do|did)(?:\s+not|n['’]t)\s+have|has\s+no|have\s+no|had\s+no|has\s+never\s+had|"
            r"lacks|is\s+without|lives\s+without|living\s+without"
        ),
        "papers": (
            r"(?:any\s+)?(?:papers|documents|legal\s+status"
            r"|immigration\s+status|(?:a\s+)?(?:valid\s+)?visa|residency|(?:a\s+)?residence\s+permit|"
            r"(?:a\s+)?work\s+permit|legal\s+papers|status)"
        ),
        "migration_event": (
            r"\b(?:faces|faced|facing|is\s+facing|fears)\s+(?:deportation|removal)"
            r"|\b(?:has|had|received|got)\s+(?:a\s+)?(?:deportation|removal|expulsion)\s+order"
            rf"|\b(?:overstayed|has\s+overstayed)\s+{_POSS}\s+(?:[\w-]+\s+)?visa"
            rf"|\b{_POSS}\s+(?:visa|residence\s+permit|permit|papers|status)\s+(?:expired|ran\s+out|lapsed|"
            r"was\s+revoked|has\s+expired)"
            r"|\b(?:applied|applies|has\s+applied|is\s+applying|filed|claimed|sought|requested|is\s+seeking|"
            r"was\s+granted|has\s+been\s+granted|got|received|was\s+refused|was\s+denied)\s+(?:for\s+)?"
            r"(?:asylum|refugee\s+status|international\s+protection|humanitarian\s+protection|tps|daca|"
            r"a\s+humanitarian\s+visa)"
            r"|\b(?:holds|has|had|obtained|got)\s+(?:refugee|asylum|protected|stateless)\s+status"
            rf"|\b(?:is\s+)?(?:awaiting|waiting\s+for|waiting\s+on)\s+a\s+decision\s+on\s+{_POSS}\s+"
            r"(?:asylum|refugee|immigration|visa|residency)\s+(?:claim|application|case|request)"
            rf"|\b{_POSS}\s+(?:asylum|refugee)\s+(?:claim|application|case)\s+(?:was|has\s+been)\s+"
            r"(?:rejected|refused|denied|turned\s+down)"
            r"|\b(?:came|arrived|fled\s+here)\s+(?:here\s+|to\s+\w+\s+)?as\s+(?:an?\s+)?(?:refugee|asylum[- ]seeker|"
            r"unaccompanied\s+minor|stowaway)"
            r"|\b(?:was|were|has\s+been)\s+recogni[sz]ed\s+as\s+(?:an?\s+)?refugee"
            r"|\b(?:crossed|entered|came)\s+(?:into\s+)?(?:the\s+border|the\s+country|here|\w+)\s+(?:illegally|irregularly|"
            r"without\s+(?:papers|documents|a\s+visa))"
            r"|\b(?:has|had)\s+been\s+in\s+immigration\s+detention"
        ),
        "migration_pronoun_verb": r"(?:deported|expelled|deporting)\s+(?:him|her|them|me|us)\b",
        "migration_nouns": (
            r"deportation|removal\s+order|deportation\s+order|"
            r"asylum\s+(?:claim|application|case|interview|hearing|appeal)|refugee\s+(?:claim|application)"
        ),
        "migration_acts": r"deportation|expulsion|removal",
        # -- politics
        "member": (
            rf"(?:(?:a|an)\s+)?(?:{_MODIFIER}\s+)?(?:member|supporter|militant|activist|"
            r"organi[sz]er|sympathi[sz]er|candidate|volunteer)s?\s+(?:of|for|with|in)"
        ),
        "support": (
            r"supports|supported|votes?\s+for|voted\s+for|campaigned\s+for|campaigns\s+for|"
            r"sympathi[sz]es\s+with|sympathi[sz]ed\s+with"
        ),
        # -- religion
        "convert": (
            r"(?:converted|converts|convert|has\s+converted)\s+to\s+"
            r"(?:islam|christianity|judaism|catholicism|buddhism|hinduism|sikhism|evangelicalism|"
            r"protestantism|the\s+\w+\s+faith)"
        ),
        "wear": (
            r"(?:wears|wore|wearing|started\s+wearing)\s+(?:a|the|her|his)\s+"
            r"(?:hijab|niqab|burqa|burka|kippah|kippa|yarmulke|turban|headscarf|veil)"
        ),
        "congregant": (
            rf"(?:a\s+)?(?:{_MODIFIER}\s+)?(?:member|members|parishioner)\s+of\s+(?:the|a|an|her|his|"
            r"their)\s+(?:[\w'’-]+\s+){0,3}?(?:church|congregation|parish|mosque|synagogue|temple|sangha|"
            r"religious\s+(?:order|community))\b"
        ),
        # -- ethnicity
        "origin": (
            rf"of\s+(?:{_ETHNICITY}|\w+)\s+(?:descent|origin|heritage|ancestry|background)"
            r"|(?:a\s+)?member\s+of\s+the\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+"
            r"(?:people|nation|tribe|ethnic\s+group|ethnic\s+minority|minority)"
        ),
        "belongs": (
            r"(?:belongs?|belonged|belonging)\s+to\s+the\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+"
            r"(?:people|nation|tribe|ethnic\s+group|community|ethnicity)"
        ),
        # -- sexual orientation and gender identity
        "came_out": rf"(?:came|has\s+come|comes|coming)\s+out\s+as\s+(?:a\s+)?{_ORIENTATION}{END}",
        "identifies": (
            rf"(?:identifies|identified|identify|identifying)\s+as\s+(?:a\s+)?(?:{_GENDER}{END}"
            r"(?:\s+(?:woman|man|person))?|(?:a\s+)?(?:woman|man)\b)"
        ),
        # -- fresh2 round: possessive health phrases, episodes, partners, pleas, held statuses
        "health_possessive": (
            r"(?:his|her|my)\s+(?:"
            + _CONDITION
            + r"|(?:antiretrovirals|antidepressants|antipsychotics|insulin|"
            r"methadone|chemo(?:therapy)?|dialysis|psychiatric\s+medication))"
            r"(?:\s+(?:treatment|medication|meds|diagnosis|therapy|drugs|care))?"
        ),
        "health_episode": (
            r"(?:had|has\s+had|suffered|experienced|went\s+through|is\s+having)\s+(?:a|an|another)\s+(?:\w+\s+)?"
            r"(?:psychotic|manic|depressive|epileptic|panic|anxiety|asthma|diabetic|mental\s+health)\s+"
            r"(?:episode|attack|seizure|crisis|breakdown|fit)"
            rf"|(?:has|had|suffered|sustained)\s+(?:a\s+)?(?:broken|fractured|shattered)\s+{_BODY}"
            rf"|(?:broke|fractured|has\s+broken)\s+(?:his|her|their|my)\s+{_BODY}"
            r"|(?:lost|has\s+lost)\s+(?:his|her|their|my|a|an|one|both)\s+(?:legs?|arms?|hands?|feet|foot|eyes?|sight|"
            r"hearing|fingers?)"
            r"|(?:walks|walked|gets\s+around)\s+with\s+(?:a\s+)?(?:prosthe(?:sis|tic\s+\w+)|cane|crutches|walker|"
            r"white\s+cane)"
            r"|(?:is|was)\s+going\s+through\s+(?:ivf|fertility\s+treatment|chemo(?:therapy)?|menopause)"
        ),
        "attraction": (
            r"(?:(?:is|are|was|were|['’]s)\s+(?:only\s+|really\s+|also\s+)?(?:attracted\s+to|into)"
            r"|likes|liked|fancies|only\s+dates|dates|dated|is\s+dating|prefers)\s+(?:other\s+)?"
            r"(?:men|women|guys|girls|boys)(?![\w'’-])"
        ),
        "partner": (
            r"(?:(?:is|was|got|has\s+been)\s+married\s+to\s+an?|(?:has|had|lives\s+with|is\s+dating|dates|"
            r"is\s+engaged\s+to)\s+(?:a|his|her))\s+(?:(?P<same_m>man|guy|boyfriend|husband)|"
            r"(?P<same_f>woman|girlfriend|wife))\b"
        ),
        "legal_more": (
            r"(?:pleaded|pled|pleads|has\s+pleaded|will\s+plead)\s+(?:guilty|not\s+guilty|no\s+contest)"
            rf"(?:\s+to{_CHARGE})?"
            r"|(?:has|had|is\s+under|is\s+subject\s+to)\s+(?:a\s+)?(?:restraining|protective|protection|"
            r"non-molestation)\s+order(?:\s+against\s+(?:him|her|them))?"
            r"|(?:got|was|were|has\s+been|have\s+been)\s+(?:busted|nicked|pinched|collared|rounded\s+up|"
            r"picked\s+up\s+(?:in|during)\s+(?:a|the)\s+(?:sweep|raid|round-up)|taken\s+into\s+(?:police\s+)?custody)"
            r"|(?:got|was|were|has\s+been)\s+(?:out|released|let\s+out)\s+(?:of|from)\s+(?:prison|jail|custody)"
            r"|(?:is|was)\s+out\s+on\s+(?:bail|parole|probation)"
            r"|(?<=\band\s)held\s+for\s+[\w-]+\s+(?:hours|days|nights|weeks|months)"
            r"|(?:has|had|have)\s+(?:[\w-]+\s+)?(?:prior|previous)\s+convictions?(?:\s+for" + _CHARGE + ")?"
        ),
        "migration_more": (
            r"(?:has|holds|had|got|was\s+granted|has\s+been\s+granted|received|is\s+on|lives\s+on)\s+"
            r"(?:humanitarian\s+parole|temporary\s+protected\s+status|temporary\s+protection|subsidiary\s+protection|"
            r"international\s+protection|(?:a\s+)?(?:closed|temporary|tied|restricted)\s+work\s+permit|"
            r"no\s+recourse\s+to\s+public\s+funds|(?:a\s+)?bridging\s+visa|(?:limited|indefinite)\s+leave\s+to\s+remain|"
            r"asylum\s+support(?:\s+[\w-]+){0,4}?(?=\s+(?:payment|and)\b)(?:\s+payment)?)"
            r"|(?:got|received|was\s+served\s+with|has|had)\s+(?:a\s+)?(?:final\s+)?(?:order\s+of\s+removal|"
            r"notice\s+to\s+appear|removal\s+notice|order\s+to\s+leave\s+the\s+country)"
            r"|(?:came|arrived|entered)\s+(?:here\s+|to\s+\w+\s+)?(?:as\s+a\s+tourist|on\s+a\s+(?:tourist|student|"
            r"visitor|work)\s+visa)\s+and\s+(?:stayed|overstayed|never\s+left|remained)"
            r"|(?:crossed|came\s+across)\s+the\s+(?:channel|mediterranean|darien\s+gap|rio\s+grande)\s+"
            r"(?:in|on)\s+an?\s+(?:small\s+)?(?:boat|dinghy|raft)"
        ),
        "office": (
            r"(?:a\s+|the\s+)?(?:local\s+|city\s+|town\s+|county\s+|regional\s+)?(?:councillor|councilor|councilwoman|"
            r"councilman|council\s+member|mayor|deputy\s+mayor|mp|senator|congresswoman|congressman|assemblywoman|"
            r"assemblyman|party\s+official|delegate|organi[sz]er|candidate)\s+(?:for|of|from|with)\s+"
            r"(?:the\s+)?(?:(?-i:[A-Z]{2,7})\b|(?:[\w'’-]+\s+){0,2}?(?:party|movement)\b|"
            r"(?:(?-i:[A-Z])[\w'’-]+\s+){1,4}(?-i:Party|Movement|Front|Alliance|Coalition)\b)"
        ),
        "cause": (
            r"(?<!\bwe\s)(?<!\bthey\s)(?:supports?|supported|backs|backed|champions|championed)\s+(?:the\s+)?"
            r"(?-i:[A-Z])[\w'’-]+\s+(?:cause|liberation|independence|resistance|self-determination)\b"
            r"|(?:organi[sz]es|organi[sz]ed|used\s+to\s+organi[sz]e|campaigns|canvasses)\s+(?:for|with)\s+"
            r"(?:the\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,3}"
            r"|(?:is|['’]s)\s+with\s+the\s+(?-i:[A-Z]{2,6})\b"
        ),
        "practice": (
            r"(?:prays|prayed|praying)\s+(?:[\w-]+\s+times\s+a\s+day|daily|every\s+(?:day|morning|evening|night|"
            r"friday|sunday)|at\s+(?:the\s+)?(?:mosque|synagogue|church|temple|gurdwara))"
            r"|(?:keeps|kept|keeping)\s+(?:kosher|halal|the\s+sabbath|shabbat)"
            r"|(?:fasts|fasted|is\s+fasting)\s+(?:for|during|at)\s+(?:ramadan|lent|yom\s+kippur)"
            r"|(?:goes|went|go)\s+to\s+(?:mass|church|the\s+mosque|synagogue|temple|confession|friday\s+prayers)\b"
            r"(?!\s+(?:transit|media|market|production|hall|street|road|lane|square)\b)"
            r"|(?:observes|observed|celebrates)\s+(?:ramadan|the\s+sabbath|shabbat)"
        ),
        "comes_from": (
            rf"(?:comes|came|is|was)\s+from\s+an?\s+(?:{_ETHNICITY}{END})(?:\s+[\w'’-]+)?\s+"
            r"(?:family|community|village|tribe|background|household|people)"
        ),
        "transition": (
            rf"is\s+transitioning|transitioned|(?:started|began|begun|starting)\s+{_POSS}\s+"
            r"(?:gender\s+)?transition|(?:was|were)\s+assigned\s+(?:male|female)\s+at\s+birth|"
            r"(?:was|were)\s+born\s+(?:male|female|intersex)|(?:is|are)\s+on\s+hormones|"
            r"(?:started|starts|began|begun|is\s+on|has\s+been\s+on|takes|is\s+taking)\s+(?:gender-affirming\s+)?"
            r"(?:hormone\s+(?:therapy|treatment|replacement\s+therapy)|hrt|testosterone|t|oestrogen|estrogen)\b|"
            r"had\s+(?:gender-affirming|top|bottom|gender\s+reassignment)\s+surgery|"
            r"uses\s+they/them(?:\s+pronouns)?"
        ),
    },
)

#: English-only shapes: inverted questions, "and released without charge", appositive nouns
EXTRAS: tuple[Frame, ...] = (
    Frame(
        "SEXUAL_ORIENTATION",
        rf"\b(?:is|was|isn['’]t)\s+(?:he|she)\s+(?:really\s+|actually\s+)?(?:a\s+)?{_ORIENTATION}{END}",
        "none",
    ),
    Frame(
        "GENDER_IDENTITY",
        rf"\b(?:is|was|isn['’]t)\s+(?:he|she|they)\s+(?:really\s+|actually\s+)?(?:a\s+)?{_GENDER}{END}"
        rf"(?:\s+{_HEAD}{END})?",
        "none",
    ),
    Frame(
        "LEGAL_HISTORY",
        # the span leaves out a name ("Was Kemi ever arrested": "ever arrested"); see _engine._span
        r"\b(?:was|were|is|has|have|had)\s+(?:(?:he|she|they)\s+|(?-i:[A-Z])[\w'’-]+\s+(?P<after_name>))"
        r"(?:ever\s+|really\s+|already\s+)?"
        r"(?:been\s+)?(?:arrested|detained|jailed|imprisoned|convicted|charged|sentenced|"
        r"in\s+(?:prison|jail|custody|detention))\b",
        "none",
    ),
    Frame(
        "RELIGION",
        r"\b(?:practi[sc]es|practi[sc]ed|practi[sc]ing)\s+"
        r"(?:islam|judaism|santer[ií]a|candombl[eé]|umbanda|voodoo|vodou|hinduism|buddhism|witchcraft|wicca)",
        "person",
    ),
    Frame(
        "POLITICS",
        r"\b(?:joined|belongs\s+to|belonged\s+to)\s+(?:the\s+)?(?:a\s+)?(?:trade\s+)?union\b",
        "person",
    ),
    Frame(
        "GENDER_IDENTITY",
        rf"\b(?:came|has\s+come|comes|coming)\s+out\s+as\s+(?:a\s+)?{_GENDER}{END}(?:\s+{_HEAD}{END})?",
        "person",
    ),
    Frame(
        "SEXUAL_ORIENTATION",
        rf"\b(?:identifies|identified|identify|identifying)\s+as\s+(?:a\s+)?{_ORIENTATION}{END}",
        "person",
    ),
    Frame(
        "SEXUAL_ORIENTATION",
        rf"{_COPULA}{_FILLER}\s+in\s+a\s+(?:same-sex|gay|lesbian)\s+(?:relationship|marriage|partnership)",
        "person",
    ),
    Frame(
        "LEGAL_HISTORY",
        r"(?<=\band\s)(?:released\s+without\s+charge|held\s+overnight|charged" + rf"(?:\s+with{_CHARGE})?)",
        "none",
    ),
    Frame(
        "LEGAL_HISTORY",
        r"\b(?:released|freed)\s+(?:without\s+charge|on\s+bail|from\s+(?:prison|jail|custody|detention)"
        r"|after\s+\w+\s+(?:days|hours|weeks|months|years)\s+in\s+" + _PRISON + ")",
        "person",
    ),
    Frame(
        "MIGRATION_STATUS",
        r"(?<=,\s)(?:a|an)\s+(?:undocumented\s+\w+|asylum[- ]seeker|refugee|migrant|immigrant|"
        r"stateless\s+\w+|deportee|daca\s+recipient|dreamer)(?=\s*(?:[,;.)]|\s(?:from|who|with|and|of|in|at)\b))",
        "appos",
    ),
    Frame(
        "GENDER_IDENTITY",
        rf"(?<=,\s)(?:a|an)\s+(?:{_MODIFIER}\s+)?(?:trans|transgender|non-binary|nonbinary|intersex)\s+{_HEAD}"
        r"(?=\s*(?:[,;.)]|\s(?:from|who|with|and|of|in|at)\b))",
        "appos",
    ),
)

FRAMES = build_frames(LEXICON, EXTRAS)


_PERSON = words("""
    man men woman women boy boys girl girls guy lady gentleman person child kid baby teenager teen youth
    mother father mum mom dad parent parents son daughter sons daughters brother brothers sister sisters
    sibling siblings cousin cousins aunt uncle nephew niece grandmother grandfather grandma grandpa
    grandson granddaughter husband wife partner partners boyfriend girlfriend fiancé fiancée spouse
    friend friends neighbour neighbor neighbours neighbors colleague colleagues comrade comrades
    client clients participant member volunteer activist organiser organizer defender journalist
    reporter lawyer attorney teacher student nurse doctor driver worker leader spokesperson
    spokeswoman spokesman coordinator translator interpreter survivor victim witness complainant
    applicant claimant tenant resident caller reporter author speaker beneficiary patient detainee
    prisoner interviewee respondent mentor organiser caseworker plaintiff defendant boss employer
    employee housemate roommate flatmate ms mr mrs miss dr sir madam auntie applicant protester
    protestor demonstrator defendant suspect accused claimant farmer miner blogger artist writer poet
    musician singer rapper photographer filmmaker editor researcher academic professor lecturer scholar
    pastor imam rabbi nun monk soldier veteran landlord landlady squatter striker delegate councillor
    candidate politician deputy senator official employee labourer laborer cleaner carer caregiver
    nanny maid housekeeper cook chef waiter waitress vendor seller trader shopkeeper mechanic builder
    owner cashier gardener coach witness translator receptionist guard councilwoman councilman councilor
    mayor governor minister president director manager treasurer secretary accountant bookkeeper intern
    caretaker headteacher headmaster headmistress principal chairwoman chairman chairperson rep aide
    staffer janitor porter actor actress player footballer athlete producer presenter plumber
    electrician carpenter hairdresser barber pharmacist dentist therapist counsellor counselor
    trainee apprentice bishop priest officer clerk storekeeper grocer baker butcher tailor seamstress
    courier dispatcher cabbie taximan tutor coordinator spokeswoman principal superintendent sheriff
    engineer programmer developer campaigner intern trainee apprentice pupil schoolgirl schoolboy
    toddler infant orphan widow widower elder chief representative founder director manager chair
    chairwoman chairman president secretary treasurer supporter follower user guest visitor tourist
    traveller traveler passenger pilgrim stranger acquaintance lover twin stepfather stepmother stepson
    stepdaughter godmother godfather player athlete footballer dancer actor actress officer guard
    youngster fellow comrade sister-in-law brother-in-law mother-in-law father-in-law asylee
    newcomer migrant immigrant refugee rep steward shop-steward
    """)

GRAMMAR = Grammar(
    skip=words("""
        also still now never not reportedly allegedly apparently recently already just once previously
        later eventually finally both all that who whether if said says told tells confirmed thinks
        think believes believe knows know claims claim heard wrote writes added adds explained explains
        asked asks worried fears and but yet so because as since although though however
        """),
    block=words("""
        people persons everyone everybody anyone anybody someone somebody nobody no-one none whoever
        half majority minority percent
        many most several few some any every each community communities group groups collective
        collectives organisation organization organisations organizations association network networks
        movement movements population populations family families migrants refugees immigrants
        women men youth children kids students workers members participants activists volunteers
        victims survivors individuals citizens residents minorities neighbourhood neighborhood city
        country state government police law laws bill policy campaign project programme program march
        event workshop shelter centre center church mosque party union school company shipment cargo
        package packages goods truck car vehicle vehicles boat ship container load data case test tests
        result results sample samples area region district village camp land it this which you your
        one ones equipment luggage documents phone phones website account office building house home
        food money funds couple couples parents' detainees prisoners families' those these where
        """),
    person=_PERSON,
    determiners=words("the a an this that these those"),
    possessives=words("my his her their our your"),
    quantifiers=words("any every each no all many most some several whichever whoever"),
    not_names=words("""
        street road avenue calle rua rue
        the a an he she they we i it this that these those his her their our my your when if but and
        so as after before while during since because although though however yesterday today
        tomorrow monday tuesday wednesday thursday friday saturday sunday january february march
        april may june july august september october november december according in on at by
        for from with of case note update summary interview quote notes also then there here
        everyone someone police nobody
        """),
    organisations=words("""
        centre center committee church party foundation association collective movement ministry
        university school hospital clinic league union network ngo court council commission
        institute government state city senate assembly congress cooperative front alliance
        coalition police department office agency bank company corporation
        """),
    # "have" after "does not"/"doesn't" is no plural ("dani doesn't have papers")
    plural=r"\b(?:are|were|aren['’]t|weren['’]t|(?<!n['’]t\s)(?<!\bnot\s)have|'re|’re|live|suffer|face|hold|belong)\b",
    prepositions=words(
        "at in on of from with by to for about into onto over under near after before during without"
    ),
    generic_relatives=words("who whoever whom"),
    gerund_suffixes=("ing",),
    indefinites=words("a an any"),
    conditionals=words("when if whenever unless until once whether"),
    lead=_LEAD,
    conjunctions=words("and but"),
    pronouns=words("he she they i we"),
    plural_pronouns=words("they"),
    generic_words=words("everyone everybody anyone anybody whoever nobody people all"),
    object_lead=frozenset({"the", "of"}),
    person_suffixes=(
        "seller",
        "sellers",
        "keeper",
        "keepers",
        "maker",
        "makers",
        "worker",
        "owner",
        "owners",
        "dealer",
        "writer",
        "ician",
        "icians",
        "ologist",
        "ologists",
        "grapher",
        "graphers",
        "ographer",
        "smith",
        "woman",
        "person",
        "trician",
        "ist",
        "ists",
    ),
    not_person=words("""
        list lists playlist checklist shortlist wishlist twist wrist mist exist assist insist resist
        persist consist tourist tourists nationalist dentist dentists
        """),
    person_prefixes=("ex-", "ex", "vice-", "co-", "step", "great-"),
    numbers=words("two three four five six seven both"),
    first_person=words("am"),
    masculine=words("""
        he him his himself mr man boy guy brother son father dad uncle nephew husband boyfriend
        grandfather grandson gentleman sir
        """),
    feminine=words("""
        she her hers herself ms mrs miss woman girl lady sister daughter mother mum mom aunt niece wife
        girlfriend grandmother granddaughter madam
        """),
    thing_attributes=words("straight pan ace bi"),
)

RULES = LanguageRules(GRAMMAR, FRAMES)

# -- the second-chance layer: attribute words found in a sentence about someone (_fallback) ---

CUES = Cues(
    terms={
        "HEALTH": terms(
            "hiv",
            "hiv-positive",
            "aids",
            "viral load",
            "antiretrovirals?",
            "arvs",
            "prep",
            "cancer",
            "leuka?emia",
            "lymphoma",
            "tumou?rs?",
            "chemo(?:therapy)?",
            "radiotherapy",
            "dialysis",
            "diabet(?:es|ic)",
            "insulin",
            "epilep(?:sy|tic)",
            "seizures",
            "asthma(?:tic)?",
            "tuberculosis",
            "hepatitis(?: [bc])?",
            "a stroke",
            "heart attack",
            "heart condition",
            "wheelchair",
            "walker",
            "crutches",
            "prosthe(?:sis|tic)",
            "amputee",
            "amputated",
            "paraly[sz](?:ed|is)",
            "paraplegic",
            "quadriplegic",
            "blind",
            "deaf",
            "hard of hearing",
            "autis(?:m|tic)",
            "adhd",
            "dyslexi[ac]",
            "down syndrome",
            "cerebral palsy",
            "multiple sclerosis",
            "parkinson['’]?s",
            "alzheimer['’]?s",
            "dementia",
            "depress(?:ion|ed|ive)",
            "anxiety",
            "panic attacks",
            "bipolar",
            "schizophreni(?:a|c)",
            "psycho(?:sis|tic)",
            "ptsd",
            "post-traumatic stress",
            "eating disorder",
            "anorexi[ac]",
            "bulimi[ac]",
            "self-harm(?:ing)?",
            "suicidal",
            "tried to kill (?:him|her)self",
            "overdosed?",
            "addict(?:ed|ion)?",
            "alcoholi(?:c|sm)",
            "rehab",
            "detox",
            "methadone",
            "antidepressants?",
            "antipsychotics?",
            "psychiatric",
            "psychiatrist",
            "disabilit(?:y|ies)",
            "disabled",
            "pregnant",
            "pregnancy",
            "miscarriage",
            "abortion",
            "infertil(?:e|ity)",
            "ivf",
            "hospitali[sz]ed",
            "in hospital",
            "surgery",
            "mastectomy",
            "transplant",
            "sickle cell",
            "lupus",
            "long covid",
            "medication",
            "medicated",
            "diagnos(?:ed|is)",
            "terminally ill",
            "chronic(?:ally)?",
            "mental health",
            "breakdown",
            "in recovery",
            "sober",
            "sobriety",
            "hearing aids?",
            "sign language",
            "oxygen",
            "pacemaker",
            "catheter",
            "colostomy",
            "feeding tube",
            "insulin pump",
            "white cane",
            "kidney failure",
            "heart disease",
            "hearing loss",
            "sight loss",
            "learning disabilit(?:y|ies)",
            "in therapy",
            "seropositive",
            "immunocompromised",
            "cancer-free",
        ),
        "RELIGION": terms(
            "muslim",
            "islam",
            "islamic",
            "mosque",
            "hijab",
            "headscarf",
            "veil",
            "niqab",
            "burqa",
            "prays?",
            "prayed",
            "praying",
            "prayers",
            "ramadan",
            "fasts",
            "fasting",
            "christian",
            "catholic",
            "protestant",
            "evangelical",
            "pentecostal",
            "baptist",
            "methodist",
            "anglican",
            "adventist",
            "mormon",
            "jehovah['’]?s witness",
            "church",
            "parish",
            "congregation",
            "bible",
            "jewish",
            "jew",
            "synagogue",
            "kosher",
            "shabbat",
            "sabbath",
            "rabbi",
            "hindu",
            "temple",
            "sikh",
            "turban",
            "gurdwara",
            "buddhis[mt]",
            "atheist",
            "agnostic",
            "converted",
            "conversion",
            "faith",
            "religio(?:n|us)",
            "devout",
            "believer",
            "pastor",
            "priest",
            "imam",
            "nun",
            "bapti[sz]ed",
            "shia",
            "shiite",
            "sunni",
            "sufi",
            "ahmadi",
            "baha['’]?i",
            "yazidi",
            "rastafarian",
            "santer[ií]a",
            "candombl[eé]",
            "umbanda",
            "vodou",
            "voodoo",
            "pagan",
            "wiccan",
            "apostate",
            "quran",
            "koran",
            "halal",
            "pilgrimage",
            "hajj",
            "orthodox",
            "quaker",
            "born-again",
            "kufi",
            "kippah",
            "yarmulke",
            "rosary",
            "eid",
            "diwali",
            "passover",
            "yom kippur",
            "communion",
            "confession",
            "observes? the sabbath",
        ),
        "POLITICS": terms(
            "communists?",
            "socialists?",
            "anarchists?",
            "marxists?",
            "leninists?",
            "maoists?",
            "trotskyists?",
            "labour",
            "tory",
            "tories",
            "democrats?",
            "republicans?",
            "green party",
            "the greens",
            "left-wing",
            "right-wing",
            "leftist",
            "far-right",
            "far-left",
            "the opposition",
            "opposition party",
            "dissidents?",
            "militants?",
            "unionists?",
            "trade union",
            "shop steward",
            "union (?:organi[sz]er|rep|representative|leader)",
            "strikes",
            "picket(?:ed|ing)?",
            "campaign(?:ed|s)? for",
            "canvass(?:ed|ing|es)?",
            "votes? for",
            "voted for",
            "member of the [a-z' ]{0,30}party",
            "joined the [a-z' ]{0,30}party",
            "party (?:member|card|membership)",
            "card-carrying",
            "zapatistas?",
            "chavistas?",
            "peronists?",
            "sandinistas?",
            "separatists?",
            "independentists?",
            "nationalists?",
            "feminists?",
            "fascists?",
            "neo-nazis?",
            "royalists?",
            "political prisoner",
            "[a-z]+ movement",
            "stood for (?:parliament|election|office)",
            "ran for (?:office|mayor|congress)",
        ),
        "SEXUAL_ORIENTATION": terms(
            "gay",
            "lesbian",
            "bisexual",
            "queer",
            "homosexual",
            "heterosexual",
            "pansexual",
            "asexual",
            "came out",
            "coming out",
            "comes out",
            "in the closet",
            "closeted",
            "same-sex",
            "his (?:husband|boyfriend)",
            "her (?:wife|girlfriend)",
            "(?:likes|dates|dated|dating|loves|fancies|attracted to|sleeps with|into) (?:men|women|guys|girls|boys)",
            "lgbtq?\\+?",
            "outed",
        ),
        "GENDER_IDENTITY": terms(
            "trans",
            "transgender",
            "transsexual",
            "non-binary",
            "nonbinary",
            "genderqueer",
            "gender-?fluid",
            "intersex",
            "transition(?:ed|ing)?",
            "gender-affirming",
            "hormone therapy",
            "hormones",
            "top surgery",
            "assigned (?:male|female) at birth",
            "pronouns",
            "they/them",
            "deadnam(?:e|ed|ing)",
            "dead name",
            "two-spirit",
            "gender identity",
            "gender marker",
            "legal gender",
            "travesti",
        ),
        "LEGAL_HISTORY": terms(
            "arrest(?:ed)?",
            "detain(?:ed|ee)",
            "detention",
            "custody",
            "jail(?:ed)?",
            "prison",
            "imprison(?:ed|ment)",
            "incarcerat(?:ed|ion)",
            "behind bars",
            "a cell",
            "the cells",
            "locked up",
            "charged",
            "charges",
            "indicted",
            "indictment",
            "accused",
            "prosecut(?:ed|ion)",
            "convict(?:ed|ion)?",
            "sentenced",
            "a sentence",
            "served (?:time|[a-z-]+ (?:months|years))",
            "parole",
            "probation",
            "on bail",
            "bail",
            "bailed",
            "remand(?:ed)?",
            "on trial",
            "trial",
            "criminal record",
            "a prior",
            "priors",
            "booked",
            "mugshot",
            "police station",
            "handcuff(?:ed|s)",
            "warrant",
            "fugitive",
            "ex-con",
            "ex-offender",
            "inmate",
            "released from",
            "pardon(?:ed)?",
            "acquitted",
            "guilty",
            "pleaded (?:guilty|innocent|not guilty|no contest)",
            "plea",
            "court",
            "custodial",
            "penitentiary",
            "did time",
            "did [a-z-]+ (?:months|years)",
            "picked up by (?:the )?police",
            "taken in",
            "held by (?:the )?police",
        ),
        "MIGRATION_STATUS": terms(
            "undocumented",
            "without papers",
            "no papers",
            "visa",
            "overst(?:ay|ayed|ays|aying)",
            "asylum",
            "refugee",
            "refugee status",
            "deport(?:ed|ation)?",
            "removal",
            "sent back",
            "expelled",
            "irregular",
            "illegal(?:ly)?",
            "unauthori[sz]ed",
            "stateless",
            "nationality",
            "citizenship",
            "green card",
            "residence permit",
            "residency",
            "work permit",
            "permit",
            "daca",
            "dreamer",
            "tps",
            "protected status",
            "humanitarian visa",
            "immigration status",
            "immigration detention",
            "immigration court",
            "immigrants?",
            "migrants?",
            "crossed the border",
            "smuggled",
            "coyote",
            "naturali[sz]ed",
            "legal status",
            "refugee claim",
            "asylum claim",
            "removal order",
            "deportation order",
            "border patrol",
            "leave to remain",
        ),
    },
    before=words("""
        law laws policy policies bill reform rights office centre center clinic programme program
        campaign project department ministry court system crisis sector debate motion report story
        film book research study issue issues test tests testing prevention awareness services access
        expiry
        """),
    after=words("""
        law laws policy policies bill reform reforms rights office centre center centres centers clinic
        clinics programme programs program campaign campaigns project department ministry system crisis
        debate motion test tests testing prevention awareness services service support group groups
        community communities families family population people seekers workers rate rates cases
        lawyers lawyer lawyer's advocate advocates charity charities organisation organisations hotline
        healthcare care treatment research rules procedure process application form forms fee fees
        question questions survey data statistics figures numbers agency agencies officer officers
        officials authorities route routes camp camps crisis shelter shelters network networks
        movement center's leaders leader school schools hospital hospitals ward wards leaflet hall
        women men youth children kids teens adults students girls boys
        """),
    links=words("of for on about to"),
    stops=words("""
        who whom whose which that where when while whether if because and or but so then said says
        told tells reported asked explained added wrote mentioned noted confirmed learned until before
        after during since s what
        """),
    pronouns=words("he she i"),
    what=frozenset({"what"}),
    plural_determiners=words("these those"),
    capitalised=True,
    generic=words("""
        everyone everybody anyone anybody whoever nobody no-one people all any every those no
        """),
    anyone=words("everyone everybody anyone anybody whoever"),
    pro_drop=False,
)
FALLBACK = FallbackRules(GRAMMAR, CUES)
