"""French frames and grammar words for the sensitive-information detector."""

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

_A = r"['’]"
#: a subject pronoun, "ne"/"n'" and adverbs before a frame join its span (Grammar.lead)
_LEAD = (
    rf"(?:\b(?:il|elle|ils|elles|je|nous|iel)\s+|\bj{_A})?"
    rf"(?:\b(?:ne\s+|n{_A})|\b(?:(?:aussi|déjà|toujours|désormais|finalement|ensuite|récemment|"
    r"apparemment|probablement|visiblement|officiellement)\s+))*"
)
_NEG = r"(?:\s+(?:pas|plus|jamais|point|aussi|toujours|encore|déjà|désormais|bien|même|apparemment|officiellement))*"
_COPULA_WORDS = alt(
    "est", "sont", "était", "étaient", "fut", "suis", "sommes", "a\\s+été", "ont\\s+été",
    "avait\\s+été", "avaient\\s+été", "ai\\s+été", "avons\\s+été", "sera", "serait", "seraient",
    "reste", "restent", "demeure", "est\\s+devenue?", "sont\\s+devenue?s", "devenue?", "resta",
    "restait", "se\\s+trouve", "était\\s+autrefois", "a\\s+longtemps\\s+été", "se\\s+trouvait", "se\\s+considère(?:\\s+pas)?\\s+comme", "se\\s+dit",
)  # fmt: skip
_COPULA = rf"\b{_COPULA_WORDS}{_NEG}"
_FILLER = (
    r"(?:\s+(?:aussi|ouvertement|très|vraiment|probablement|un|une|des|toujours|encore|fièrement|"
    r"publiquement|en\s+fait|officiellement))*"
)
_MODIFIER = r"(?:jeune|fier|fière|fervente?|ancienne?|ex|vieux|vieille|simple)"
#: the person noun comes first: "une femme trans", "un homme gay"
_HEAD = alt(
    "femme", "femmes", "homme", "hommes", "personne", "personnes", "fille", "filles", "garçon",
    "garçons", "jeune", "jeunes", "dame", "monsieur", "adolescente?", "mère", "père", "couple",
    "militante?", "militantes", "camarade", "mec", "meuf", "famille", "voisine?", "enfant",
)  # fmt: skip

_ETHNICITY = alt(
    "autochtones?", "indigènes?", "amérindien(?:ne)?s?", "afrodescendante?s?", "afro-\\w{4,}", "noire?s?",
    "roms?", "romani", "tsiganes?", "gitane?s?", "manouches?", "yéniches?", "kurdes?", "ouïghoure?s?",
    "rohingyas?", "tamoule?s?", "amazighs?", "berbères?", "kabyles?", "maghrébine?s?", "hmong", "navajos?",
    "garifunas?", "touaregs?", "peule?s?", "peuls",
    "bambaras?", "soninkés?", "wolofs?", "tutsis?", "hutus?", "hazaras?", "yézidie?s?", "kanake?s?",
    "métis(?:se)?s?", "arabes?", "mapuches?", "quechuas?", "aymaras?", "tchétchènes?", "ouzbeks?",
    "pachtounes?", "baloutches?", "sahraouie?s?", "mahorais(?:e)?s?", "créole?s?", "marron(?:ne)?s?",
)  # fmt: skip
_RELIGION = alt(
    "musulmane?s?", "chrétien(?:ne)?s?", "catholiques?", "évangéliques?", "protestante?s?",
    "pentecôtistes?", "baptistes?", "adventistes?", "mormone?s?", "témoins?\\s+de\\s+jéhovah", "juif",
    "juive", "juifs", "juives", "hindoue?s?", "bouddhistes?", "sikhs?", "athées?", "agnostiques?",
    "chiites?", "sunnites?", "soufie?s?", "alévie?s?", "croyante?s?", "pratiquante?s?", "religieux",
    "religieuse", "convertie?\\s+à\\s+l['’]islam", "pasteure?", "imam", "rabbin", "prêtre", "curé",
    "moine", "diacre", "nonne", "bonne\\s+sœur", "ahmadie?s?", "bahá['’]?íe?s?", "orthodoxes?",
    "salafistes?",
)  # fmt: skip
_POLITICS = alt(
    "communistes?", "socialistes?", "anarchistes?", "trotskistes?", "insoumise?s?", "gauchistes?",
    "d['’]extrême\\s+gauche", "d['’]extrême\\s+droite", "de\\s+gauche", "de\\s+droite",
    "opposante?s?(?:\\s+(?:politiques?|au\\s+régime))?", "dissidente?s?", "syndicalistes?",
    "délégué(?:e)?s?\\s+syndica(?:l|le|ux|les)", "syndiquée?s?", "marxistes?", "maoïstes?",
    "royalistes?", "indépendantistes?", "séparatistes?", "fascistes?", "antifas?", "black\\s+blocs?",
    "sandinistes?", "zapatistes?", "chavistes?", "péronistes?", "nationalistes?", "écologistes?",
    "guérillero(?:s|\\s+\\w+)?", "ancien(?:ne)?\\s+guérillero", "trotskystes?", "libertaires?",
)  # fmt: skip
_ORIENTATION = alt(
    "gays?", "lesbiennes?", "de\\s+(?:lesbiennes|gays|gais)", "bisexuel(?:le)?s?", "bi", "queer", "pansexuel(?:le)?s?", "asexuel(?:le)?s?",
    "homosexuel(?:le)?s?", "hétérosexuel(?:le)?s?", "hétéro", "homo", "gouine", "pédé",
)  # fmt: skip
_GENDER = alt(
    "trans", "transgenres?", "transsexuel(?:le)?s?", "non[- ]binaires?", "intersexes?", "genderfluid",
    "de\\s+genre\\s+fluide", "agenre",
)  # fmt: skip
_HEALTH_ADJ = alt(
    "séropositi(?:f|ve)s?", "séropo", "porteu(?:r|se)\\s+du\\s+(?:vih|virus\\s+du\\s+sida)", "enceintes?",
    "diabétiques?", "épileptiques?", "asthmatiques?", "autistes?", "bipolaires?", "schizophrènes?",
    "sourde?s?", "aveugles?", "handicapée?s?", "en\\s+situation\\s+de\\s+handicap", "paraplégiques?",
    "tétraplégiques?", "déprimée?s?", "dépressi(?:f|ve)s?", "alcooliques?", "toxicomanes?", "malade\\s+du\\s+sida",
    "sous\\s+(?:traitement(?:\\s+(?:psychiatrique|antirétroviral|hormonal))?|antidépresseurs|"
    "antirétroviraux|trithérapie|prep|méthadone|chimiothérapie|chimio|neuroleptiques|anxiolytiques|"
    "dialyse|insuline)",
    "en\\s+(?:dépression|burn-out|rémission|cure\\s+de\\s+désintoxication|dialyse|chimiothérapie|"
    "fauteuil\\s+roulant|hôpital\\s+psychiatrique|psychiatrie)",
    "hospitalisée?s?(?:\\s+en\\s+psychiatrie)?", "internée?s?(?:\\s+en\\s+psychiatrie)?",
    "positi(?:f|ve)s?\\s+au\\s+(?:vih|covid)", "malades?\\s+mentales?", "malades?",
    "en\\s+arrêt\\s+(?:maladie|de\\s+travail)(?:\\s+pour\\s+(?:une?\\s+)?[\\w-]+)?", "en\\s+congé\\s+maladie",
    "en\\s+thérapie", "sous\\s+curatelle", "sous\\s+tutelle",
)  # fmt: skip
_CONDITION = (
    r"(?:(?:le|la|l['’]|un|une|du|de\s+la|d['’]un|d['’]une|des)\s*)?"
    + alt(
        "vih", "sida", "dépression(?:\\s+(?:sévère|chronique|post-partum|nerveuse))?", "anxiété",
        "troubles?\\s+(?:bipolaires?|anxieux|de\\s+stress\\s+post-traumatique|psychiatriques?|"
        "alimentaires?|borderline|obsessionnels?(?:\\s+compulsifs?)?|du\\s+spectre\\s+autistique|"
        "de\\s+la\\s+personnalité|psychiques?|mentaux)",
        "stress\\s+post-traumatique", "tspt", "schizophrénie", "psychose",
        "cancer(?:\\s+(?:du\\s+sein|du\\s+poumon|de\\s+la\\s+prostate|du\\s+col\\s+de\\s+l['’]utérus|du\\s+colon|"
        "de\\s+la\\s+peau))?",
        "leucémie", "lymphome", "diabète", "épilepsie", "tuberculose", "hépatite(?:\\s+[abc])?", "autisme",
        "tdah", "crises\\s+d['’]épilepsie", "crises\\s+(?:convulsives|épileptiques)", "convulsions", "anorexie", "boulimie", "handicap(?:\\s+(?:mental|moteur|psychique|visuel|auditif))?",
        "sclérose\\s+en\\s+plaques", "démence", "maladie\\s+d['’]alzheimer", "alzheimer",
        "maladie\\s+de\\s+parkinson", "parkinson", "covid(?:-19)?", "syphilis", "ist", "lupus",
        "maladie\\s+mentale", "maladie\\s+psychiatrique", "addiction(?:\\s+(?:à|aux)\\s+\\w+)?",
        "alcoolisme", "herpès", "asthme", "insuffisance\\s+rénale", "drépanocytose", "fibromyalgie",
        "crises\\s+d['’]angoisse", "attaques\\s+de\\s+panique", "douleurs\\s+chroniques", "tumeur",
        "paludisme", "syndrome\\s+de\\s+\\w+", "trisomie(?:\\s+21)?", "handicap\\s+\\w+", "déficience\\s+\\w+",
    )
    + END
)  # fmt: skip
_MEDICATION = alt(
    "antidépresseurs", "antirétroviraux", "anxiolytiques", "neuroleptiques", "antipsychotiques",
    "lithium", "méthadone", "insuline", "prep", "la\\s+prep", "trithérapie", "un\\s+traitement\\s+\\w+",
    "des\\s+hormones", "hormones", "son\\s+traitement\\s+\\w+",
)  # fmt: skip

_MONTH = r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
_YEAR = rf"(?:\s+en\s+(?:{_MONTH}\s+)?\d{{4}})?"
_CHARGE = (
    r"(?:\s+(?!(?:après|avant|pendant|depuis|en|et|mais|quand|lorsque|alors|parce|que|qui|hier|"
    r"aujourd['’]hui|le|la|les|avec|sans|selon|car|puis|par|pour|au|aux|dans|à|lors|devant)\b)[\w'’-]+){1,5}"
)
_PARTICIPLE_LEGAL = alt(
    "arrêtée?s?", "interpellée?s?", "placée?s?\\s+en\\s+garde\\s+à\\s+vue", "placée?s?\\s+en\\s+détention(?:\\s+provisoire)?",
    "mise?s?\\s+en\\s+examen", "incarcérée?s?", "emprisonnée?s?", "écrouée?s?", "détenue?s?", "inculpée?s?",
    "poursuivie?s?", "condamnée?s?", "jugée?s?", "menottée?s?", "embarquée?s?\\s+par\\s+(?:la\\s+)?police",
    "mise?s?\\s+sous\\s+les\\s+verrous", "relâchée?s?", "relaxée?s?", "acquittée?s?", "fichée?s?\\s+s",
    "déférée?s?", "mise?s?\\s+en\\s+cause", "placée?s?\\s+sous\\s+contrôle\\s+judiciaire", "verbalisée?s?",
    "libérée?s?\\s+(?:de\\s+prison|sous\\s+caution|sous\\s+contrôle\\s+judiciaire)", "sortie?s?\\s+de\\s+prison", "mise?s?\\s+en\\s+garde\\s+à\\s+vue",
    "gardée?s?\\s+à\\s+vue", "entendue?s?\\s+par\\s+la\\s+police", "assignée?s?\\s+à\\s+résidence",
)  # fmt: skip
_MIGRATION = alt(
    "sans[- ]papiers?", "sans\\s+titre\\s+de\\s+séjour", "en\\s+situation\\s+irrégulière", "irréguli(?:er|ère)s?",
    "demandeu(?:r|se)s?\\s+d['’]asile", "réfugiée?s?", "migrante?s?", "immigrée?s?", "immigrante?s?",
    "exilée?s?", "apatrides?", "clandestine?s?", "déboutée?s?(?:\\s+(?:du\\s+droit\\s+d['’]asile|de\\s+sa\\s+demande\\s+d['’]asile))?",
    "sous\\s+oqtf", "en\\s+(?:centre\\s+de\\s+)?rétention(?:\\s+administrative)?", "mineure?s?\\s+non\\s+accompagnée?s?",
    "mna", "dublinée?s?", "sans\\s+statut", "en\\s+attente\\s+de\\s+régularisation", "en\\s+cours\\s+de\\s+régularisation",
    "expulsables?", "en\\s+procédure\\s+d['’]expulsion", "réfugiée?s?\\s+statutaires?", "déplacée?s?",
    "sous\\s+le\\s+coup\\s+d['’]une\\s+(?:oqtf|expulsion|obligation\\s+de\\s+quitter\\s+le\\s+territoire)",
)  # fmt: skip


_CAPITALISED = r"(?-i:[A-ZÀÂÉÈÊÎÔÛÇ])[\w'’.-]*"
_BODY = (
    r"(?:poignet|bras|jambe|cheville|hanche|mâchoire|nez|côte|côtes|clavicule|bassin|crâne|dos|main|"
    r"pied|doigt|coude|genou|épaule|colonne)\b"
)
_CHURCH = r"(?:église|eglise|congrégation|paroisse|communauté\s+religieuse|mosquée|synagogue|temple)"
#: a party, movement or union: "au Parti communiste", "de La France insoumise", "à la CGT"
_POLITICAL_BODY = (
    rf"(?:du|de\s+la|de\s+l{_A}|des|de|d{_A}|au|aux|à\s+la|à\s+l{_A}|à|chez|dans\s+le|dans\s+la|dans|pour\s+le|pour\s+la|pour|le|la|les|l{_A})\s*"
    rf"(?!{_CHURCH}\b)(?:"
    rf"(?:La\s+|Le\s+|Les\s+)?{_CAPITALISED}(?:\s+(?:(?:de|du|des|de\s+la|et|pour\s+la)\s+)?(?:{_CAPITALISED}|"
    r"(?:communiste|socialiste|insoumise|écologiste|ouvrier|populaire|national|nationale|républicain|"
    r"démocrate|anticapitaliste|révolutionnaire|de\s+gauche|de\s+droite|libertaire|vert|verte)\b)){0,4}"
    r"|(?:parti|mouvement|front|syndicat|candidate?|collectif\s+politique|organisation\s+politique|opposition|"
    r"guérilla)(?:\s+(?:d['’]opposition|au\s+pouvoir|de\s+gauche|de\s+droite|\w+istes?|(?-i:[A-Z])\w+))?"
    r"|(?-i:[A-Z]{2,7})\b)"
)

LEXICON = Lexicon(
    copula=_COPULA,
    filler=_FILLER,
    modifier=_MODIFIER,
    head=_HEAD,
    head_first=True,
    attributes=(_ETHNICITY, _RELIGION, _POLITICS, _ORIENTATION, _GENDER, _HEALTH_ADJ, _MIGRATION),
    joiner=r"(?:et\s+)?",
    coordinator=r"(?<=\bet\s)",
    articles="un|une",
    slots={
        "origin": (
            rf"(?:{_HEAD}\s+)?(?:d{_A}origine|d{_A}ascendance|descendante?\s+d{_A}\w+|"
            r"issue?\s+(?:de\s+la\s+communauté|du\s+peuple|d['’]une\s+famille))\s+"
            r"(?:" + _ETHNICITY + r"|maghrébine?|africaine?|asiatique|algérienne?|marocaine?|tunisienne?|"
            r"juive?|antillaise?|comorienne?|malienne?|sénégalaise?|turque?|\w+)" + END
        ),
        "belongs": (
            r"(?:appartient|appartenait|appartiennent)\s+(?:au\s+peuple|à\s+la\s+communauté|à\s+l['’]ethnie|"
            r"à\s+la\s+minorité)\s+[\w'’-]+"
        ),
        "convert": (
            rf"(?:s{_A}est|se\s+sont|s{_A}était)\s+converti(?:e)?s?\s+(?:à\s+l{_A}islam|au\s+christianisme|"
            r"au\s+judaïsme|au\s+catholicisme|au\s+protestantisme|au\s+bouddhisme|à\s+l['’]évangélisme)"
            rf"|\b(?:porte|portait|a\s+commencé\s+à\s+porter)\s+(?:le|la|un)\s+(?:voile|foulard\s+islamique|(?<=le\s)foulard|"
            r"hijab|niqab|burqa|kippa|turban\s+sikh)"
            rf"|\b(?:fait|faisait|pratique|pratiquait)\s+(?:le\s+ramadan|sa\s+prière|la\s+prière|l['’]islam|"
            r"le\s+judaïsme|le\s+vaudou)"
        ),
        "congregant": (
            rf"(?:membre|fidèle|paroissien(?:ne)?|pilier)s?\s+(?:de\s+la|du|de\s+l{_A}|de)\s*"
            rf"{_CHURCH}(?:\s+(?:de\\s+|du\\s+|d['’])?{_CAPITALISED}(?:\s+{_CAPITALISED})*|\s+(?!(?:de|du|do|da|del|et|y|e)\b)\w+)?"
        ),
        "member": (
            r"(?:militante?|membre|adhérente?|sympathisante?|encartée?|syndiquée?|"
            r"candidate?|électeur|électrice|responsable|cadre|élue?|fondatrice|fondateur|proche)s?"
        ),
        "support": (
            r"(?:milite|militait|militent|a\s+milité|vote|votait|a\s+voté|votent|soutient|soutenait|"
            r"a\s+adhéré|ai\s+adhéré|adhère|a\s+rejoint|ai\s+rejoint|milité|s['’]est\s+encarté(?:e)?|s['’]est\s+syndiqué(?:e)?|"
            r"(?:a\s+fait|fait|faisait)\s+campagne|sympathise\s+avec|sympathisait\s+avec)(?:\s+pour)?"
        ),
        "came_out": (
            rf"(?:a\s+fait|avait\s+fait|fait)\s+son\s+coming[- ]out"
            rf"|\b(?:se\s+définit|s{_A}identifie|se\s+considère|se\s+dit)\s+comme\s+(?:{_HEAD}\s+)?"
            rf"{_ORIENTATION}{END}"
        ),
        "identifies": (
            rf"(?:se\s+définit|s{_A}identifie|se\s+considère|se\s+dit|se\s+définissait|s{_A}identifiait|"
            rf"se\s+définissent|s{_A}identifient)\s+(?:comme\s+)?(?:(?:un|une)\s+)?(?:{_HEAD}\s+)?"
            rf"(?:{_GENDER}{END}|femme\b|homme\b)"
        ),
        "transition": (
            r"(?:(?:a|avait|ont)\s+(?:commencé|entamé|fait|débuté)\s+(?:sa|leur|son)\s+(?:transition|"
            r"parcours\s+de\s+transition)|est\s+en\s+(?:cours\s+de\s+)?transition|(?:a|avait)\s+changé\s+"
            r"(?:de\s+prénom|de\s+sexe|son\s+état\s+civil)|prend\s+des\s+hormones|est\s+sous\s+hormones|"
            r"(?:a\s+été|était)\s+assignée?\s+(?:homme|femme|garçon|fille)\s+à\s+la\s+naissance|"
            r"(?:utilise|préfère)\s+le\s+pronom\s+iel)"
        ),
        "live_with": (r"(?:vit|vivait|vivent|vis|vivons|a\s+vécu|vivant)\s+avec"),
        "have_condition": (
            r"(?:a|avait|ont|ai|a\s+eu|avait\s+eu|a\s+contracté|avait\s+contracté|a\s+attrapé|"
            r"a\s+développé|fait|faisait|a\s+fait)"
        ),
        "health_event": (
            r"(?:a|avait|ont|ai)\s+fait\s+(?:[\w-]+\s+)?cures?\s+de\s+désintoxication|"
            rf"(?:(?:a\s+été|est|était)\s+(?:testée?|dépistée?)\s+)?positi(?:f|ve)\s+(?:au|à\s+la|à\s+l{_A})\s*"
            r"(?:vih|covid(?:-19)?|tuberculose|syphilis|hépatite\s+[abc])"
            rf"|\b(?:(?:a|ont|avait)\s+été|est|était)\s+(?:placée?s?|admise?s?)\s+(?:en|dans\s+un)\s+"
            r"(?:hôpital\s+psychiatrique|psychiatrie|hp|unité\s+psychiatrique|service\s+psychiatrique|clinique\s+psychiatrique)"
            rf"|\b(?:a|avait|ont)\s+(?:rechuté|fait\s+une\s+rechute)(?:\s+(?:de|d{_A})\s*(?:sa|son|ses)?\s*[\w-]+)?"
            rf"|\b(?:(?:a|ont|avait)\s+été)\s+(?:hospitalisée?s?|internée?s?)(?:\s+(?:en\s+psychiatrie|"
            r"d['’]office|en\s+hôpital\s+psychiatrique|pour\s+" + _CONDITION + "))?"
            rf"|\b(?:a|avait|ont)\s+(?:fait|eu)\s+(?:une\s+)?(?:tentative\s+de\s+suicide|fausse\s+couche|ivg|"
            r"avortement|dépression|overdose|burn-out|décompensation|bouffée\s+délirante|avc|infarctus)"
            rf"|\b(?:a|avait)\s+(?:tenté|essayé)\s+de\s+(?:se\s+suicider|mettre\s+fin\s+à\s+ses\s+jours|se\s+tuer)"
            rf"|\b(?:a\s+avorté|s{_A}automutile|se\s+scarifie|est\s+en\s+fauteuil\s+roulant)"
            rf"|\b(?:est|était|étant|fut|sont)\s+tombée?s?\s+malades?"
            rf"|\b(?:(?:est|était|fut|a\s+été)\s+suivie?\s+(?:par\s+(?:un|une|la|le)\s+(?:psychiatre|psychologue|psy)"
            r"|en\s+psychiatrie)|fait\s+l['’]objet\s+d['’]un\s+suivi\s+(?:psychiatrique|psychologique|polyclinique)"
            r"|consulte\s+(?:un|une)\s+(?:psychiatre|psy))"
        ),
        "in_custody": (
            r"(?:en\s+(?:détention(?:\s+provisoire)?|prison|garde\s+à\s+vue|"
            r"liberté\s+conditionnelle|taule|cellule|centre\s+pénitentiaire|maison\s+d['’]arrêt|centrale|"
            r"préventive|semi-liberté)|derrière\s+les\s+barreaux|sous\s+contrôle\s+judiciaire|"
            r"sous\s+bracelet\s+électronique|sous\s+les\s+verrous|au\s+mitard|en\s+cavale|"
            r"un\s+ancien\s+détenu|une\s+ancienne\s+détenue|une?\s+ex-détenue?|une?\s+prisonni(?:er|ère)\s+politique|"
            r"sous\s+le\s+coup\s+d['’]un\s+mandat\s+d['’]arrêt)"
        ),
        "served_time": (
            r"(?:a|avait|ont)\s+(?:passé|fait|purgé)\s+(?:[\w-]+\s+){0,3}?(?:de\s+prison|en\s+prison|"
            r"derrière\s+les\s+barreaux|en\s+cellule|en\s+détention|de\s+détention|en\s+garde\s+à\s+vue|sa\s+peine|"
            r"une\s+peine(?:\s+de\s+prison|\s+d['’]emprisonnement)?|de\s+la\s+prison|de\s+la\s+taule)"
            r"|\b(?:purge|purgeait|purgent|purgera)\s+(?:actuellement\s+|encore\s+)?(?:une|sa|leur)\s+peine"
            r"(?:\s+de\s+prison|\s+d['’]emprisonnement|\s+de\s+réclusion)?(?:\s+(?:à\s+)?perpétuité|\s+perpétuelle)?"
        ),
        "record": (
            rf"(?:a|avait|ont|ai)\s+(?:un\s+casier(?:\s+judiciaire)?|des\s+antécédents(?:\s+judiciaires)?|"
            r"un\s+mandat\s+d['’]arrêt|(?:déjà\s+)?eu\s+affaire\s+à\s+la\s+justice)"
            rf"|\b(?:fait|faisait)\s+l{_A}objet\s+d{_A}(?:un\s+mandat\s+d['’]arrêt|une\s+enquête(?:\s+pénale)?|"
            r"une\s+procédure\s+judiciaire|poursuites(?:\s+judiciaires)?|une\s+plainte)"
            rf"|\b(?:risque|risquait|encourt|encourait)\s+(?:la\s+prison|[\w-]+\s+ans\s+de\s+prison|"
            r"une\s+peine\s+de\s+prison)"
        ),
        "legal_pronoun_verb": (
            rf"\b(?:l{_A}|les\s+|la\s+|le\s+|m{_A}|nous\s+)(?:a|ont|avait|avaient)\s+(?:arrêtée?s?|interpellée?s?|"
            r"embarquée?s?|menottée?s?|incarcérée?s?|placée?s?\s+en\s+garde\s+à\s+vue|mise?s?\s+en\s+garde\s+à\s+vue|"
            r"condamnée?s?|mise?s?\s+en\s+prison|jetée?s?\s+en\s+prison)\b"
        ),
        "legal_verb": (
            r"\b(?:(?:a|ont|avait|avaient)\s+(?:arrêté|interpellé|embarqué|menotté|incarcéré|condamné|écroué)"
            r"|arrêta|arrêtèrent|interpella|interpellèrent|condamna|condamnèrent)(?=\s)"
        ),
        "migration_nouns": (
            r"expulsion|demande\s+d['’]asile|oqtf|reconduite\s+à\s+la\s+frontière|"
            r"entretien\s+(?:à\s+l['’]ofpra|d['’]asile)|dossier\s+(?:à\s+l['’]ofpra|d['’]asile)|recours\s+(?:à\s+la\s+|devant\s+la\s+)?cnda"
        ),
        "legal_nouns": (
            r"(?:arrestation|interpellation|incarcération|garde\s+à\s+vue|détention|"
            r"condamnation|casier\s+judiciaire|procès|emprisonnement|mise\s+en\s+examen)"
        ),
        "migration_event": (
            (
                r"(?:est|sont|était)\s+(?:arrivée?s?|entrée?s?|venue?s?)\s+(?:en\s+\w+\s+|ici\s+|au\s+\w+\s+)?"
                r"(?:sans\s+(?:papiers|visa|titre\s+de\s+séjour)|clandestinement|illégalement|irrégulièrement|"
                r"comme\s+(?:réfugiée?|demandeu(?:r|se)\s+d['’]asile|mineure?\s+non\s+accompagnée?))"
                r"|\b(?:a|ont|avait)\s+(?:traversé|franchi|passé)\s+(?:la\s+frontière|la\s+méditerranée|\w+)\s+"
                r"(?:sans\s+(?:papiers|visa)|clandestinement|illégalement|irrégulièrement)"
                r"|\b(?:a|ont|avait)\s+été\s+reconnue?s?\s+(?:comme\s+)?réfugiée?s?|"
                r"(?:vit|vivait|vivent|reste|restait|se\s+trouve|se\s+retrouve|se\s+retrouvent|vis|est\s+restée?)\s+"
                r"(?:sans\s+(?:papiers|titre\s+de\s+séjour|statut)|en\s+situation\s+irrégulière|dans\s+la\s+clandestinité)"
                r"|\b(?:a|avait|ont|ai)\s+(?:toujours\s+|encore\s+|jamais\s+)?(?:pas|plus|jamais|aucun)\s+(?:de\s+)?(?:papiers|titre\s+de\s+séjour|"
                r"visa|récépissé|autorisation\s+de\s+(?:séjour|travail)|statut|papier)\b"
            )
            + "|"
            + (
                rf"(?:a\s+reçu|avait\s+reçu|ont\s+reçu|a|fait\s+l{_A}objet\s+d{_A}|est\s+sous|est\s+frappée?\s+d{_A})"
                r"\s*(?:une\s+)?(?:oqtf|obligation\s+de\s+quitter\s+le\s+territoire(?:\s+français)?|mesure\s+d['’]expulsion|"
                r"arrêté\s+d['’]expulsion|interdiction\s+de\s+retour)"
                rf"|\b(?:a\s+demandé|demande|ont\s+demandé|demandent|a\s+déposé\s+une\s+demande\s+d{_A}|"
                rf"a\s+fait\s+une\s+demande\s+d{_A}|ont\s+fait\s+une\s+demande\s+d{_A}|a\s+obtenu|ont\s+obtenu|"
                rf"s{_A}est\s+vue?\s+refuser|attend|attendait|est\s+en\s+attente\s+de)\s*"
                r"(?:l['’]|le\s+|la\s+|sa\s+|une\s+)?(?:asile|statut\s+de\s+réfugiée?|protection\s+subsidiaire|"
                r"régularisation|réponse\s+de\s+l['’]ofpra|décision\s+de\s+la\s+cnda|titre\s+de\s+séjour)"
                rf"|\b(?:son|leur)\s+(?:titre\s+de\s+séjour|visa|récépissé)\s+(?:a\s+expiré|est\s+expiré|a\s+été\s+retiré|"
                r"n['’]a\s+pas\s+été\s+renouvelé)"
                rf"|\b(?:est|sont)\s+entrée?s?\s+(?:en\s+france\s+|sur\s+le\s+territoire\s+|en\s+\w+\s+)?"
                r"(?:illégalement|irrégulièrement|sans\s+visa|clandestinement|sans\s+papiers)"
            )
        ),
        "migration_pronoun_verb": (
            rf"\b(?:l{_A}|les\s+|la\s+|le\s+|m{_A})(?:a|ont|avait|avaient|vont|veulent)\s+(?:expulsée?s?|"
            r"renvoyée?s?\s+(?:dans\s+son\s+pays|au\s+pays)|expulser|reconduite?s?\s+à\s+la\s+frontière)\b"
        ),
        # -- fresh2 round: possessive health phrases, episodes, partners, pleas, held statuses
        "health_possessive": (
            r"(?:son|sa|mon|ma)\s+(?:" + _CONDITION + r"|(?:traitement|médicament|diagnostic)\s+"
            r"(?:contre|pour|du|de\s+la|de\s+l['’]|de|d['’])\s*(?:le\s+|la\s+|l['’])?" + _CONDITION + ")"
        ),
        "health_episode": (
            r"(?:a\s+fait|fait|a\s+eu|a\s+subi|avait\s+fait|vient\s+de\s+faire)\s+(?:une|un|sa|une\s+nouvelle)\s+"
            r"(?:crise\s+(?:psychotique|d['’]épilepsie|d['’]angoisse|de\s+panique|d['’]asthme|maniaque|convulsive|"
            r"de\s+démence)|décompensation(?:\s+psychotique)?|bouffée\s+délirante|tentative\s+de\s+suicide|"
            r"dépression\s+nerveuse|burn-out|avc|infarctus|fausse\s+couche)"
            rf"|(?:a|avait)\s+(?:le|la|l['’])\s*{_BODY}\s+(?:cassée?|fracturée?|plâtrée?)"
            rf"|s['’](?:est|était)\s+(?:cassé|fracturé)\s+(?:le|la|l['’])\s*{_BODY}"
            r"|a\s+perdu\s+(?:une|un|la|l['’]|les\s+deux|ses)\s*(?:jambes?|bras|mains?|pieds?|yeux|œil|oeil|vue|"
            r"audition|usage\s+de\s+\w+|doigts?)\b"
            r"|(?:marche|marchait|se\s+déplace)\s+avec\s+(?:une\s+|des\s+)?(?:prothèse|béquilles|canne|déambulateur)"
            r"|(?:suit|a\s+suivi|fait|a\s+fait|a\s+commencé)\s+(?:un|une)\s+(?:parcours\s+de\s+pma|pma|fiv|"
            r"fécondation\s+in\s+vitro|traitement\s+de\s+fertilité)"
        ),
        "attraction": (
            r"(?:aime|aimait|préfère|kiffe)\s+les\s+(?:femmes|hommes|filles|garçons|mecs|meufs)\b"
            r"|(?:est|était)\s+attirée?\s+par\s+les\s+(?:femmes|hommes|filles|garçons|mecs|meufs)\b"
        ),
        "partner": (
            r"(?:est|était|s['’]est)\s+marié\s+(?:à|avec)\s+un\s+(?:homme|garçon|mec)\b"
            r"|(?:est|était|s['’]est)\s+mariée\s+(?:à|avec)\s+une\s+(?:femme|fille|meuf)\b"
            r"|(?:(?:sort|sortait|vit|vivait|habite|est\s+en\s+couple|était\s+en\s+couple|s['’]est\s+mariée?|"
            r"est\s+fiancée?)\s+(?:avec|à)\s+(?:un|une|son|sa))\s+(?:(?P<same_m>homme|mec|(?<!\bson\s)garçon|copain|mari|compagnon|"
            r"petit\s+ami)|(?P<same_f>femme|(?<!\bsa\s)fille|copine|compagne|épouse|meuf|petite\s+amie))\b(?!\s+de\s+(?:ménage|chambre|service|confiance|compagnie|maison|travail))"
        ),
        "legal_more": (
            rf"(?:s{_A}est|se\s+sont|s{_A}était|s{_A}étaient|me\s+suis|t{_A}es)\s+fait(?:e|s|es)?\s+(?:arrêter|interpeller|"
            r"embarquer|choper|serrer|coffrer|ramasser|pincer|alpaguer|attraper|condamner|incarcérer|juger|"
            r"placer\s+en\s+garde\s+à\s+vue|mettre\s+en\s+examen|mettre\s+en\s+prison)"
            r"|(?:a|ont|avait)\s+plaidé\s+(?:coupable|non\s+coupable)(?:\s+(?:de|d['’]|pour)\s*[\w'’-]+(?:\s+[\w'’-]+){0,2})?"
            r"|(?:a|avait)\s+reconnu\s+les\s+faits"
            r"|(?:fait|faisait)\s+l['’]objet\s+d['’](?:une|un)\s+(?:ordonnance\s+de\s+protection|interdiction\s+de\s+"
            r"(?:contact|paraître|approcher)|contrôle\s+judiciaire|mandat\s+d['’]arrêt|enquête|information\s+judiciaire)"
            r"|(?:a\s+été|est|était)\s+(?:remise?|relâchée?|libérée?|placée?)\s+(?:en\s+liberté\s+)?"
            r"(?:sous\s+contrôle\s+judiciaire|sous\s+bracelet(?:\s+électronique)?|sous\s+caution|en\s+liberté\s+conditionnelle)"
            r"|(?:est|était)\s+en\s+liberté\s+conditionnelle"
        ),
        "migration_more": (
            r"(?:bénéficie|bénéficiait|a\s+bénéficié)\s+de\s+la\s+protection\s+(?:temporaire|subsidiaire|internationale)"
            r"|(?:a|avait|a\s+obtenu|a\s+reçu|détient)\s+(?:le\s+statut\s+de\s+réfugiée?|la\s+protection\s+"
            r"(?:temporaire|subsidiaire)|un\s+titre\s+de\s+séjour\s+(?:précaire|provisoire)|un\s+récépissé|"
            r"une\s+aps|un\s+permis\s+de\s+travail\s+(?:fermé|temporaire)|un\s+visa\s+humanitaire)"
            r"|(?:a\s+reçu|a|avait|fait\s+l['’]objet\s+d['’]|est\s+sous\s+le\s+coup\s+d['’])\s*(?:une|un)\s+"
            r"(?:oqtf|obligation\s+de\s+quitter\s+le\s+territoire|ordre\s+de\s+quitter\s+le\s+territoire|"
            r"arrêté\s+d['’]expulsion|interdiction\s+du\s+territoire|mesure\s+d['’]éloignement)"
            rf"|(?:s{_A}est|se\s+sont|s{_A}était)\s+fait(?:e|s|es)?\s+(?:expulser|reconduire\s+à\s+la\s+frontière|renvoyer)"
            r"|(?:est|suis)\s+(?:entrée?|venue?|arrivée?)\s+(?:en\s+\w+\s+|ici\s+)?(?:comme\s+touriste|avec\s+un\s+visa\s+"
            r"(?:de\s+)?touris(?:me|tique)|avec\s+un\s+visa\s+étudiant)\s+et\s+(?:(?:est|suis)\s+)?(?:restée?|y\s+est\s+restée?)"
        ),
        "office": (
            r"(?:conseill(?:er|ère)\s+(?:municipale?|régionale?|départementale?|générale?)|députée?|sénat(?:eur|rice)|"
            r"maire|élue?|candidate?|adjointe?\s+au\s+maire)\s+(?:(?:du|de\s+la|de\s+l['’]|de|d['’]|pour\s+le|pour\s+la|"
            r"pour|sous\s+l['’]étiquette)\s*)?(?:(?-i:[A-Z]{2,7})\b|parti\s+\w+|(?-i:Parti|Front|Mouvement|Rassemblement)\b)"
        ),
        "cause": (
            r"(?:soutiens|soutient|soutenait|défend|défends|défendait)\s+la\s+cause\s+(?!(?:de|du|des|d)\b)[\w-]+"
            r"|(?:soutiens|soutient|défend|défends)\s+l['’]indépendance\s+(?:de\s+la|du|de|des)\s+\w+"
            r"|(?:a\s+combattu|combattait|a\s+lutté)\s+(?:avec|aux\s+côtés\s+de|dans)\s+(?:les|la|le|des|du)\s+"
            + _POLITICS
            + r"|(?:vote|votait|a\s+voté|votent)\s+(?-i:[A-Z]{2,6})\b"
            r"|(?:fait|faisait)\s+du\s+militantisme\s+(?:avec|pour|dans)\s+(?:les|la|le|l['’])\s*[\w-]+"
        ),
        "practice": (
            r"(?:prie|priait)\s+(?:[\w-]+\s+fois\s+par\s+jour|tous\s+les\s+jours|chaque\s+jour|à\s+la\s+mosquée)"
            r"|(?:va|allait)\s+à\s+la\s+messe|(?:mange|mangeait)\s+(?:uniquement\s+)?(?:halal|casher|kasher)"
            r"|(?:respecte|observe)\s+le\s+(?:shabbat|sabbat|ramadan|carême)"
        ),
        "comes_from": (
            r"(?:vient|venait|est\s+issue?)\s+d['’]une\s+(?:famille|communauté)\s+(?:autochtone\s+)?"
            + _ETHNICITY
            + END
            + r"|(?:est|était)\s+[\w-]+\s+d['’]origine\b"
        ),
        "condition": _CONDITION,
        "year": _YEAR,
        "political_body": _POLITICAL_BODY,
        "possessive": "son|sa|mon|ma",
        "migration_possessive": "son|sa|mon|ma",
        "deport_aux": rf"(?:a|ont|avait|avaient|ai|va|vont|risque\s+d{_A}|doit)\s+(?:été|être)",
        "deported": (
            r"expulsée?s?|reconduite?s?\s+à\s+la\s+frontière|renvoyée?s?\s+(?:dans\s+son\s+pays|au\s+pays|vers\s+\w+)|"
            r"éloignée?s?|placée?s?\s+en\s+(?:centre\s+de\s+)?rétention(?:\s+administrative)?|"
            r"déboutée?s?(?:\s+de\s+(?:sa|leur)\s+demande\s+d['’]asile|\s+du\s+droit\s+d['’]asile)?|"
            r"régularisée?s?|dublinée?s?|transférée?s?\s+en\s+(?:italie|espagne|\w+)\s+(?:au\s+titre\s+de|selon)\s+dublin"
        ),
    },
)

#: French-only shapes: inverted questions, "souffre de", "a été" + participle, appositives

EXTRAS: tuple[Frame, ...] = (
    # ", poursuivi pour violences", ", condamnée pour avoir..." after a name or a person noun
    Frame(
        "LEGAL_HISTORY",
        r"(?<=,\s)(?:poursuivie?s?|condamnée?s?|mise?s?\s+en\s+examen|incarcérée?s?|inculpée?s?|"
        r"interpellée?s?|détenue?s?|jugée?s?)(?=\s+(?:pour|à)\s)",
        "appos",
    ),
    Frame(
        "LEGAL_HISTORY",
        rf"\ba-t-(?:il|elle|on)\s+(?:déjà\s+|jamais\s+|vraiment\s+)?(?:été\s+{_PARTICIPLE_LEGAL}|"
        r"fait\s+de\s+la\s+prison|arrêtée?s?|interpellée?s?|condamnée?s?|incarcérée?s?)",
        "none",
    ),
    Frame(
        "HEALTH",
        rf"\b(?:a|avait|ont)\s+besoin\s+(?:de\s+|d{_A}|d{_A}une?\s+)(?:{_MEDICATION}|dialyse|greffe|"
        r"traitement\s+\w+|fauteuil\s+roulant)" + END,
        "person",
    ),
    Frame("SEXUAL_ORIENTATION", rf"\best-(?:il|elle)\s+(?:vraiment\s+)?{_ORIENTATION}{END}", "none"),
    Frame("GENDER_IDENTITY", rf"\best-(?:il|elle)\s+(?:vraiment\s+)?{_GENDER}{END}", "none"),
    Frame("MIGRATION_STATUS", rf"\best-(?:il|elle)\s+(?:vraiment\s+)?{_MIGRATION}{END}", "none"),
    Frame(
        "HEALTH",
        rf"\b(?:souffre|souffrait|souffrent|souffres|a\s+souffert|souffrant)\s+(?:de\s+|d{_A}|du\s+|des\s+)"
        + _CONDITION.replace(
            r"(?:(?:le|la|l['’]|un|une|du|de\s+la|d['’]un|d['’]une|des)\s*)?",
            r"(?:(?:la|l['’]|un|une|d['’]un|d['’]une)\s*)?",
            1,
        ),
        "person",
    ),
    Frame(
        "HEALTH",
        rf"\b(?:(?:a\s+été|est|était|ont\s+été|avait\s+été)\s+)?diagnostiquée?s?\s+(?:(?:avec|comme)\s+)?"
        rf"(?:{_CONDITION}|{_HEALTH_ADJ}{END})"
        rf"|{_COPULA}{_FILLER}\s+(?:atteinte?s?|touchée?s?|malades?)\s+(?:de\s+|d{_A}|du\s+|par\s+(?:le|la|un|une)\s+)"
        + _CONDITION.replace(
            r"(?:(?:le|la|l['’]|un|une|du|de\s+la|d['’]un|d['’]une|des)\s*)?",
            r"(?:(?:la|l['’]|un|une)\s*)?",
            1,
        ),
        "person",
    ),
    Frame(
        "HEALTH",
        rf"\b(?:suit|suivait|suivent|a\s+suivi|commence|a\s+commencé)\s+(?:un\s+traitement|une\s+"
        r"(?:chimiothérapie|trithérapie|psychothérapie|radiothérapie|dialyse|cure\s+de\s+désintoxication)|"
        r"un\s+traitement\s+(?:psychiatrique|antirétroviral|hormonal|contre\s+[\w'’-]+|pour\s+[\w'’-]+))"
        rf"|\b(?:prend|prenait|prennent|prends|a\s+commencé\s+à\s+prendre)\s+(?:des\s+|du\s+|de\s+l{_A}|la\s+|un\s+)?"
        rf"{_MEDICATION}{END}",
        "person",
    ),
    Frame(
        "LEGAL_HISTORY",
        rf"\b(?:a|ont|avait|avaient|ai|avons)(?:\s+(?:jamais|pas|déjà|encore|plus|toujours|aussi))*\s+été\s+"
        rf"{_PARTICIPLE_LEGAL}(?:\s+(?:pour|à|de|d{_A})"
        rf"{_CHARGE})?{_YEAR}"
        rf"|\b(?<!s['’])(?:est|sont|était|étaient|fut|furent|reste|restent|resta|sera|serait|demeure)(?:{_NEG})?\s+"
        rf"(?:{_PARTICIPLE_LEGAL}|recherchée?s?\s+par\s+la\s+police|accusée?s?)(?:\s+(?:pour|à|de|d{_A})"
        rf"{_CHARGE})?{_YEAR}",
        "subject",
    ),
    Frame(
        "LEGAL_HISTORY",
        r"\b(?:arrestation|interpellation|incarcération|condamnation|mise\s+en\s+examen|détention\s+provisoire)"
        r"(?=\s+(?:de|du|d['’])\s*)",
        "object",
    ),
    Frame(
        "MIGRATION_STATUS",
        r"\b(?:expulsion|reconduite\s+à\s+la\s+frontière)(?=\s+(?:de|du|d['’])\s*)",
        "object",
    ),
    Frame(
        "LEGAL_HISTORY",
        r"\b(?:en\s+)?(?:sa|leur)\s+qualité\s+de\s+(?:détenue?|prisonni(?:er|ère)|condamnée?)s?\b",
        "none",
    ),
    Frame(
        "MIGRATION_STATUS",
        r"(?<=,\s)(?:(?:un|une)\s+)?(?:(?:femme|homme|jeune|personne)\s+)?(?:sans-papiers|sans\s+papiers|"
        r"demandeu(?:r|se)\s+d['’]asile|réfugiée?|migrante?|exilée?|déboutée?)"
        r"(?:\s+(?-i:[a-zà-öø-ÿ]+))?(?=\s*(?:[,;.)]|\s(?:de|qui|avec|et|en|depuis|du)\b))",
        "appos",
    ),
    Frame(
        "GENDER_IDENTITY",
        r"(?<=,\s)(?:(?:un|une)\s+)?(?:femme|homme|personne|jeune)\s+(?:trans|transgenre|non[- ]binaire|intersexe)"
        r"(?=\s*(?:[,;.)]|\s(?:de|qui|avec|et|en|depuis)\b))",
        "appos",
    ),
)

FRAMES = build_frames(LEXICON, EXTRAS)


_PERSON = words("""
    homme hommes femme femmes garçon garçons fille filles gamin gamine jeune jeunes enfant bébé
    monsieur madame mademoiselle personne adolescent adolescente ado mère père mères pères maman
    papa parents fils frère frères sœur sœurs cousin cousine cousins cousines oncle tante neveu nièce
    grand-mère grand-père mamie papi petit-fils petite-fille mari épouse époux conjoint conjointe
    compagnon compagne copain copine ami amie amis amies voisin voisine voisins voisines collègue
    collègues camarade camarades client cliente usager usagère bénéficiaire participant participante
    membre adhérent adhérente bénévole militant militante défenseur défenseure journaliste reporter
    avocat avocate enseignant enseignante professeur professeure prof étudiant étudiante lycéen
    lycéenne infirmier infirmière médecin chauffeur travailleur travailleuse ouvrier ouvrière
    responsable porte-parole coordinateur coordinatrice traducteur traductrice interprète survivante
    survivant victime témoin plaignant plaignante demandeur demandeuse locataire résident résidente
    patient patiente détenu détenue prisonnier prisonnière paysan paysanne employé employée patron
    patronne belle-mère beau-père beau-frère belle-sœur gendre belle-fille filleul filleule marraine
    parrain m mme mlle dr petit petite mec meuf gars
    maire conseiller conseillère élu élue ancien-élu député députée sénateur sénatrice ministre
    gouverneur président présidente directeur directrice gérant gérante trésorier trésorière secrétaire
    comptable stagiaire gardien gardienne vigile concierge candidat candidate organisateur organisatrice
    délégué déléguée agent fonctionnaire cuisinier cuisinière chanteur chanteuse acteur actrice
    entrepreneur entrepreneuse assistant assistante réceptionniste nounou soignant soignante serveur
    serveuse joueur joueuse entraîneur entraîneuse rédacteur rédactrice chargé chargée colocataire
    requérant requérante
    propriétaire caissier caissière jardinier jardinière commerçant commerçante vendeur vendeuse
    maçon mécanicien mécanicienne plombier électricien menuisier coiffeur coiffeuse pharmacien
    pharmacienne dentiste thérapeute psychologue livreur livreuse couturière évêque entraîneur
    propriétaire caissier caissière jardinier jardinière commerçant commerçante vendeur vendeuse
    maçon mécanicien mécanicienne plombier électricien menuisier coiffeur coiffeuse pharmacien
    pharmacienne dentiste thérapeute psychologue livreur livreuse couturière évêque entraîneur
    """)

GRAMMAR = Grammar(
    skip=words("""
        aussi déjà toujours jamais ne n pas plus que qu qui dit dit-il dit-elle raconte a raconté
        confirme a confirmé sait savent pensent pense ont dit disent affirme assure explique et mais
        pourtant car quand lorsque si apparemment visiblement certains se demandent demande
        """),
    block=words("""
        quelqu'un quelqu’un quelqu'une personnes gens tous toutes tout toute personne_ nul aucun aucune quiconque chacun chacune
        beaucoup plusieurs certains certaines majorité moitié migrants réfugiés réfugiées exilés
        exilées immigrés femmes hommes jeunes enfants mineurs communauté communautés collectif
        collectifs organisation organisations association associations réseau réseaux mouvement
        mouvements population populations groupe groupes familles quartier ville pays état
        gouvernement police loi lois projet campagne marche atelier événement foyer centre église
        mosquée parti syndicat école entreprise cargaison marchandise marchandises envoi colis paquet
        paquets camion camions voiture voitures véhicule véhicules bateau conteneur chargement cas test
        tests résultat résultats échantillon échantillons zone région village territoire terre terres
        ceci cela ça tu vous matériel bagages documents téléphone portable compte bureau maison local
        argent fonds paroisse commune institution fondation on où ceux celles celui celle
        """),
    person=_PERSON,
    determiners=words("le la les l un une des ce cet cette ces"),
    possessives=words("mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs"),
    quantifiers=words("toute tout tous toutes chaque aucun aucune nul nulle quiconque certains"),
    not_names=words("""
        rue avenue boulevard place allée chemin
        le la les l un une il elle ils elles je nous ce cette quand si mais et que selon après avant
        pendant depuis hier aujourd demain lundi mardi mercredi jeudi vendredi samedi dimanche janvier
        février mars avril mai juin juillet août septembre octobre novembre décembre en avec sans par
        pour de du des au aux on me lui leur se aussi déjà note cas mise entretien citation mon ma son
        sa notre leur certains
        """),
    organisations=words("""
        centre comité église parti fondation association collectif mouvement ministère université école
        hôpital clinique ligue syndicat réseau ong tribunal cour conseil commission défenseur institut
        gouvernement état ville sénat assemblée congrès chambre coopérative front pastorale police
        préfecture mairie agence banque entreprise secours
        """),
    plural=(
        r"\b(?:sont|étaient|ont|avaient|vivent|souffrent|restent|demeurent|seront|seraient|prennent|"
        r"suivent|militent|votent|demandent|risquent|encourent)\b|\b\w+(?:é|i|u)(?:e)?s\b(?=\s*$)"
    ),
    prepositions=words(
        "à au aux de du des en dans sur par pour avec sans chez vers depuis entre devant derrière après avant lors"
    ),
    generic_relatives=words("quiconque qui"),
    gerund_suffixes=("ant",),
    indefinites=words("un une des"),
    conditionals=words("quand si lorsque lorsqu dès"),
    lead=_LEAD,
    conjunctions=words("et mais"),
    pronouns=words("il elle ils elles je j nous iel"),
    plural_pronouns=words("ils elles"),
    generic_words=words("tous toutes quiconque personne gens personnes chacun"),
    object_lead=frozenset({"de", "du", "d"}),
    person_prefixes=("ex-", "ex", "vice-", "co", "sous-", "beau-", "belle-", "arrière-"),
    numbers=words("deux trois quatre cinq six sept"),
    first_person=words("suis"),
    masculine=words("""
        il le un ce cet monsieur m homme garçon frère fils père oncle neveu grand-père mari copain
        """),
    feminine=words("""
        elle la une cette madame mme femme fille sœur soeur mère tante nièce grand-mère épouse copine
        """),
    thing_attributes=words("bi hétéro"),
    person_suffixes=(
        "aire",
        "aires",
        "ier",
        "ière",
        "iers",
        "ières",
        "ant",
        "ante",
        "ants",
        "antes",
        "eur",
        "euse",
        "euses",
        "rice",
        "rices",
        "iste",
        "istes",
    ),
    not_person=words("""
        salaire commentaire formulaire inventaire anniversaire horaire itinéraire vocabulaire
        questionnaire sanitaire affaire affaires grammaire glossaire sommaire dictionnaire calendrier
        papier papiers métier quartier dossier escalier fichier cahier panier chantier sentier janvier
        février premier première dernier dernière matière lumière frontière manière rivière carrière
        prière bière barrière derrière entière entier particulier particulière
        restaurant carburant volant instant diamant élément document argent moment accident
        gouvernement mouvement logement bâtiment traitement jugement enseignement événement
        important suffisant courant tournant croissant montant vivant intérieur extérieur supérieur
        inférieur moteur secteur facteur vecteur ordinateur réacteur ascenseur couleur chaleur valeur
        saveur douleur erreur terreur honneur humeur vapeur tumeur moniteur ventilateur serveur
        navigateur compteur générateur liste piste conquête matrice cicatrice
        """),
)

RULES = LanguageRules(GRAMMAR, FRAMES)

# -- the second-chance layer: attribute words found in a sentence about someone (_fallback) ---

CUES = Cues(
    terms={
        "ETHNICITY": terms(
            "autochtones?",
            "indigènes?",
            "amérindien(?:ne)?s?",
            "roms?",
            "tsiganes?",
            "gitan(?:e)?s?",
            "manouches?",
            "sinti",
            "yéniches?",
            "kabyles?",
            "berbères?",
            "amazighs?",
            "touaregs?",
            "peuls?",
            "bambaras?",
            "soninkés?",
            "wolofs?",
            "mandingues?",
            "toucouleurs?",
            "haoussas?",
            "yoroubas?",
            "igbos?",
            "tutsis?",
            "hutus?",
            "kurdes?",
            "ouïghours?",
            "rohingyas?",
            "hazaras?",
            "pachtounes?",
            "tamouls?",
            "dalits?",
            "intouchables?",
            "kanaks?",
            "mapuches?",
            "quechuas?",
            "aymaras?",
            "guaranis?",
            "sahraouis?",
            "somaliens?",
            "somalienne?s?",
            "arabes?",
            "afro-[a-zé]+",
            "noire?s?",
            "métisse?s?",
            "créoles?",
            "origine [a-zéèêàç]+",
            "ascendance",
            "ethnie",
            "ethnique",
            "communauté [a-zéèêàç]+",
            "issue? d['’]une famille",
        ),
        "HEALTH": terms(
            "vih",
            "sida",
            "charge virale",
            "antirétroviraux",
            "antirétroviral",
            "séropositi(?:f|ve)",
            "prep",
            "cancer",
            "leucémie",
            "lymphome",
            "tumeurs?",
            "chimio(?:thérapie)?",
            "radiothérapie",
            "dialyse",
            "hémodialyse",
            "diabète",
            "diabétique",
            "insuline",
            "épilep(?:sie|tique)",
            "convulsions",
            "asthme",
            "asthmatique",
            "tuberculose",
            "hépatite",
            "avc",
            "infarctus",
            "crise cardiaque",
            "fauteuil roulant",
            "déambulateur",
            "béquilles",
            "prothèse",
            "amputée?",
            "paraplégique",
            "tétraplégique",
            "paralysée?",
            "paralysie",
            "aveugle",
            "malvoyante?",
            "sourde?",
            "malentendante?",
            "autis(?:me|te)",
            "tdah",
            "dyslexi(?:e|que)",
            "trisomie",
            "sclérose",
            "parkinson",
            "alzheimer",
            "démence",
            "dépress(?:ion|ive|if)",
            "déprimée?",
            "anxiété",
            "crises d['’]angoisse",
            "angoisses?",
            "attaques de panique",
            "bipolaire",
            "schizophrè(?:ne|nie)",
            "psychose",
            "psychotique",
            "stress post-traumatique",
            "trouble",
            "troubles",
            "anorexi(?:e|que)",
            "boulimi(?:e|que)",
            "automutilation",
            "suicid(?:e|aire)",
            "overdose",
            "addiction",
            "addict(?:e|é|ée)",
            "toxicomane",
            "alcoolique",
            "alcoolisme",
            "cure de désintoxication",
            "désintox",
            "méthadone",
            "antidépresseurs?",
            "psychiatrique",
            "psychiatre",
            "handicap",
            "handicapée?",
            "enceinte",
            "grossesse",
            "fausse couche",
            "avortement",
            "ivg",
            "infertilité",
            "hospitalisée?",
            "internée?",
            "chirurgie",
            "mastectomie",
            "greffe",
            "lupus",
            "covid",
            "traitement",
            "médicaments?",
            "diagnostic",
            "diagnostiquée?",
            "maladie",
            "malade",
            "santé mentale",
            "abstinente?",
            "sevrée?",
            "thérapie",
            "langue des signes",
            "appareil auditif",
            "sous dialyse",
            "oxygène",
            "pacemaker",
            "stimulateur cardiaque",
            "sonde",
            "stomie",
            "canne blanche",
            "insuffisance rénale",
            "avortée?",
            "a avorté",
            "avait avorté",
            "chimiothérapie",
        ),
        "RELIGION": terms(
            "musulman(?:e)?s?",
            "islam",
            "islamique",
            "mosquée",
            "hijab",
            "voile",
            "niqab",
            "burqa",
            "prie",
            "prier",
            "priait",
            "prient",
            "prière",
            "prières",
            "ramadan",
            "jeûne",
            "jeûner",
            "chrétien(?:ne)?s?",
            "catholiques?",
            "protestante?s?",
            "évangéliques?",
            "pentecôtistes?",
            "baptistes?",
            "adventistes?",
            "mormone?s?",
            "témoin de jéhovah",
            "église",
            "messe",
            "paroisse",
            "congrégation",
            "bible",
            "juif",
            "juive",
            "juifs",
            "juives",
            "judaïsme",
            "synagogue",
            "casher",
            "shabbat",
            "rabbin",
            "hindou(?:e)?s?",
            "temple",
            "sikhs?",
            "turban",
            "bouddhistes?",
            "bouddhisme",
            "athées?",
            "agnostiques?",
            "s['’](?:est|était) converti(?:e)?",
            "conversion",
            "la foi",
            "sa foi",
            "religi(?:on|euse|eux)",
            "pratiquante?s?",
            "croyante?s?",
            "fervente?",
            "pasteur(?:e)?",
            "prêtre",
            "imam",
            "religieuse",
            "baptisée?",
            "chiites?",
            "sunnites?",
            "soufie?s?",
            "ahmadis?",
            "bahá['’]?ís?",
            "yézidie?s?",
            "rastafari",
            "vaudou",
            "coran",
            "halal",
            "pèlerinage",
            "orthodoxes?",
            "kufi",
            "kippa",
            "chapelet",
            "carême",
            "communion",
        ),
        "POLITICS": terms(
            "communistes?",
            "socialistes?",
            "anarchistes?",
            "marxistes?",
            "léninistes?",
            "maoïstes?",
            "trotskistes?",
            "opposante?s?",
            "dissidente?s?",
            "milite",
            "militait",
            "a milité",
            "militante?",
            "syndicat",
            "syndicaliste?s?",
            "(?:déléguée?|responsable|militante?|représentante?) syndicale?",
            "syndiquée?s?",
            "grèves?",
            "encartée?",
            "adhérente? (?:au|à|du)",
            "a voté pour",
            "vote pour",
            "votait pour",
            "a fait campagne",
            "campagne pour",
            "candidate? (?:pour|du|de la|aux)",
            "de gauche",
            "de droite",
            "gauchistes?",
            "d['’]extrême (?:gauche|droite)",
            "la cgt",
            "la cfdt",
            "npa",
            "lfi",
            "la france insoumise",
            "rassemblement national",
            "les verts",
            "écologistes?",
            "indépendantistes?",
            "séparatistes?",
            "autonomistes?",
            "féministes?",
            "fascistes?",
            "royalistes?",
            "prisonnier politique",
            "prisonnière politique",
            "parti [a-zéèêàç]+",
            "mouvement [a-zéèêàç]+",
            "gilets? jaunes?",
            "zadistes?",
            "antifas?",
        ),
        "SEXUAL_ORIENTATION": terms(
            "gay",
            "gays",
            "lesbiennes?",
            "bisexuel(?:le)?s?",
            "bi",
            "queer",
            "homosexuel(?:le)?s?",
            "hétérosexuel(?:le)?s?",
            "hétéro",
            "pansexuel(?:le)?s?",
            "asexuel(?:le)?s?",
            "coming out",
            "fait son coming-out",
            "dans le placard",
            "outée?",
            "aim(?:e|ait) les (?:femmes|hommes|filles|garçons|mecs|meufs)",
            "sort avec (?:un mec|une meuf|un homme|une femme|un garçon|une fille)",
            "même sexe",
            "lgbti?q?\\+?",
            "son copain",
            "sa copine",
            "vit avec (?:son mari|sa femme|son compagnon|sa compagne)",
        ),
        "GENDER_IDENTITY": terms(
            "trans",
            "transgenre",
            "transsexuel(?:le)?",
            "non-binaire",
            "non binaire",
            "intersexe",
            "transition",
            "hormones",
            "traitement hormonal",
            "assignée? (?:garçon|fille|homme|femme) à la naissance",
            "pronoms",
            "morinom",
            "deadname",
            "identité de genre",
            "changement d['’]état civil",
            "genderfluid",
            "iel",
        ),
        "LEGAL_HISTORY": terms(
            "arrêtée?(?! de )",
            "interpellée?",
            "garde à vue",
            "détenue?",
            "détention",
            "en prison",
            "prison",
            "incarcérée?",
            "incarcération",
            "derrière les barreaux",
            "cellule",
            "au trou",
            "en taule",
            "embarquée?",
            "commissariat",
            "mise? en examen",
            "inculpée?",
            "accusée?",
            "poursuivie?",
            "condamnée?",
            "condamnation",
            "casier(?: judiciaire)?",
            "liberté conditionnelle",
            "contrôle judiciaire",
            "caution",
            "détention provisoire",
            "procès",
            "jugée?",
            "écrouée?",
            "ex-détenue?",
            "graciée?",
            "acquittée?",
            "relaxée?",
            "menottée?",
            "a purgé",
            "peine",
            "bracelet électronique",
            "mandat d['’]arrêt",
            "en fuite",
            "fichée? s",
            "placée? sous",
            "libération conditionnelle",
            "maison d['’]arrêt",
            "sursis",
            "centre pénitentiaire",
        ),
        "MIGRATION_STATUS": terms(
            "sans papiers",
            "sans-papiers",
            "visa",
            "asile",
            "réfugiée?",
            "expulsée?",
            "expulsion",
            "renvoyée? (?:au|en|dans|chez)",
            "reconduite? à la frontière",
            "oqtf",
            "irrégulière?",
            "clandestine?",
            "apatride",
            "nationalité",
            "citoyenneté",
            "titre de séjour",
            "carte de séjour",
            "récépissé",
            "autorisation de travail",
            "protection subsidiaire",
            "ofpra",
            "cnda",
            "situation irrégulière",
            "exilée?",
            "migrante?",
            "immigrée?",
            "a passé la frontière",
            "passé la frontière",
            "passeur",
            "demande d['’]asile",
            "demandeuse d['’]asile",
            "demandeur d['’]asile",
            "naturalisée?",
            "étrangère?",
            "dublinée?",
            "centre de rétention",
            "retenue? en cra",
            "régularis(?:ation|ée?)",
            "déboutée?",
            "carte de résident",
        ),
    },
    before=words("""
        loi lois politique politiques droit droits réforme bureau centre centres clinique programme
        campagne projet département ministère système crise débat motion rapport histoire film livre
        étude thème test tests dépistage dépistages prévention services accès communauté santé parle
        parlé parler parlent enquête expiration
        """),
    after=words("""
        communauté communautés familles population personnes groupes collectifs travailleurs
        travailleuses femmes hommes jeunes enfants adolescents étudiants organisations
        """),
    links=words("de du des d la le l à au aux sur pour"),
    stops=words("""
        qui que qu quoi dont où quand lorsque pendant et ou mais car donc a-dit dit raconté expliqué
        indiqué selon bien si jusqu avant après depuis glissé confié
        """),
    pronouns=words("il elle je j iel"),
    what=frozenset({"ce qui", "ce que", "de ce"}),
    plural_determiners=words("les ces des"),
    generic=words("""
        tous toutes quiconque personne gens personnes chacun chacune aucun aucune toute
        """),
    anyone=words("quiconque chacun"),
    verb_endings=(),
    pro_drop=False,
)
FALLBACK = FallbackRules(GRAMMAR, CUES)
