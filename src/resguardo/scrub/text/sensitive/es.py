"""Spanish frames and grammar words for the sensitive-information detector."""

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

_PRON = r"(?:\b(?:él|ella|ellos|ellas|yo|nosotros|nosotras)\s+)"
_ADV = (
    r"(?:no|nunca|ya|también|tampoco|todavía|aún|además|supuestamente|presuntamente|incluso|"
    r"solo|sólo|actualmente|hoy|ahora|recién|finalmente|luego)"
)
#: a subject pronoun, adverbs and negation before a frame join its span (Grammar.lead)
_LEAD = rf"(?:{_PRON})?(?:\b{_ADV}\s+)*"
_COPULA_WORDS = alt(
    "es", "era", "fue", "ha\\s+sido", "había\\s+sido", "son", "eran", "fueron", "han\\s+sido", "soy",
    "somos", "sería", "será", "está", "estaba", "estuvo", "ha\\s+estado", "están", "estaban",
    "estuvieron", "estoy", "estamos", "sigue", "siguen", "sigue\\s+siendo", "se\\s+encuentra",
    "se\\s+encuentran", "quedó", "se\\s+volvió", "se\\s+hizo", "era\\s+ya", "resultó\\s+ser",
    "había\\s+estado", "se\\s+encontraba", "se\\s+encontraban", "permanece", "permanecía",
    "permaneció", "permanecen", "seguía", "continúa", "continuaba",
)  # fmt: skip
_COPULA = rf"\b{_COPULA_WORDS}"
_FILLER = (
    r"(?:\s+(?:también|además|abiertamente|muy|actualmente|supuestamente|presuntamente|un|una|unos|"
    r"unas|todavía|aún|ya|orgullosamente|realmente|solo|sólo|desde\s+siempre))*"
)
_MODIFIER = (
    r"(?:joven|orgullos[oa]s?|practicante|ferviente|devot[oa]|activ[oa]|ex|antigu[oa]|conocid[oa]|"
    r"reconocid[oa]|veteran[oa]|simple|vieja|viejo)"
)
#: in Spanish the person noun comes first: "una mujer trans", "un joven refugiado"
_HEAD = alt(
    "mujer", "mujeres", "hombre", "hombres", "persona", "personas", "chica", "chicas", "chico", "chicos",
    "joven", "jóvenes", "muchacha", "muchacho", "señora", "señor", "niña", "niño", "adolescente",
    "madre", "padre", "pareja", "activista", "lideresa", "líder", "militante", "compañera",
    "compañero", "varón", "migrante", "familia", "abuela", "abuelo", "vecina", "vecino",
)  # fmt: skip

_ETHNICITY = alt(
    "indígenas?", "originari[oa]s?", "afrodescendientes?", "afro[a-záéíóúñ]{4,}", "negr[oa]s?",
    "gitan[oa]s?", "rom", "romaní", "mapuches?", "quechuas?", "aymaras?", "wayuu", "guaraníe?s?",
    "mayas?", "zapotec[oa]s?", "mixtec[oa]s?", "hazaras?", "nahuas?", "tzotziles", "tzotzil", "tzeltales", "tzeltal",
    "mazatec[oa]s?", "otomíe?s?", "purépechas?", "rarámuris?", "wixárikas?", "huichol(?:es)?", "qom",
    "wichís?", "kichwas?", "quichuas?", "shuar", "emberás?", "nasa", "zenú", "arhuacos?", "koguis?",
    "wiwas?", "garífunas?", "miskit[oa]s?", "lencas?", "mixes?", "ch['’]?oles?", "ch['’]?ol",
    "tojolabales?", "yaquis?", "triquis?", "totonac[oa]s?", "mames?", "k['’]iche['’]?", "q['’]eqchi['’]?",
    "kaqchikel(?:es)?", "kurd[oa]s?", "uigur(?:es)?", "rohinyás?", "mestiz[oa]s?", "zamb[oa]s?",
    "raizales?", "palenquer[oa]s?", "hmong", "navajos?", "tuaregs?", "pard[oa]s?", "pueblo\\s+originario", "amazigh", "bereber(?:es)?", "saharaui",
)  # fmt: skip
_RELIGION = alt(
    "musulman(?:a|es|as)", "musulmán", "cristian[oa]s?", "católic[oa]s?", "evangélic[oa]s?",
    "protestantes?", "pentecostal(?:es)?", "bautistas?", "adventistas?", "mormón", "mormon(?:a|as|es)",
    "testig[oa]s?\\s+de\\s+jehová", "judí[oa]s?", "hebre[oa]s?", "hindúe?s?", "budistas?", "sij",
    "ate[oa]s?", "agnóstic[oa]s?", "chiíe?s?", "chiitas?", "suníe?s?", "sunitas?", "sufíe?s?",
    "santer[oa]s?", "creyentes?", "religios[oa]s?", "pastor(?:a|es|as)?", "imán", "imam", "rabin[oa]",
    "sacerdote", "cura", "monja", "diácono", "misioner[oa]s?", "catequista", "conversa\\s+al\\s+islam",
    "practicante\\s+(?:de\\s+la\\s+)?santería", "umbandista", "espiritista", "rastafari",
)  # fmt: skip
_POLITICS = alt(
    "comunistas?", "socialistas?", "anarquistas?", "chavistas?", "antichavistas?", "sandinistas?",
    "antisandinistas?", "zapatistas?", "peronistas?", "kirchneristas?", "uribistas?", "petristas?",
    "opositor(?:a|es|as)?", "izquierdistas?", "derechistas?", "sindicalistas?", "de\\s+izquierdas?",
    "de\\s+derechas?", "dirigente\\s+sindical", "delegad[oa]\\s+sindical", "marxistas?", "maoístas?",
    "trotskistas?", "fascistas?", "franquistas?", "pinochetistas?", "independentistas?", "separatistas?",
    "disidentes?", "sindicalizad[oa]s?",
    "guerriller[oa]s?(?:\\s+\\w+)?",
)  # fmt: skip
_ORIENTATION = alt(
    "gays?", "lesbianas?", "bisexual(?:es)?", "bi", "queer", "pansexual(?:es)?", "asexual(?:es)?",
    "homosexual(?:es)?", "heterosexual(?:es)?", "hetero", "marica", "tortillera",
    "del\\s+mismo\\s+sexo", "de\\s+lesbianas",
)  # fmt: skip
_GENDER = alt(
    "trans", "transgénero", "transgéneros", "transexual(?:es)?", "travestis?", "no\\s+binari[oa]s?",
    "no-binari[oa]s?", "de\\s+género\\s+fluido", "género\\s+fluido", "intersexual(?:es)?", "intersex",
    "queer",
)  # fmt: skip
_HEALTH_ADJ = alt(
    "seropositiv[oa]s?", "vih\\s*positiv[oa]s?", "vih\\+", "embarazadas?", "encinta", "diabétic[oa]s?",
    "epiléptic[oa]s?", "asmátic[oa]s?", "autistas?", "bipolar(?:es)?", "esquizofrénic[oa]s?",
    "sord[oa]s?", "ciego", "ciega", "ciegos", "ciegas", "discapacitad[oa]s?", "deprimid[oa]s?",
    "alcohólic[oa]s?", "adict[oa]s?(?:\\s+a\\s+\\w+)?", "paralític[oa]s?", "parapléjic[oa]s?",
    "enferm[oa]s?(?:\\s+de\\s+\\w+)?", "en\\s+silla\\s+de\\s+ruedas", "persona\\s+con\\s+discapacidad",
    "en\\s+tratamiento\\s+(?:psiquiátrico|psicológico|antirretroviral|oncológico|contra\\s+el\\s+\\w+|"
    "por\\s+\\w+|para\\s+(?:la|el)\\s+\\w+)",
    "internad[oa]s?(?:\\s+en\\s+(?:un|el)\\s+(?:hospital\\s+)?psiquiátrico)?", "hospitalizad[oa]s?",
    "en\\s+diálisis", "en\\s+rehabilitación", "con\\s+depresión", "con\\s+vih", "en\\s+remisión",
    "con\\s+cáncer", "en\\s+quimioterapia", "en\\s+terapia(?:\\s+(?:psicológica|psiquiátrica))?",
    "de\\s+baja(?:\\s+médica)?(?:\\s+por\\s+(?:depresión|ansiedad|enfermedad|\\w+))?", "con\\s+licencia\\s+médica",
)  # fmt: skip
_CONDITION = (
    r"(?:(?:el|la|un|una)\s+)?"
    + alt(
        "vih", "sida", "vih/sida", "depresión(?:\\s+(?:severa|crónica|mayor|posparto|clínica))?",
        "ansiedad(?:\\s+(?:crónica|generalizada))?", "estrés\\s+postraumático", "tept",
        "trastorno\\s+(?:bipolar|de\\s+ansiedad|de\\s+estrés\\s+postraumático|límite(?:\\s+de\\s+la\\s+personalidad)?|"
        "alimentario|de\\s+la\\s+conducta\\s+alimentaria|obsesivo[- ]compulsivo|mental|psiquiátrico|"
        "de\\s+pánico|del\\s+espectro\\s+autista|de\\s+personalidad)",
        "esquizofrenia", "psicosis", "cáncer(?:\\s+de\\s+(?:mama|pulmón|útero|próstata|colon|piel|cuello\\s+uterino))?",
        "leucemia", "linfoma", "diabetes", "epilepsia", "tuberculosis", "hepatitis(?:\\s+[abc])?",
        "autismo", "tdah", "convulsiones", "crisis\\s+(?:epilépticas|convulsivas)", "ataques\\s+epilépticos", "anorexia", "bulimia", "discapacidad(?:\\s+(?:intelectual|visual|auditiva|física|motriz|psicosocial))?",
        "esclerosis\\s+múltiple", "demencia", "alzhéimer", "alzheimer", "párkinson", "parkinson",
        "covid(?:-19)?", "sífilis", "its", "lupus", "enfermedad\\s+mental", "una\\s+enfermedad\\s+\\w+",
        "problemas\\s+de\\s+salud\\s+mental", "adicción(?:\\s+a\\s+(?:las\\s+)?\\w+)?", "alcoholismo",
        "vph", "herpes", "asma", "insuficiencia\\s+renal", "cardiopatía", "fibromialgia",
        "ataques\\s+de\\s+pánico", "dolor\\s+crónico", "hemofilia", "anemia\\s+falciforme", "un\\s+tumor",
        "tumor", "paludismo", "malaria", "dengue", "chagas", "síndrome\\s+de\\s+\\w+", "discapacidad\\s+\\w+",
    )
    + END
)  # fmt: skip
_MEDICATION = alt(
    "antirretrovirales", "retrovirales", "antirretroviral", "tratamiento\\s+antirretroviral",
    "antidepresivos", "antipsicóticos", "ansiolíticos", "litio", "metadona", "insulina", "prep",
    "la\\s+prep", "medicación\\s+psiquiátrica", "medicamentos\\s+psiquiátricos", "quimioterapia",
    "quimio", "hormonas", "tratamiento\\s+hormonal", "diálisis", "medicación\\s+para\\s+\\w+(?:\\s+\\w+)?",
)  # fmt: skip

_MONTH = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
)
_YEAR = rf"(?:\s+(?:en|el)\s+(?:(?:\d{{1,2}}\s+de\s+)?{_MONTH}\s+(?:de\s+|del\s+)?)?\d{{4}})?"
#: the object of a charge: a few words, stopping at words that start a new phrase
_CHARGE = (
    r"(?:\s+(?!(?:tras|después|antes|durante|desde|en|y|e|pero|cuando|mientras|aunque|porque|que|"
    r"hace|ayer|hoy|el|la|los|las|frente|junto|con|sin|según|pues|luego|por|al|del)\b)[\w'’-]+){1,5}"
)
_PARTICIPLE_LEGAL = alt(
    "detenid[oa]s?", "arrestad[oa]s?", "capturad[oa]s?", "encarcelad[oa]s?", "apresad[oa]s?",
    "aprehendid[oa]s?", "pres[oa]s?", "procesad[oa]s?", "imputad[oa]s?", "acusad[oa]s?",
    "condenad[oa]s?", "sentenciad[oa]s?", "judicializad[oa]s?", "criminalizad[oa]s?",
    "privad[oa]s?\\s+de\\s+(?:su\\s+)?libertad", "recluid[oa]s?", "incomunicad[oa]s?",
    "vinculad[oa]s?\\s+a\\s+proceso", "liberad[oa]s?\\s+bajo\\s+fianza", "excarcelad[oa]s?",
    "demandad[oa]s?\\s+penalmente", "investigad[oa]s?\\s+por\\s+la\\s+fiscalía", "fichad[oa]s?",
    "esposad[oa]s?", "levantad[oa]s?\\s+por\\s+la\\s+policía", "juzgad[oa]s?", "absuelt[oa]s?",
    "declarad[oa]s?\\s+culpables?",
)  # fmt: skip
_PRISON = (
    r"(?:(?:la\s+)?cárcel|(?:la\s+)?prisión|el\s+penal|el\s+sistema\s+penitenciario|los\s+separos|el\s+reclusorio|el\s+penitenciario|"
    r"el\s+centro\s+penitenciario|(?:la\s+)?penitenciaría|el\s+calabozo|los\s+separos|el\s+ceferepsi|"
    r"el\s+cereso|el\s+tutelar|(?:un\s+)?centro\s+de\s+detención)"
)
_MIGRATION = alt(
    "indocumentad[oa]s?", "en\\s+situación\\s+(?:migratoria\\s+)?irregular", "sin\\s+papeles",
    "sin\\s+documentos", "irregular(?:es)?", "migrantes?", "inmigrantes?", "emigrantes?",
    "solicitantes?\\s+de\\s+(?:asilo|refugio|protección\\s+internacional)", "refugiad[oa]s?",
    "asilad[oa]s?", "apátridas?", "desplazad[oa]s?(?:\\s+(?:interno|interna|internos|internas|por\\s+la\\s+violencia))?",
    "deportad[oa]s?", "retornad[oa]s?", "ilegal(?:es)?\\s+en\\s+(?:el\\s+país|\\w+)", "mojad[oa]s?",
    "sin\\s+estatus(?:\\s+migratorio)?", "en\\s+proceso\\s+de\\s+deportación",
    "en\\s+(?:un|el|una|la)\\s+(?:centro\\s+de\\s+detención\\s+migratoria|estación\\s+migratoria|cie)",
    "en\\s+trámite\\s+de\\s+(?:asilo|refugio|regularización)", "sin\\s+visa", "con\\s+la\\s+visa\\s+vencida",
    "beneficiari[oa]s?\\s+de\\s+(?:daca|tps|protección\\s+temporal)", "dreamers?", "irregularmente\\s+en\\s+el\\s+país",
    "sin\\s+permiso\\s+de\\s+(?:residencia|trabajo)", "en\\s+situación\\s+administrativa\\s+irregular",
    "menor\\s+no\\s+acompañad[oa]",
)  # fmt: skip


_CAPITALISED = r"(?-i:[A-ZÁÉÍÓÚÑ])[\w'’.-]*"
_BODY = (
    r"(?:muñeca|brazo|pierna|tobillo|cadera|mandíbula|nariz|costilla|costillas|clavícula|pelvis|cráneo|"
    r"espalda|mano|pie|dedo|codo|rodilla|hombro|columna)\b"
)
_CHURCH = r"(?:iglesia|congregación|parroquia|comunidad\s+religiosa|mezquita|sinagoga|orden\s+religiosa)"
#: a party, movement or union: "del Partido Comunista", "del partido opositor", "de Morena"
_POLITICAL_BODY = (
    r"(?:del|de\s+la|de\s+los|de|en\s+el|en\s+la|en\s+los|en|al|a\s+la|a|con\s+el|con\s+la|el|la)\s+"
    rf"(?!{_CHURCH}\b)(?:"
    rf"{_CAPITALISED}(?:\s+(?:(?:de|del|de\s+la|y|por\s+la)\s+)?{_CAPITALISED}){{0,4}}"
    r"|(?:partido|movimiento|frente|sindicato|candidat[oa]|colectivo\s+político|organización\s+política|guerrilla|"
    r"juventud|oposición|gremio)(?:\s+(?:opositor|oficialista|de\s+(?:la\s+)?oposición|de\s+gobierno|"
    r"de\s+izquierdas?|de\s+derechas?|\w+istas?|de\s+\w+(?:es|os|as)|(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)*))?"
    r"|(?-i:[A-Z]{2,7})\b)"
)

LEXICON = Lexicon(
    copula=_COPULA,
    filler=_FILLER,
    modifier=_MODIFIER,
    head=_HEAD,
    head_first=True,
    attributes=(_ETHNICITY, _RELIGION, _POLITICS, _ORIENTATION, _GENDER, _HEALTH_ADJ, _MIGRATION),
    joiner=r"(?:y\s+)?",
    coordinator=r"(?<=\by\s)",
    articles="un|una",
    slots={
        "origin": (
            rf"(?:{_HEAD}\s+)?(?:de\s+origen|de\s+ascendencia|descendiente\s+de)\s+"
            r"(?:(?:un|una|los|las)\s+)?(?:"
            + _ETHNICITY
            + r"|árabes?|african[oa]s?|asiátic[oa]s?|judí[oa]s?|"
            r"chin[oa]s?|japones(?:a|es|as)?|libanes(?:a|es|as)?|sirio|siria|palestin[oa]s?|esclav[oa]s?)"
            + END
        ),
        "belongs": (
            r"(?:pertenece|pertenecía|pertenecen|perteneciente)\s+(?:al|a\s+la)\s+"
            r"(?:pueblo|nación|etnia|comunidad|nacionalidad|cultura)\s+(?:indígena\s+)?[\w'’-]+"
        ),
        "convert": (
            r"se\s+(?:convirtió|convierte|ha\s+convertido|había\s+convertido)\s+al?\s+"
            r"(?:islam|judaísmo|cristianismo|catolicismo|evangelio|budismo|hinduismo|protestantismo|"
            r"iglesia\s+evangélica|fe\s+\w+)"
        ),
        "wear": (
            r"(?:usa|lleva|llevaba|usaba|se\s+pone)\s+(?:(?:el|un|su)\s+)?(?:velo\s+islámico|hiyab|hijab|niqab|"
            r"burka|kipá|turbante\s+sij)"
        ),
        "member": (
            r"(?:militante|miembro|afiliad[oa]|simpatizante|integrante|dirigente|"
            r"candidat[oa]|activista|votante|fundador[a]?|cuadro)s?"
        ),
        "support": (
            r"(?:milita|militaba|militó|militan|ha\s+militado|vota|votaba|votó|votan|apoya|apoyaba|"
            r"se\s+afilió|me\s+afilié|milito|está\s+afiliad[oa]|se\s+unió|simpatiza|simpatizaba|simpatizó|"
            r"(?:hizo|hace|hacía|ha\s+hecho)\s+campaña)(?:\s+por|\s+a|\s+para)?"
        ),
        "congregant": (
            rf"(?:miembro|integrante|fiel|feligrés|feligresa|parte)s?\s+(?:de\s+la|del|de)\s+"
            rf"{_CHURCH}(?:\s+(?:de\\s+|del\\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED})*|\s+(?!(?:de|du|do|da|del|et|y|e)\b)\w+)?"
        ),
        "came_out": (
            rf"(?:salió|ha\s+salido|salieron|había\s+salido|habían\s+salido|sale)\s+del\s+(?:cl[oó]set|armario)"
            rf"|\b(?:se\s+declaró|se\s+reconoce|se\s+asume|se\s+identifica|se\s+define)\s+como\s+"
            rf"(?:{_HEAD}\s+)?{_ORIENTATION}{END}"
        ),
        "identifies": (
            rf"(?:se\s+identifica|se\s+identificaba|se\s+reconoce|se\s+asume|se\s+define|se\s+considera|"
            rf"se\s+identifican)\s+como\s+(?:(?:un|una)\s+)?(?:{_HEAD}\s+)?(?:{_GENDER}{END}|mujer\b|hombre\b|varón\b)"
        ),
        "transition": (
            r"(?:está\s+en\s+(?:proceso\s+de\s+)?transición|(?:inició|empezó|comenzó|hizo)\s+su\s+"
            r"(?:proceso\s+de\s+)?transición|(?:fue|es)\s+asignad[oa]\s+(?:varón|hombre|mujer)\s+al\s+nacer|"
            r"(?:cambió|rectificó)\s+su\s+(?:nombre|sexo|género)\s+en\s+(?:el|su)\s+(?:registro|documento|dni|"
            r"acta|partida)(?:\s+de\s+nacimiento)?|está\s+en\s+tratamiento\s+hormonal)"
        ),
        "live_with": (
            r"(?:vive|vivía|viva|vivió|viven|vivo|vivimos|ha\s+vivido|lleva\s+\w+\s+años\s+viviendo|"
            r"convive|conviven)\s+con"
        ),
        "have_condition": (
            r"(?:tiene|tenía|tuvo|ha\s+tenido|tienen|tengo|tenemos|padece|padecía|padecen|padezco|"
            r"sufre|sufría|sufren|sufrió|sufro|ha\s+sufrido|(?:le|me|te|les|nos|se\s+le)\s+(?:detectaron|diagnosticaron)|contrajo)(?:\s+de)?"
        ),
        "take": (
            r"(?:toma|tomaba|toman|tomo|está\s+tomando|empezó\s+a\s+tomar|recibe|recibía|está\s+recibiendo|"
            r"necesita|depende\s+de|se\s+hace|se\s+somete\s+a)"
        ),
        "tested_positive": (
            r"(?:dio|ha\s+dado|salió|resultó)\s+positiv[oa]\s+(?:en|a|de|para|al|por)(?:\s+(?:la\s+)?prueba\s+(?:de|del))?"
        ),
        "health_event": (
            (
                r"(?:(?:intentó|ha\s+intentado|quiso)\s+(?:suicidarse|quitarse\s+la\s+vida)|"
                r"(?:tuvo|ha\s+tenido)\s+(?:un\s+)?intento\s+de\s+suicidio|(?:se\s+hizo|tuvo|le\s+practicaron|"
                r"interrumpió)\s+(?:un\s+|el\s+)?(?:aborto|embarazo)|abortó|(?:perdió|ha\s+perdido)\s+(?:el|un|su)\s+"
                r"(?:embarazo|bebé)|(?:usa|anda\s+en)\s+silla\s+de\s+ruedas|se\s+autolesiona|"
                r"(?:se\s+enfermó|cayó\s+enferm[oa]|ha\s+enfermado|enfermó)(?:\s+de\s+" + _CONDITION + ")?)"
            )
            + "|"
            + (
                r"(?:lleva|llevaba|sigue|seguía|continúa|empezó|comenzó|inició)(?:\s+[\w-]+){0,2}?\s+(?:en|un)\s+"
                r"tratamiento\s+(?:psiquiátrico|psicológico|antirretroviral|oncológico|(?:por|para|contra)\s+(?:el\s+|la\s+)?"
                r"[\w-]+)"
                r"|\b(?:va|iba|acude|acudía)\s+(?:a\s+terapia|al\s+psiquiatra|al\s+psicólogo|a\s+la\s+psicóloga)"
            )
        ),
        "legal_aux": (
            r"(?:fue|fueron|ha\s+sido|han\s+sido|había\s+sido|estuvo|estuvieron|está|están|estaba|"
            r"estaban|quedó|quedaron|resultó|resultaron|será|sería|es|son|salió|terminó|acabó|permaneció|"
            r"permanece|permanecía|sigue|seguía|se\s+encontraba|se\s+encuentra|podía\s+ser|puede\s+ser|"
            r"podría\s+ser|iba\s+a\s+ser|va\s+a\s+ser|había\s+estado|ha\s+estado|debería\s+haber\s+sido|fuera|"
            r"fuese|sea|haya\s+sido|hubiera\s+sido|"
            # the first person: "estuve detenido", "fui arrestada", "me han arrestado"
            r"estuve|estuvimos|fui|fuimos|he\s+sido|hemos\s+sido|estoy|estamos|quedé|me\s+han|me\s+habían)"
        ),
        "in_custody": (
            rf"(?:en\s+prisión(?:\s+(?:preventiva|domiciliaria))?|en\s+{_PRISON}|"
            r"tras\s+las\s+rejas|bajo\s+arresto(?:\s+domiciliario)?|en\s+libertad\s+condicional|"
            r"bajo\s+fianza|con\s+arresto\s+domiciliario|en\s+detención\s+preventiva|bajo\s+proceso|"
            r"bajo\s+investigación|prófug[oa]|en\s+la\s+clandestinidad|con\s+medidas\s+cautelares)"
            rf"|(?:un\s+|una\s+)?(?:ex\s*-?\s*)(?:presidiari[oa]|convict[oa]|"
            r"recluso|reclusa|detenid[oa]|pres[oa])|" + r"(?:un\s+|una\s+)?pres[oa]\s+polític[oa]"
        ),
        "served_time": (
            rf"(?:pasó|ha\s+pasado|estuvo|lleva|llevaba|cumplió|pasaron|estuvieron)\s+"
            rf"(?:[\w-]+\s+){{1,3}}?(?:en\s+{_PRISON}|pres[oa]s?|detenid[oa]s?|encarcelad[oa]s?|tras\s+las\s+rejas)"
            rf"|\b(?:cumplió|cumple|está\s+cumpliendo|cumplía|purgó|purga)\s+(?:una\s+|su\s+)?"
            r"(?:condena|pena|sentencia)(?:\s+(?:de|por)" + _CHARGE + ")?"
            r"|\b(?:cumplió|cumple|cumplía|purgó|purga|pasó)\s+(?:[\w-]+\s+){1,2}?(?:años?|meses|días|semanas)\s+"
            r"(?:de\s+(?:condena|cárcel|prisión|pena)|en\s+(?:la\s+)?(?:cárcel|prisión))"
            r"|\bsalió\s+(?:libre\s+)?(?:bajo\s+fianza|de\s+(?:la\s+)?(?:cárcel|prisión))"
            r"|\b(?:quedó|fue\s+puest[oa])\s+en\s+libertad(?:\s+(?:condicional|bajo\s+(?:fianza|caución)))?"
        ),
        "record": (
            r"(?:tiene|tenía|tienen|tengo|cuenta\s+con)\s+(?:antecedentes(?:\s+(?:penales|policiales|"
            r"judiciales))?|registros\s+(?:penales|policiales|judiciales)|(?:una\s+)?orden\s+de\s+(?:captura|aprehensión|arresto|detención)(?:\s+en\s+su\s+contra)?"
            r"|(?:una\s+)?causa\s+(?:penal|abierta)|(?:un\s+)?proceso\s+penal(?:\s+abierto)?|(?:una\s+)?denuncia\s+penal"
            r"|(?:una\s+)?condena\s+por" + _CHARGE + ")"
            r"|\b(?:enfrenta|enfrentaba|afronta|enfrentan)\s+(?:cargos|un\s+juicio|un\s+proceso(?:\s+penal)?|"
            r"una\s+acusación|una\s+condena|una\s+pena)(?:\s+(?:de|por)" + _CHARGE + ")?"
        ),
        "legal_pronoun_verb": (
            r"\b(?:lo|la|los|las|le|les|me|nos)\s+(?:detuvieron|arrestaron|encarcelaron|apresaron|capturaron|"
            r"procesaron|condenaron|acusaron|imputaron|detuvo|arrestó|encarceló|capturó|condenó|detienen|"
            r"van\s+a\s+detener|metieron\s+(?:pres[oa]s?|a\s+la\s+cárcel|en\s+la\s+cárcel)|llevaron\s+pres[oa]s?|"
            r"tienen\s+pres[oa]s?|tuvieron\s+pres[oa]s?|levantaron|esposaron)\b"
        ),
        "legal_verb": (
            r"\b(?:detuvo|detuvieron|arrestó|arrestaron|encarceló|encarcelaron|capturó|capturaron|apresaron|"
            r"apresó|esposaron|procesaron|condenó|condenaron|sentenció|sentenciaron|condenaba|imputó|"
            r"imputaron|acusó\s+formalmente|declaró\s+culpable)(?=\s+al?\s)"
        ),
        "legal_nouns": (
            r"(?:detención|arresto|encarcelamiento|captura|condena|aprehensión|prisión\s+preventiva|"
            r"antecedentes\s+penales|proceso\s+penal|paso\s+por\s+la\s+cárcel)"
        ),
        "legal_acts": (
            r"(?:detención|arresto|encarcelamiento|captura|condena|aprehensión|prisión\s+preventiva|"
            r"procesamiento|imputación|ingreso\s+en\s+prisión)"
        ),
        "migration_acts": (r"(?:deportación|expulsión)"),
        "migration_nouns": (
            r"deportación|expulsión\s+del\s+país|solicitud\s+de\s+(?:asilo|refugio)|"
            r"(?:entrevista|audiencia|caso|trámite|expediente)\s+de\s+(?:asilo|refugio)"
        ),
        "migration_pronoun_verb": (
            r"\b(?:lo|la|los|las|le|les|me|nos)\s+(?:deportaron|deportó|expulsaron\s+del\s+país|van\s+a\s+deportar|"
            r"quieren\s+deportar|iban\s+a\s+deportar|repatriaron|devolvieron\s+a\s+su\s+país)\b"
        ),
        "migration_event": (
            r"(?:me|le|les|nos|se\s+le)\s+(?:negaron|negó|concedieron|concedió|otorgaron|otorgó|rechazaron|rechazó|"
            r"reconocieron|reconoció|dieron)\s+(?:el\s+|la\s+|su\s+)?(?:asilo|refugio|condición\s+de\s+refugiad[oa]|"
            r"estatus\s+de\s+refugiad[oa]|protección\s+internacional)"
            r"|\b(?:fue|fueron|ha\s+sido|han\s+sido)\s+reconocid[oa]s?\s+como\s+refugiad[oa]s?"
            r"|\b(?:llegó|llegaron|vino|vinieron|entró|huyó)\s+(?:aquí\s+|acá\s+|a\s+\w+\s+)?como\s+"
            r"(?:refugiad[oa]|solicitante\s+de\s+asilo|menor\s+no\s+acompañad[oa])"
            r"|\b(?:tiene|tenía|recibió|le\s+dieron|le\s+notificaron|enfrenta|se\s+le\s+notificó|"
            r"se\s+le\s+notificaron|se\s+le\s+dictó)\s+(?:una\s+|otra\s+|nueva\s+)?(?:segunda\s+)?(?:orden|proceso|"
            r"procedimiento)\s+de\s+(?:deportación|expulsión|salida\s+obligatoria)"
            r"|\b(?:pidió|solicitó|pide|solicita|pidieron|solicitaron|obtuvo|recibió|tramita|tramitó|"
            r"está\s+tramitando|le\s+negaron|le\s+concedieron|le\s+otorgaron|le\s+rechazaron|busca|espera)\s+"
            r"(?:el\s+|la\s+|su\s+)?(?:solicitud\s+de\s+)?(?:asilo|refugio|estatus\s+de\s+refugiad[oa]|"
            r"condición\s+de\s+refugiad[oa]|protección\s+internacional|visa\s+humanitaria|protección\s+complementaria)"
            r"|\b(?:cruzó|cruzaron|entró|entraron|ingresó|ingresaron)\s+(?:la\s+frontera\s+|al\s+país\s+|a\s+\w+\s+)?"
            r"(?:sin\s+papeles|sin\s+documentos|de\s+(?:forma|manera)\s+irregular|ilegalmente|irregularmente|"
            r"sin\s+visa|por\s+(?:un\s+)?paso\s+no\s+habilitado|por\s+una\s+trocha)"
            r"|\bse\s+le\s+(?:venció|vencieron)\s+(?:la\s+visa|el\s+permiso|los\s+papeles|la\s+residencia)"
            r"|\b(?:tiene|tenía)\s+(?:la\s+)?visa\s+vencida"
            r"|\b(?:vive|vivía|viven|está|estaba|sigue)\s+(?:de\s+forma\s+irregular|irregularmente|"
            r"ilegalmente|en\s+la\s+clandestinidad)\s+en\s+(?:el\s+país|\w+)"
        ),
        # -- fresh2 round: possessive health phrases, episodes, partners, pleas, held statuses
        "health_possessive": (
            r"(?:su|mi)\s+(?:" + _CONDITION + r"|(?:tratamiento|medicación|medicamentos?|diagnóstico)\s+"
            r"(?:para|contra|de|del|por)\s+(?:el\s+|la\s+)?" + _CONDITION + ")"
        ),
        "health_episode": (
            r"(?:tuvo|ha\s+tenido|sufrió|ha\s+sufrido|le\s+dio|le\s+dieron|tiene)\s+(?:un|una|otro|otra)\s+"
            r"(?:brote|crisis|ataque|episodio|cuadro)\s+(?:psicótico|de\s+ansiedad|de\s+pánico|epiléptic[oa]|"
            r"maníaco|depresivo|convulsiv[oa]|de\s+asma|psiquiátrico|de\s+epilepsia)"
            rf"|(?:tiene|tenía|quedó\s+con)\s+(?:la|el|una|un)\s+{_BODY}\s+(?:fracturad[oa]|rot[oa]|quebrad[oa])"
            rf"|(?:se\s+(?:rompió|fracturó|quebró)|le\s+(?:rompieron|fracturaron|quebraron))\s+(?:la|el|una|un)\s+{_BODY}"
            r"|(?:perdió|ha\s+perdido)\s+(?:una|un|la|el|las|los|ambas|ambos)\s+(?:piernas?|brazos?|manos?|pies?|ojos?|"
            r"vista|visión|audición|dedos?)\b"
            r"|(?:camina|anda|caminaba)\s+con\s+(?:una\s+)?(?:prótesis|muletas|bastón|andador)"
            r"|(?:usa|lleva|llevaba|usaba)\s+(?:un\s+)?(?:audífonos?|marcapasos|bastón\s+blanco|prótesis)"
            r"|(?:está\s+haciendo|hace|hizo|empezó|inició|sigue)\s+(?:un\s+)?tratamiento\s+de\s+(?:fertilidad|"
            r"reproducción\s+asistida|fecundación\s+in\s+vitro)"
        ),
        "attraction": (
            r"(?:le|me|te|les|nos)\s+(?:gustan|gustaban|atraen|atraían|van)\s+(?:(?:las|los)\s+)?(?:mujeres|hombres|"
            r"chicas|chicos|muchachas|muchachos|minas|pibes|pibas)\b"
        ),
        "partner": (
            r"(?:está|es|estaba|era|fue)\s+(?:casado|comprometido)\s+con\s+(?:un\s+)?(?:hombre|chico|varón|muchacho)\b"
            r"|(?:está|es|estaba|era|fue)\s+(?:casada|comprometida)\s+con\s+(?:una\s+)?(?:mujer|chica|muchacha)\b"
            r"|(?:(?:sale|salía|anda|andaba|está\s+saliendo|vive|convive|se\s+casó)\s+con\s+(?:un|una|su)|"
            r"tiene\s+(?:un|una)?)\s+(?:(?P<same_m>chico|hombre|muchacho|novio|pibe|tipo|esposo|marido)|"
            r"(?P<same_f>chica|mujer|muchacha|novia|piba|esposa))\b(?!\s+de\s+(?:la\s+limpieza|limpieza|servicio|piso|trabajo|confianza|cuarto))"
            r"|tiene\s+(?:una\s+)?pareja\s+del\s+mismo\s+sexo"
        ),
        "legal_more": (
            r"se\s+(?:declaró|declara|ha\s+declarado|declararon|declaran)\s+(?:culpables?|inocentes?|no\s+culpables?)"
            rf"(?:\s+de{_CHARGE})?|reconoció\s+su\s+culpabilidad"
            r"|(?:tiene|tenía|le\s+pusieron|le\s+impusieron|le\s+dictaron)\s+(?:una\s+)?(?:orden\s+de\s+(?:alejamiento|"
            r"restricción|protección)|medida\s+de\s+alejamiento|prohibición\s+de\s+acercamiento)(?:\s+en\s+su\s+contra)?"
            r"|(?:cayó|cayeron|ha\s+caído)\s+(?:en\s+cana|pres[oa]s?|en\s+la\s+cárcel|en\s+el\s+bote|en\s+el\s+tambo)"
            r"|(?:lo|la|los|las|le|les|me|nos)\s+(?:encerraron|encanaron|engayolaron|"
            r"metieron\s+(?:al|en\s+el)\s+(?:bote|tambo|talego|trullo|calabozo)|metieron\s+en\s+cana|"
            r"metieron\s+(?:a|en)\s+la\s+(?:trena|cana)|llevaron\s+(?:a\s+la\s+comisaría|al\s+calabozo))\b"
            r"|(?:salió|sale|quedó|está)\s+en\s+libertad\s+(?:condicional|provisional|bajo\s+fianza)"
            r"|(?:obtuvo|consiguió|le\s+dieron|le\s+concedieron)\s+(?:la\s+)?libertad\s+(?:condicional|provisional)"
        ),
        "migration_more": (
            r"(?:tiene|tenía|cuenta\s+con|obtuvo|recibió|le\s+dieron|le\s+concedieron|goza\s+de)\s+"
            r"(?:el\s+|la\s+|un\s+|una\s+)?(?:protección\s+(?:internacional|temporal|subsidiaria|humanitaria)|"
            r"permiso\s+(?:por|de)\s+protección\s+temporal|estatuto\s+(?:de\s+)?(?:protección\s+temporal|refugiad[oa])|"
            r"salvoconducto(?:\s+de\s+permanencia)?|residencia\s+(?:precaria|temporal|provisoria|provisional|"
            r"humanitaria|por\s+arraigo)(?:\s+vencida)?|tarjeta\s+roja|permiso\s+humanitario|asilo\s+político)"
            r"|(?:entró|vino|llegó|entré|vine|llegué)\s+(?:aquí\s+|acá\s+|al\s+país\s+|a\s+\w+\s+)?(?:como\s+turista|"
            r"con\s+(?:una\s+)?visa\s+de\s+(?:turista|estudiante|turismo))\s+y\s+(?:se\s+quedó|me\s+quedé|"
            r"nunca\s+(?:volvió|regresó|se\s+fue))"
            r"|lleva(?:ba)?\s+(?:[\w-]+\s+){1,2}(?:años|meses)\s+(?:sin\s+papeles|sin\s+documentos|indocumentad[oa]|"
            r"en\s+situación\s+irregular)"
        ),
        "office": (
            r"(?:concejal(?:a)?|diputad[oa]|senador(?:a)?|alcalde(?:sa)?|intendente|regidor(?:a)?|asambleísta|"
            r"edil(?:a)?|legislador(?:a)?|candidat[oa]|secretari[oa]\s+general|cuadro)"
            r"(?:\s+(?:municipal|provincial|regional|nacional|local|electa?|electo))?\s+"
            r"(?:del|de\s+la|de|por\s+el|por\s+la|por)\s+(?:(?-i:[A-ZÁÉÍÓÚ]{2,7})\b|(?:partido|movimiento|frente)\s+\w+|"
            r"(?-i:Partido|Frente|Movimiento|Polo|Alianza|Unión|Coalición)\b)"
        ),
        "cause": (
            r"(?:apoya|apoyo|apoyaba|apoyó|defiende|defiendo|defendía)\s+(?:la\s+)?causa\s+(?!(?:de|del)\b)[\w-]+"
            r"|(?:apoya|apoyo|defiende|defiendo)\s+la\s+(?:independencia|liberación|autodeterminación)\s+(?:de|del)\s+\w+"
            r"|(?:hace|hacía|hizo)\s+trabajo\s+(?:de\s+base|político|militante)\s+(?:con|para|en)\s+(?:el|la|los|las)\s+"
            r"[\w-]+"
        ),
        "practice": (
            r"(?:reza|rezaba|ora|oraba)\s+(?:[\w-]+\s+veces\s+al\s+día|todos\s+los\s+días|a\s+diario)"
            r"|(?:va|iba|acude)\s+a\s+misa|(?:hace|hacía|cumple|guarda)\s+(?:el\s+)?ramadán|(?:come|comía)\s+"
            r"(?:solo\s+)?(?:halal|kosher)|guarda\s+el\s+(?:sábado|shabat)|ayuna\s+en\s+ramadán"
        ),
        "comes_from": (
            r"(?:es|era|viene|venía|proviene|procede)\s+de\s+(?:una|un)\s+(?:familia|comunidad|pueblo|aldea)\s+"
            r"(?:indígena\s+)?" + _ETHNICITY + END
        ),
        "condition": _CONDITION,
        "medication": _MEDICATION,
        "year": _YEAR,
        "charge": _CHARGE,
        "political_body": _POLITICAL_BODY,
        "of": "de|del",
        "possessive": "su|sus|mi|mis",
        "migration_possessive": "su|sus|mi|mis",
        "diagnosed": r"(?:(?:fue|ha\s+sido|está|estaba|es|fueron|había\s+sido)\s+)?diagnosticad[oa]s?\s+(?:con|de|como)",
        "diagnosis": r"(?:tiene|tenía|recibió|le\s+dieron|cuenta\s+con)\s+(?:un\s+)?diagnóstico\s+de",
        "legal_participle": _PARTICIPLE_LEGAL,
        "charge_prep": r"de|por|a|en\s+el\s+delito\s+de",
        "lacks": r"(?:no\s+)?(?:tiene|tenía|tienen|tengo|tenemos|cuenta\s+con|carece\s+de)",
        "papers": (
            r"(?:ningún\s+|ni\s+)?(?:papeles|documentos|estatus\s+migratorio|visa|permiso\s+de\s+(?:residencia|"
            r"trabajo|permanencia)|residencia(?:\s+legal)?|documentación|papeles\s+en\s+regla)"
        ),
        "deport_aux": (
            r"fue|fueron|ha\s+sido|han\s+sido|había\s+sido|será|sería|va\s+a\s+ser|iba\s+a\s+ser|"
            r"podía\s+ser|puede\s+ser|podría\s+ser|iban\s+a\s+ser|van\s+a\s+ser"
        ),
        "deported": (
            r"deportad[oa]s?|expulsad[oa]s?(?:\s+del\s+país|(?=\s+(?:a|hacia)\s+(?-i:[A-ZÁÉÍÓÚ]))|(?=\s*[.;]))|"
            r"repatriad[oa]s?|devuelt[oa]s?\s+a\s+su\s+país"
        ),
    },
)

#: Spanish-only shapes: church attendance, party names after a copula, appositives

EXTRAS: tuple[Frame, ...] = (
    Frame(
        "ETHNICITY",
        rf"{_COPULA}\s+del\s+pueblo\s+(?:indígena\s+)?[\w'’-]+",
        "person",
    ),
    Frame(
        "RELIGION",
        r"\b(?:reza|rezaba|ora|oraba|va|iba|acude|acudía|asiste|asistía|congrega|se\s+congrega)\s+"
        r"(?:a\s+la|en\s+la|al|en\s+el|a)\s+(?:mezquita|sinagoga|iglesia(?:\s+(?:evangélica|cristiana|católica|"
        r"pentecostal|bautista|adventista))?|templo|culto|misa|salón\s+del\s+reino)",
        "person",
    ),
    Frame(
        "RELIGION",
        r"\b(?:practica|practicaba|profesa|profesaba)\s+(?:el\s+|la\s+)?(?:islam|judaísmo|santería|"
        r"religión\s+\w+|fe\s+\w+|candomblé|umbanda|vudú|budismo|hinduismo)",
        "person",
    ),
    Frame(
        "POLITICS",
        rf"{_COPULA}\s+(?:del|de\s+la)\s+(?-i:Partido|Frente|Movimiento|Unión|Alianza|Polo|Coalición)\b"
        rf"(?:\s+(?:(?:de|del|de\s+la|y)\s+)?{_CAPITALISED}){{0,4}}",
        "person",
    ),
    Frame("POLITICS", r"(?<=,\s)(?:militante|simpatizante|afiliad[oa])\s+" + _POLITICAL_BODY, "appos"),
    Frame(
        "MIGRATION_STATUS",
        r"(?<=,\s)(?:(?:un|una)\s+)?(?:(?:mujer|hombre|joven|persona)\s+)?(?:migrante|refugiad[oa]|"
        r"solicitante\s+de\s+(?:asilo|refugio)|indocumentad[oa]|desplazad[oa]|deportad[oa])"
        r"(?:\s+(?-i:[a-zà-öø-ÿ]+))?(?=\s*(?:[,;.)]|\s(?:de|que|con|y|en|desde)\b))",
        "appos",
    ),
    Frame(
        "GENDER_IDENTITY",
        r"(?<=,\s)(?:(?:un|una)\s+)?(?:mujer|hombre|chica|chico|persona|joven)\s+(?:trans|transgénero|"
        r"transexual|no\s+binari[oa]|intersex)(?=\s*(?:[,;.)]|\s(?:de|que|con|y|en|desde)\b))",
        "appos",
    ),
)

FRAMES = build_frames(LEXICON, EXTRAS)


_PERSON = words("""
    hombre hombres mujer mujeres chico chica chicos chicas muchacho muchacha joven niño niña bebé
    señor señora señorita don doña persona adolescente madre padre mamá papá hijo hija hijos hijas
    hermano hermana hermanos hermanas primo prima primos primas tío tía tíos tías sobrino sobrina
    abuelo abuela abuelos nieto nieta esposo esposa marido pareja novio novia compañero compañera
    compañeros compañeras compa compas amigo amiga amigos amigas vecino vecina vecinos vecinas
    colega colegas cliente clienta usuario usuaria participante miembro integrante voluntario
    voluntaria activista defensor defensora periodista reportero reportera abogado abogada maestro
    maestra profesor profesora estudiante enfermera enfermero médico médica doctor doctora chofer
    trabajador trabajadora obrero obrera líder lideresa dirigente vocero vocera coordinador
    coordinadora traductor traductora intérprete sobreviviente víctima testigo denunciante
    solicitante beneficiario beneficiaria inquilino inquilina residente paciente detenido detenida
    preso presa interno interna entrevistado entrevistada militante campesino campesina comunero
    comunera jornalero jornalera empleada empleado jefe jefa muchachos muchachas padres hermanito
    hermanita suegra suegro cuñado cuñada yerno nuera ahijado ahijada madrina padrino sr sra dr dra
    lic ing licenciada licenciado señorito chavo chava morro morra pelado pelada
    alcalde alcaldesa concejal concejala exconcejal regidor regidora senador senadora diputado diputada
    ministro ministra gobernador gobernadora presidente presidenta director directora subdirector
    subdirectora gerente tesorero tesorera secretario secretaria contador contadora becario becaria
    portero portera guardia candidato candidata organizador organizadora delegado delegada
    funcionario funcionaria encargado encargada cocinero cocinera conserje cantante actor actriz
    empresario empresaria asistente recepcionista niñera cuidador cuidadora mesero mesera camarero
    camarera jugador jugadora futbolista entrenador entrenadora periodista editor editora
    dueño dueña cajero cajera jardinero jardinera tendero tendera vendedor vendedora comerciante
    albañil mecánico mecánica plomero electricista carpintero peluquero peluquera farmacéutico
    farmacéutica dentista terapeuta psicólogo psicóloga casero casera propietario propietaria
    conductor conductora taxista repartidor repartidora costurera limpiadora obispo maestro
    dueño dueña cajero cajera jardinero jardinera tendero tendera vendedor vendedora comerciante
    albañil mecánico mecánica plomero electricista carpintero peluquero peluquera farmacéutico
    farmacéutica dentista terapeuta psicólogo psicóloga casero casera propietario propietaria
    conductor conductora taxista repartidor repartidora costurera limpiadora obispo maestro
    """)

GRAMMAR = Grammar(
    skip=words("""
        también ya todavía aún nunca no que quien dijo dice contó cuenta confirmó sabe saben creen cree
        dijeron contaron afirma afirmó asegura aseguró explicó explica y e pero aunque porque pues cuando
        mientras si es cierto supuestamente presuntamente
        """),
    block=words("""
        personas gente todos todas todo toda nadie ningún ninguna ninguno cualquier cualquiera muchos
        muchas varios varias algunos algunas mayoría mitad migrantes refugiados refugiadas mujeres
        hombres jóvenes niños niñas adolescentes comunidad comunidades colectivo colectiva colectivos
        organización organizaciones asociación red redes movimiento movimientos población poblaciones
        grupo grupos familias barrio ciudad país estado gobierno policía ley leyes proyecto campaña marcha
        taller evento albergue centro iglesia partido sindicato escuela empresa cargamento mercancía
        mercancías envío envíos paquete paquetes camión camiones carro carros coche coches vehículo
        vehículos auto autos barco lancha contenedor carga caso casos prueba pruebas resultado resultados
        muestra muestras zona región pueblo pueblos territorio tierra tierras esto eso ello tú vos eres
        estás usted ustedes equipaje documentos teléfono celular cuenta oficina casa local dinero fondos
        parroquia colonia municipio institución fundación personas donde dónde
        """),
    person=_PERSON,
    determiners=words(
        "el la los las un una unos unas este esta estos estas ese esa esos esas aquel aquella lo"
    ),
    possessives=words("mi mis tu tus su sus nuestro nuestra nuestros nuestras vuestro vuestra"),
    quantifiers=words("cualquier cualquiera todo toda todos todas cada ningún ninguna ninguno muchos muchas"),
    not_names=words("""
        calle avenida av carrera plaza colonia barrio
        el la los las un una unos unas él ella ellos ellas yo nosotros nosotras este esta estos estas
        ese esa cuando si pero y que según después antes durante desde hace ayer hoy mañana lunes
        martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio
        agosto septiembre octubre noviembre diciembre en con sin por para de del al nos me le les se
        lo también ya nota caso actualización resumen entrevista cita mi su nuestro nuestra
        """),
    organisations=words("""
        centro comité iglesia partido fundación asociación colectivo movimiento ministerio universidad
        escuela hospital clínica liga sindicato red ong tribunal corte consejo comisión defensoría
        secretaría instituto gobierno estado ciudad senado asamblea congreso cámara cooperativa frente
        pastoral fiscalía policía procuraduría alcaldía municipalidad oficina agencia banco empresa
        """),
    plural=(
        r"\b(?:son|eran|fueron|han|habían|están|estaban|estuvieron|viven|vivían|tienen|tenían|padecen|"
        r"sufren|quedaron|siguen|se\s+encuentran|se\s+identifican|pidieron|solicitaron|cumplieron|pasaron|"
        r"resultaron|serán|serían|enfrentan|militan|votan|toman|salieron|cruzaron|entraron)\b|\b\w+(?:ad|id)[oa]s\b"
    ),
    prepositions=words("en de del a al con por para sobre desde hasta tras entre sin hacia según ante bajo"),
    generic_relatives=words("quien quienes quién quiénes"),
    gerund_suffixes=("ando", "iendo", "yendo"),
    indefinites=words("un una unos unas algún alguna"),
    conditionals=words("cuando si siempre mientras"),
    lead=_LEAD,
    conjunctions=words("y e pero"),
    pronouns=words("él ella ellos ellas yo nosotros nosotras"),
    plural_pronouns=words("ellos ellas"),
    generic_words=words("todos todas cualquiera quien quienes nadie gente personas"),
    object_lead=frozenset({"a", "al", "de", "del"}),
    person_suffixes=(
        "ante",
        "antes",
        "ente",
        "entes",
        "ista",
        "istas",
        "dor",
        "dora",
        "dores",
        "doras",
        "tor",
        "tora",
        "ero",
        "era",
        "eros",
        "eras",
    ),
    person_prefixes=("ex-", "ex", "vice", "sub", "co", "bis", "tatara"),
    numbers=words("dos tres cuatro cinco seis siete ambos ambas"),
    first_person=words("soy estoy"),
    masculine=words("""
        él el un este ese aquel señor don sr hombre chico muchacho hermano hijo padre papá tío sobrino
        abuelo esposo marido novio primo
        """),
    feminine=words("""
        ella la una esta esa aquella señora doña sra mujer chica muchacha hermana hija madre mamá tía
        sobrina abuela esposa novia prima
        """),
    thing_attributes=words("bi hetero"),
    not_person=words("""
        dinero número números cero enero febrero acero sombrero agujero primero primera verdadero entero
        carrera bandera frontera fronteras manera escalera cartera nevera tijera madera afuera cadera
        cafetera lavadera quimera hoguera trinchera tercera tercero postrero sendero mero vero pero
        expediente expedientes accidente accidentes ambiente continente puente diente fuente corriente
        pendiente instante restaurante volante estante elefante guante diamante semejante importante
        siguiente presente reciente frente suficiente gente mente parte ordenador contenedor comedor
        sector motor tractor factor vector corredor mostrador indicador televisor ascensor interior
        exterior anterior posterior superior inferior mayor menor rumor color calor valor sabor temor
        dolor error terror honor amor favor horror labor humor vapor tumor monitor reactor colector
        ventilador mirador ecuador consumidor asador refrigerador regulador procesador servidor
        navegador contador generador componente vigente conquista
        """),
)

RULES = LanguageRules(GRAMMAR, FRAMES)

# -- the second-chance layer: attribute words found in a sentence about someone (_fallback) ---

CUES = Cues(
    terms={
        "ETHNICITY": terms(
            "indígenas?",
            "originari[oa]s?",
            "afrodescendientes?",
            "afro[a-záéíóúñ]{4,}",
            "gitan[oa]s?",
            "romaní",
            "mapuches?",
            "quechuas?",
            "aymaras?",
            "wayuu",
            "guaraníe?s?",
            "mayas",
            "zapotec[oa]s?",
            "mixtec[oa]s?",
            "nahuas?",
            "tzotzil(?:es)?",
            "tzeltal(?:es)?",
            "mazatec[oa]s?",
            "otomíe?s?",
            "purépechas?",
            "rarámuris?",
            "wixárikas?",
            "huichol(?:es)?",
            "qom",
            "wichís?",
            "kichwas?",
            "quichuas?",
            "shuar",
            "emberás?",
            "arhuacos?",
            "koguis?",
            "garífunas?",
            "miskit[oa]s?",
            "lencas?",
            "tojolabales?",
            "yaquis?",
            "triquis?",
            "totonac[oa]s?",
            "k['’]iche['’]?",
            "q['’]eqchi['’]?",
            "kaqchikel(?:es)?",
            "kurd[oa]s?",
            "uigur(?:es)?",
            "rohinyás?",
            "mestiz[oa]s?",
            "raizales?",
            "palenquer[oa]s?",
            "amazigh",
            "bereber(?:es)?",
            "saharauis?",
            "dalits?",
            "intocables?",
            "hazaras?",
            "pastún",
            "tamil(?:es)?",
            "yoruba",
            "igbo",
            "somalíe?s?",
            "ascendencia",
            "etnia",
            "étnic[oa]",
            "pueblo originario",
            "pueblo indígena",
            "sinti",
            "judeo-[a-z]+",
            "árabe",
            "afgan[oa]",
        ),
        "HEALTH": terms(
            "vih",
            "sida",
            "carga viral",
            "antirretrovirales?",
            "seropositiv[oa]",
            "prep",
            "cáncer",
            "leucemia",
            "linfoma",
            "tumor(?:es)?",
            "quimio(?:terapia)?",
            "radioterapia",
            "diálisis",
            "hemodiálisis",
            "diabet(?:es|ic[oa])",
            "insulina",
            "epilep(?:sia|tic[oa])",
            "convulsiones",
            "asma(?:tic[oa])?",
            "tuberculosis",
            "hepatitis",
            "derrame(?: cerebral)?",
            "infarto",
            "ictus",
            "silla de ruedas",
            "andadera",
            "andador",
            "muletas",
            "prótesis",
            "amputad[oa]",
            "parapléjic[oa]",
            "cuadripléjic[oa]",
            "parálisis",
            "cieg[oa]",
            "invidente",
            "sord[oa]",
            "autis(?:mo|ta)",
            "tdah",
            "dislexia",
            "síndrome de down",
            "esclerosis",
            "párkinson",
            "alzh?éimer",
            "demencia",
            "depresi(?:ón|v[oa])",
            "deprimid[oa]",
            "ansiedad",
            "ataques de pánico",
            "pánico",
            "bipolar",
            "esquizofreni(?:a|c[oa])",
            "psicosis",
            "psicótic[oa]",
            "estrés postraumático",
            "trastorno",
            "anorexia",
            "bulimia",
            "autolesi(?:ón|ones)",
            "suicid(?:io|arse|a)",
            "sobredosis",
            "adicci(?:ón|ones)",
            "adict[oa]",
            "alcohólic[oa]",
            "alcoholismo",
            "rehabilitación",
            "desintoxicación",
            "metadona",
            "antidepresivos?",
            "psiquiátric[oa]",
            "psiquiatra",
            "discapacidad",
            "embarazada",
            "embarazo",
            "aborto",
            "infertilidad",
            "hospitalizad[oa]",
            "internad[oa]",
            "cirugía",
            "mastectomía",
            "trasplante",
            "lupus",
            "covid",
            "medicación",
            "medicamentos",
            "diagnóstico",
            "diagnosticad[oa]",
            "enfermedad",
            "enferm[oa] terminal",
            "salud mental",
            "en recuperación",
            "terapia",
            "lengua de señas",
            "oxígeno",
            "marcapasos",
            "sonda",
            "colostomía",
            "bastón blanco",
            "insuficiencia renal",
            "abort(?:ó|ar)",
            "audífonos?",
        ),
        "RELIGION": terms(
            "musulman(?:a|es|as)",
            "musulmán",
            "islam",
            "islámic[oa]",
            "mezquita",
            "hiyab",
            "velo",
            "nicab",
            "burka",
            "reza",
            "rezar",
            "rezaba",
            "rezan",
            "oración",
            "oraciones",
            "ramadán",
            "ayuna",
            "ayunar",
            "cristian[oa]",
            "católic[oa]",
            "protestante",
            "evangélic[oa]",
            "pentecostal",
            "bautista",
            "adventista",
            "mormón",
            "mormona",
            "testigo de jehová",
            "iglesia",
            "misa",
            "parroquia",
            "congregación",
            "biblia",
            "judí[oa]",
            "sinagoga",
            "kosher",
            "sabbat",
            "rabino",
            "hindú",
            "templo",
            "sij",
            "turbante",
            "budista",
            "budismo",
            "ate[oa]",
            "agnóstic[oa]",
            "se convirtió",
            "conversión",
            "la fe",
            "su fe",
            "religi(?:ón|os[oa])",
            "devot[oa]",
            "creyente",
            "pastor(?:a)?",
            "sacerdote",
            "imán",
            "monja",
            "bautizad[oa]",
            "chiíe?s?",
            "chiitas?",
            "suníe?s?",
            "sunitas?",
            "sufí",
            "ahmadí",
            "bahaí",
            "yazidí",
            "rastafari",
            "santería",
            "santer[oa]",
            "candomblé",
            "umbanda",
            "vudú",
            "corán",
            "halal",
            "peregrinación",
            "ortodox[oa]",
            "practicante",
            "rosario",
            "kufi",
            "kipá",
            "cuaresma",
            "comulga",
            "comunión",
        ),
        "POLITICS": terms(
            "comunistas?",
            "socialistas?",
            "anarquistas?",
            "marxistas?",
            "leninistas?",
            "maoístas?",
            "trotskistas?",
            "peronistas?",
            "kirchneristas?",
            "chavistas?",
            "antichavistas?",
            "sandinistas?",
            "zapatistas?",
            "uribistas?",
            "petristas?",
            "fujimoristas?",
            "opositor(?:a|es|as)?",
            "disidentes?",
            "milita",
            "militaba",
            "militó",
            "militante",
            "sindicato",
            "(?:organizador|organizadora|dirigente|delegad[oa]|líder|representante) sindical",
            "sindicalistas?",
            "huelgas?",
            "afiliad[oa]",
            "votó por",
            "vota por",
            "votaba por",
            "hizo campaña",
            "campaña por",
            "candidat[oa] (?:por|del|de la)",
            "de izquierdas?",
            "izquierdistas?",
            "derechistas?",
            "ultraderechistas?",
            "frente amplio",
            "movimiento [a-zá-ú]+",
            "independentistas?",
            "separatistas?",
            "feministas?",
            "fascistas?",
            "franquistas?",
            "pinochetistas?",
            "preso político",
            "presa política",
            "partido [a-zá-ú]+",
        ),
        "SEXUAL_ORIENTATION": terms(
            "gay",
            "gays",
            "lesbiana",
            "bisexual",
            "queer",
            "homosexual",
            "heterosexual",
            "pansexual",
            "asexual",
            "salió del (?:clóset|closet|armario)",
            "salir del (?:clóset|closet|armario)",
            "en el (?:clóset|closet|armario)",
            "le gustan (?:las mujeres|los hombres|las chicas|los chicos)",
            "mismo sexo",
            "lgbti?q?\\+?",
            "su novio",
            "su novia",
            "tiene novio",
            "tiene novia",
            "vive con su (?:esposo|esposa|marido|mujer|novio|novia)",
        ),
        "GENDER_IDENTITY": terms(
            "trans",
            "transgénero",
            "transexual",
            "travesti",
            "no binari[oae]",
            "intersexual",
            "transición",
            "hormonas",
            "hormonización",
            "tratamiento hormonal",
            "asignad[oa] (?:varón|mujer|hombre|niño|niña) al nacer",
            "pronombres",
            "nombre muerto",
            "identidad de género",
            "cambio de sexo",
            "género fluido",
        ),
        "LEGAL_HISTORY": terms(
            "detenid[oa]",
            "detuvieron",
            "detención",
            "arrestad[oa]",
            "arrestaron",
            "arresto",
            "capturad[oa]",
            "preso",
            "presa",
            "prisión",
            "cárcel",
            "encarcelad[oa]",
            "tras las rejas",
            "celda",
            "calabozo",
            "separos",
            "al bote",
            "en el bote",
            "custodia",
            "acusad[oa]",
            "acusación",
            "imputad[oa]",
            "procesad[oa]",
            "vinculad[oa] a proceso",
            "condenad[oa]",
            "condena",
            "sentenciad[oa]",
            "antecedentes(?: penales)?",
            "libertad condicional",
            "fianza",
            "prisión preventiva",
            "juicio",
            "reclus[oa]",
            "reo",
            "expresidiari[oa]",
            "exconvict[oa]",
            "indultad[oa]",
            "absuelt[oa]",
            "esposad[oa]",
            "comisaría",
            "ministerio público",
            "denunciad[oa]",
            "investigad[oa] por",
            "orden de aprehensión",
            "prófug[oa]",
            "lo metieron",
            "la metieron",
            "lo agarraron",
            "la agarraron",
            "lo levantaron",
            "la levantaron",
            "penal",
            "reclusorio",
            "penitenciaría",
            "cumplió (?:condena|[a-z]+ años)",
        ),
        "MIGRATION_STATUS": terms(
            "sin papeles",
            "indocumentad[oa]",
            "visa",
            "visado",
            "asilo",
            "refugio",
            "refugiad[oa]",
            "deportad[oa]",
            "deportaron",
            "deportación",
            "expulsad[oa]",
            "expulsión",
            "irregular",
            "ilegal(?:mente)?",
            "apátrida",
            "nacionalidad",
            "ciudadanía",
            "residencia",
            "permiso de trabajo",
            "permiso de residencia",
            "green card",
            "daca",
            "tps",
            "protección temporal",
            "estatus",
            "estatus migratorio",
            "situación migratoria",
            "migratori[oa]",
            "migrante",
            "inmigrante",
            "cruzó la frontera",
            "crucé",
            "cruzó",
            "mojad[oa]",
            "coyote",
            "solicitud de refugio",
            "solicitante de asilo",
            "naturalizad[oa]",
            "retornad[oa]",
            "la migra",
        ),
    },
    before=words("""
        ley leyes política políticas derecho derechos reforma oficina centro centros clínica programa
        campaña proyecto departamento ministerio sistema crisis debate moción informe historia película
        libro estudio tema prueba pruebas prevención servicios acceso estación comunidad salud habló
        hablamos hablar habla hablan hablaron hablen hablo vencimiento
        """),
    after=words("""
        comunidad comunidades familias población personas grupos colectivos trabajadores mujeres
        hombres jóvenes niños niñas adolescentes estudiantes organizaciones
        """),
    links=words("de del a al sobre para"),
    stops=words("""
        que quien quienes cual cuales donde cuando mientras y e o u pero porque pues dijo contó explicó
        informó según aunque si hasta antes después durante dice dicen cuenta mencionó desde
        """),
    pronouns=words("él ella yo usted"),
    what=frozenset({"lo que", "de lo que", "por lo que"}),
    plural_determiners=words("los las estos estas esos esas unos unas"),
    generic=words("""
        todos todas cualquiera cualquier quien quienes nadie gente personas ningún ninguna cada
        """),
    anyone=words("cualquiera nadie quienes"),
    verb_endings=("ron", "ó", "aba", "aban", "ía", "ían"),
)
FALLBACK = FallbackRules(GRAMMAR, CUES)
