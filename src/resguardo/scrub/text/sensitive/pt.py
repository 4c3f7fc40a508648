"""Portuguese frames and grammar words for the sensitive-information detector."""

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

_PRON = r"(?:\b(?:ele|ela|eles|elas|eu|nós|a\s+gente)\s+)"
_ADV = (
    r"(?:não|nunca|já|também|ainda|inclusive|supostamente|atualmente|hoje|agora|finalmente|depois|"
    r"só|somente|apenas|sempre)"
)
#: a subject pronoun, adverbs and negation before a frame join its span (Grammar.lead)
_LEAD = rf"(?:{_PRON})?(?:\b{_ADV}\s+)*"
_COPULA_WORDS = alt(
    "é", "era", "foi", "são", "eram", "foram", "sou", "somos", "está", "estava", "esteve", "estão",
    "estavam", "estou", "estamos", "ficou", "ficaram", "continua", "continuam", "segue", "seguem",
    "tem\\s+sido", "têm\\s+sido", "se\\s+tornou", "virou", "se\\s+encontra", "se\\s+encontram", "seria",
    "será", "se\\s+assume", "se\\s+assumiu", "se\\s+declara", "se\\s+declarou", "permanece",
    "permaneceu", "permanecia", "se\\s+encontrava", "continuava", "tinha\\s+estado", "anda", "andava",
)  # fmt: skip
_COPULA = rf"\b{_COPULA_WORDS}"
_FILLER = (
    r"(?:\s+(?:também|assumidamente|abertamente|muito|atualmente|supostamente|um|uma|uns|umas|ainda|já|"
    r"orgulhosamente|realmente|só|declaradamente|como))*"
)
_MODIFIER = (
    r"(?:jovem|orgulhos[oa]|praticante|fervoros[oa]|devot[oa]|ativ[oa]|ex|antig[oa]|conhecid[oa]|"
    r"assumid[oa]|velh[oa])"
)
#: the person noun comes first: "uma mulher trans", "um homem gay"
_HEAD = alt(
    "mulher", "mulheres", "homem", "homens", "pessoa", "pessoas", "menina", "menino", "moça", "moço",
    "rapaz", "jovem", "jovens", "senhora", "senhor", "adolescente", "mãe", "pai", "casal", "ativista",
    "liderança", "líder", "militante", "companheira", "companheiro", "criança", "garota", "garoto",
    "família", "avó", "avô", "vizinha", "vizinho",
)  # fmt: skip

_ETHNICITY = alt(
    "indígenas?", "originári[oa]s?", "afrodescendentes?", "afro-brasileir[oa]s?", "afro-[a-zçãõáéíóú]{4,}",
    "negr[oa]s?", "pret[oa]s?", "pard[oa]s?", "gar[ií]funas?", "hmong", "navajos?", "warao", "quilombolas?", "cigan[oa]s?", "rom", "guarani(?:\\s+kaiowá)?",
    "guaranis", "kaiowás?", "hazaras?", "curd[oa]s?", "yanomamis?", "ianomâmis?", "xavantes?", "pataxós?", "tupinambás?", "terenas?",
    "kaingangs?", "mundurukus?", "tikunas?", "ticunas?", "guajajaras?", "macuxis?", "krenaks?",
    "pankararus?", "fulni-ôs?", "xukurus?", "kayapós?", "caiapós?", "baniwas?", "tukanos?", "wapichanas?",
    "mapuches?", "quéchuas?", "aimarás?", "waraos?", "curd[oa]s?", "mestiç[oa]s?", "caboclos?", "cafuzos?",
    "nipo-brasileir[oa]s?", "descendente\\s+de\\s+(?:indígenas|africanos|japoneses|escravizados|"
    "árabes|libaneses|sírios|quilombolas|ciganos)",
)  # fmt: skip
_RELIGION = alt(
    "muçulman[oa]s?", "cristã", "cristãs", "cristão", "cristãos", "católic[oa]s?", "evangélic[oa]s?",
    "protestantes?", "pentecosta(?:l|is)", "batistas?", "adventistas?", "mórmons?", "testemunhas?\\s+de\\s+jeová",
    "judeu", "judeus", "judia", "judias", "hindus?", "budistas?", "sikhs?", "ateu", "ateus", "ateia",
    "ateias", "agnóstic[oa]s?", "xiitas?", "sunitas?", "espíritas?", "umbandistas?", "candomblecistas?",
    "do\\s+candomblé", "da\\s+umbanda", "de\\s+(?:religião\\s+de\\s+)?matriz\\s+africana", "mãe\\s+de\\s+santo",
    "pai\\s+de\\s+santo", "filh[oa]\\s+de\\s+santo", "ialorixá", "babalorixá", "pastor(?:a|es|as)?",
    "padre", "freira", "imã", "rabin[oa]", "religios[oa]s?", "crentes?", "missionári[oa]s?",
    "testemunha\\s+de\\s+jeová", "kardecista", "santeir[oa]",
)  # fmt: skip
_POLITICS = alt(
    "comunistas?", "socialistas?", "anarquistas?", "petistas?", "bolsonaristas?", "lulistas?",
    "esquerdistas?", "direitistas?", "de\\s+esquerda", "de\\s+direita", "sindicalistas?",
    "sindicalizad[oa]s?", "marxistas?", "trotskistas?", "fascistas?", "integralistas?", "tucan[oa]s?",
    "dissidentes?", "opositor(?:a|es|as)?\\s+(?:ao|do)\\s+(?:governo|regime)",
    "guerrilheir[oa]s?(?:\\s+\\w+)?",
)  # fmt: skip
_ORIENTATION = alt(
    "gays?", "lésbicas?", "bissexua(?:l|is)", "bi", "queer", "pansexua(?:l|is)", "assexua(?:l|is)",
    "homossexua(?:l|is)", "heterossexua(?:l|is)", "hétero", "sapatão", "homoafetiv[oa]s?",
    "de\\s+lésbicas",
)  # fmt: skip
_GENDER = alt(
    "trans", "transgêneros?", "transgénero", "transexua(?:l|is)", "travestis?", "não[- ]binári[oa]s?",
    "intersexos?", "intersexuais", "de\\s+gênero\\s+fluido", "gênero\\s+fluido", "transmasculin[oa]s?",
    "transfeminin[oa]s?",
)  # fmt: skip
_HEALTH_ADJ = alt(
    "soropositiv[oa]s?", "hiv\\s*positiv[oa]s?", "hiv\\+", "grávidas?", "gestante", "diabétic[oa]s?",
    "epiléptic[oa]s?", "asmátic[oa]s?", "autistas?", "bipolar(?:es)?", "esquizofrênic[oa]s?",
    "surd[oa]s?", "ceg[oa]s?", "deficientes?(?:\\s+(?:físic[oa]|visual|auditiv[oa]|intelectual))?",
    "pessoa\\s+com\\s+deficiência", "pcd", "cadeirantes?", "deprimid[oa]s?", "depressiv[oa]s?", "alcoólatras?",
    "dependentes?\\s+químic[oa]s?", "doentes?(?:\\s+mental|\\s+de\\s+\\w+)?", "paraplégic[oa]s?", "tetraplégic[oa]s?",
    "em\\s+tratamento\\s+(?:psiquiátrico|psicológico|antirretroviral|oncológico|contra\\s+(?:o|a)\\s+\\w+|"
    "para\\s+(?:o|a)\\s+\\w+)",
    "internad[oa]s?(?:\\s+em\\s+(?:uma\\s+)?(?:clínica|hospital)\\s+psiquiátric[oa])?", "hospitalizad[oa]s?",
    "em\\s+hemodiálise", "em\\s+diálise", "em\\s+quimioterapia", "com\\s+depressão", "com\\s+hiv",
    "com\\s+câncer", "em\\s+remissão", "em\\s+terapia", "de\\s+licença\\s+médica(?:\\s+por\\s+\\w+)?",
    "afastad[oa]s?\\s+(?:do\\s+trabalho\\s+)?(?:por|para\\s+tratar)\\s+(?:doença|depressão|ansiedade|\\w+)",
)  # fmt: skip
_CONDITION = (
    r"(?:(?:o|a|um|uma)\s+)?"
    + alt(
        "hiv", "aids", "hiv/aids", "depressão(?:\\s+(?:grave|severa|crônica|pós-parto|profunda))?",
        "ansiedade(?:\\s+(?:crônica|generalizada))?", "estresse\\s+pós-traumático", "stress\\s+pós-traumático",
        "perturbação\\s+de\\s+stress\\s+pós-traumático", "tept",
        "transtorno\\s+(?:bipolar|de\\s+ansiedade|de\\s+estresse\\s+pós-traumático|borderline|alimentar|"
        "mental|psiquiátrico|obsessivo-compulsivo|do\\s+espectro\\s+autista|de\\s+pânico|de\\s+personalidade)",
        "esquizofrenia", "psicose", "câncer(?:\\s+de\\s+(?:mama|pulmão|útero|próstata|intestino|pele|colo\\s+do\\s+útero))?",
        "leucemia", "linfoma", "diabetes", "epilepsia", "tuberculose", "hepatite(?:\\s+[abc])?", "autismo", "crises\\s+(?:convulsivas|epilépticas)", "convulsões",
        "tdah", "anorexia", "bulimia", "deficiência(?:\\s+(?:intelectual|visual|auditiva|física))?",
        "esclerose\\s+múltipla", "demência", "alzheimer", "mal\\s+de\\s+alzheimer", "parkinson",
        "covid(?:-19)?", "sífilis", "ist", "lúpus", "doença\\s+mental", "problemas\\s+de\\s+saúde\\s+mental",
        "dependência\\s+química", "alcoolismo", "hpv", "herpes", "asma", "insuficiência\\s+renal",
        "anemia\\s+falciforme", "fibromialgia", "síndrome\\s+do\\s+pânico", "crises\\s+de\\s+pânico",
        "dor\\s+crônica", "hanseníase", "hemofilia", "tumor", "malária", "dengue", "doença\\s+de\\s+chagas",
        "síndrome\\s+de\\s+\\w+", "deficiência\\s+\\w+", "paralisia\\s+cerebral", "dependência\\s+de\\s+\\w+",
    )
    + END
)  # fmt: skip
_MEDICATION = alt(
    "antirretrovirais", "antirretroviral", "retrovirais", "coquetel", "o\\s+coquetel", "antidepressivos?",
    "antipsicóticos", "ansiolíticos", "lítio", "metadona", "insulina", "prep", "a\\s+prep",
    "remédios?\\s+controlados?", "remédios?\\s+psiquiátricos?", "medicação\\s+psiquiátrica", "quimioterapia",
    "quimio", "hormônios", "hemodiálise", "diálise", "remédio\\s+para\\s+\\w+",
)  # fmt: skip

_MONTH = r"(?:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)"
_YEAR = rf"(?:\s+(?:em|no)\s+(?:(?:\d{{1,2}}\s+de\s+)?{_MONTH}\s+(?:de\s+)?)?\d{{4}})?"
_CHARGE = (
    r"(?:\s+(?!(?:após|depois|antes|durante|desde|em|no|na|e|mas|quando|enquanto|embora|porque|que|"
    r"há|ontem|hoje|o|a|os|as|com|sem|segundo|pois|por|pela|pelo|ao|à)\b)[\w'’-]+){1,5}"
)
_PARTICIPLE_LEGAL = alt(
    "pres[oa]s?", "detid[oa]s?", "encarcerad[oa]s?", "algemad[oa]s?", "indiciad[oa]s?", "processad[oa]s?",
    "denunciad[oa]s?\\s+pelo\\s+ministério\\s+público", "acusad[oa]s?", "condenad[oa]s?",
    "sentenciad[oa]s?", "julgad[oa]s?", "absolvid[oa]s?", "criminalizad[oa]s?", "enquadrad[oa]s?",
    "autuad[oa]s?(?:\\s+em\\s+flagrante)?", "levad[oa]s?\\s+(?:para\\s+a|à)\\s+delegacia",
    "levad[oa]s?\\s+(?:pres[oa]s?|para\\s+o\\s+presídio|para\\s+a\\s+cadeia)",
    "conduzid[oa]s?\\s+(?:para\\s+a|à)\\s+delegacia", "recolhid[oa]s?\\s+ao\\s+presídio",
    "solt[oa]s?\\s+(?:após|depois)\\s+\\w+\\s+\\w+", "libertad[oa]s?\\s+(?:após|depois)\\s+\\w+\\s+\\w+",
    "fichad[oa]s?", "apreendid[oa]s?\\s+pela\\s+polícia", "investigad[oa]s?\\s+pela\\s+polícia",
)  # fmt: skip
_PRISON = (
    r"(?:(?:na\s+|a\s+)?cadeia|(?:na\s+|a\s+)?prisão|(?:no\s+|o\s+)?presídio|(?:na\s+|a\s+)?penitenciária|"
    r"(?:no\s+)?xadrez|(?:na\s+)?delegacia|(?:no\s+)?cárcere|(?:na\s+)?fundação\s+casa|"
    r"(?:no\s+)?sistema\s+(?:prisional|penitenciário|carcerário)|(?:na\s+)?penitenciária\s+\w+)"
)
_MIGRATION = alt(
    "indocumentad[oa]s?", "sem\\s+documentos", "sem\\s+papéis", "em\\s+situação\\s+(?:migratória\\s+)?irregular",
    "irregular(?:es)?(?:\\s+no\\s+(?:país|brasil))?", "migrantes?", "imigrantes?", "emigrantes?",
    "solicitantes?\\s+de\\s+(?:refúgio|asilo)", "refugiad[oa]s?", "asilad[oa]s?", "apátridas?",
    "deslocad[oa]s?(?:\\s+intern[oa]s?)?", "deportad[oa]s?", "clandestin[oa]s?", "ilega(?:l|is)\\s+no\\s+(?:país|brasil)",
    "sem\\s+visto", "com\\s+(?:o\\s+)?visto\\s+vencido", "sem\\s+autorização\\s+de\\s+residência",
    "retornad[oa]s?", "em\\s+processo\\s+de\\s+deportação", "sem\\s+rnm", "sem\\s+cpf",
)  # fmt: skip


_CAPITALISED = r"(?-i:[A-ZÁÉÍÓÚÂÊÔÃÕÇ])[\w'’.-]*"
_BODY = (
    r"(?:pulso|braço|perna|tornozelo|quadril|anca|mandíbula|nariz|costela|costelas|clavícula|bacia|crânio|"
    r"mão|pé|dedo|cotovelo|joelho|ombro|coluna)\b"
)
_CHURCH = r"(?:igreja|congregação|paróquia|comunidade\s+religiosa|mesquita|sinagoga|terreiro|assembleia\s+de\s+deus)"
#: a party, movement or union: "do PSOL", "ao PT", "do partido de oposição", "do MST"
_POLITICAL_BODY = (
    r"(?:do|da|dos|das|de|no|na|nos|em|ao|à|a|o|pelo|pela|com\s+o|com\s+a)\s+"
    rf"(?!{_CHURCH}\b)(?:"
    rf"{_CAPITALISED}(?:\s+(?:(?:de|do|da|dos|e)\s+)?{_CAPITALISED}){{0,4}}"
    r"|(?:partido|movimento|frente|sindicato|candidat[oa]|coletivo\s+político|organização\s+política|guerrilha|"
    r"juventude|oposição|central\s+sindical)(?:\s+(?:de\s+oposição|do\s+governo|de\s+esquerda|de\s+direita|"
    r"governista|oposicionista|\w+istas?|dos\s+\w+|das\s+\w+|(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)*))?"
    r"|(?-i:[A-Z]{2,7})\b)"
)

LEXICON = Lexicon(
    copula=_COPULA,
    filler=_FILLER,
    modifier=_MODIFIER,
    head=_HEAD,
    head_first=True,
    attributes=(_ETHNICITY, _RELIGION, _POLITICS, _ORIENTATION, _GENDER, _HEALTH_ADJ, _MIGRATION),
    joiner=r"(?:e\s+)?",
    coordinator=r"(?<=\be\s)",
    articles="um|uma",
    slots={
        "origin": (
            rf"(?:{_HEAD}\s+)?(?:de\s+origem|de\s+ascendência|descendente\s+de|filh[oa]\s+de)\s+"
            r"(?:"
            + _ETHNICITY
            + r"|árabes?|african[oa]s?|asiátic[oa]s?|judeus|japones(?:a|es|as)?|libanes(?:a|es|as)?|"
            r"sírios?|palestin[oa]s?|escravizad[oa]s?|indígenas|quilombolas)" + END
        ),
        "belongs": (
            rf"(?:pertence|pertencia|pertencem|pertencente)\s+(?:ao|à)\s+(?:povo|nação|etnia|comunidade)\s+"
            r"(?:indígena\s+|quilombola\s+)?[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?"
            rf"|{_COPULA}\s+do\s+povo\s+(?:indígena\s+)?[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?"
        ),
        "convert": (
            r"(?:se\s+(?:converteu|converte|convertera)|(?:converteu|converte)-se)\s+(?:ao|à|a)\s+(?:islã|islamismo|judaísmo|cristianismo|"
            r"catolicismo|evangelho|budismo|igreja\s+evangélica|umbanda|candomblé)"
            r"|\b(?:usa|usava|começou\s+a\s+usar)\s+(?:o\s+)?(?:véu\s+islâmico|hijab|hijabe|niqab|burca|kipá)"
            r"|\b(?:frequenta|frequentava|é\s+do)\s+(?:o\s+|um\s+)?(?:terreiro|centro\s+espírita|mesquita|"
            r"sinagoga)(?:\s+d[eoa]s?\s+[\w'’-]+)?"
        ),
        "congregant": (
            rf"(?:membro|integrante|fiel|frequentador(?:a)?|obreir[oa]|parte)s?\s+(?:da|do|de)\s+"
            rf"{_CHURCH}(?:\s+(?:de\\s+|do\\s+|da\\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED})*|\s+(?!(?:de|du|do|da|del|et|y|e)\b)\w+)?"
        ),
        "member": (
            r"(?:filiad[oa]|militante|membro|simpatizante|eleitor(?:a)?|integrante|dirigente|"
            r"candidat[oa]|fundador(?:a)?|apoiador(?:a)?)s?"
        ),
        "came_out": (
            rf"(?:saiu|tinha\s+saído|saíram)\s+do\s+armário"
            rf"|\b(?:se\s+identifica|se\s+reconhece|se\s+define)\s+como\s+(?:{_HEAD}\s+)?{_ORIENTATION}{END}"
        ),
        "identifies": (
            rf"(?:se\s+identifica|se\s+identificava|se\s+reconhece|se\s+define|se\s+considera|"
            rf"se\s+identificam)\s+como\s+(?:(?:um|uma)\s+)?(?:{_HEAD}\s+)?(?:{_GENDER}{END}|mulher\b|homem\b)"
        ),
        "transition": (
            r"(?:fez\s+(?:a\s+)?cirurgia\s+de\s+(?:redesignação|afirmação\s+de\s+gênero|transgenitalização)|"
            r"está\s+em\s+(?:processo\s+de\s+)?transição|(?:fez|iniciou|começou)\s+(?:a\s+|sua\s+)?"
            r"(?:processo\s+de\s+)?transição|fez\s+a\s+retificação\s+(?:do\s+nome|de\s+nome\s+e\s+gênero|"
            r"do\s+registro)|(?:retificou|mudou)\s+(?:o\s+)?(?:nome|gênero)\s+(?:no\s+registro|nos\s+documentos|"
            r"na\s+certidão)|faz\s+(?:terapia\s+)?hormonização|foi\s+designad[oa]\s+(?:homem|mulher)\s+ao\s+nascer)"
        ),
        "live_with": (r"(?:vive|vivia|vivem|vivo|convive|convivia|convivem|viveu)\s+com"),
        "have_condition": (
            r"(?:tem|tinha|teve|têm|tenho|temos|sofre|sofria|sofrem|sofreu|sofro|contraiu|pegou|"
            r"desenvolveu|foi\s+infectad[oa]\s+(?:com|pelo))(?:\s+de|\s+com)?"
        ),
        "health_event": (
            (
                rf"(?:faz|fazia|fez|está\s+fazendo|iniciou|começou|segue)\s+(?:um\s+)?(?:tratamento|"
                rf"acompanhamento)\s+(?:psiquiátrico|psicológico|antirretroviral|oncológico|(?:para|contra|de)\s+{_CONDITION})"
                rf"|\b(?:faz|fazia|fez|está\s+fazendo)\s+(?:tratamento\s+)?(?:para\s+|contra\s+)?{_CONDITION}"
                rf"|\bfaz\s+(?:hemodiálise|quimioterapia|diálise|acompanhamento\s+no\s+caps)"
            )
            + "|"
            + (
                r"(?:(?:tentou|já\s+tentou)\s+(?:o\s+)?(?:suicídio|se\s+matar|tirar\s+a\s+própria\s+vida)|"
                r"(?:fez|teve|sofreu)\s+(?:um\s+)?(?:aborto|tentativa\s+de\s+suicídio|surto(?:\s+psicótico)?|"
                r"overdose|avc|infarto)|abortou|perdeu\s+o\s+bebê|usa\s+cadeira\s+de\s+rodas|se\s+automutila|"
                r"(?:ficou|caiu)\s+doente|adoeceu)"
            )
        ),
        "take": (r"(?:toma|tomava|tomam|tomo|está\s+tomando|começou\s+a\s+tomar|depende\s+de|precisa\s+de)"),
        "tested_positive": (
            r"(?:testou|deu|foi|deu\s+resultado)\s+positivo\s+(?:para|de|pra|no\s+teste\s+de)"
        ),
        "legal_aux": (
            r"(?:foi|foram|tem\s+sido|está|estão|esteve|estiveram|ficou|ficaram|estava|estavam|acabou|"
            r"acabaram|seria|será|é|são|tinha\s+sido|havia\s+sido|permaneceu|permanece|continua|continuava|"
            r"pode\s+ser|podia\s+ser|poderia\s+ser|vai\s+ser|ia\s+ser|"
            # the first person: "fiquei detido", "fui preso", "já fui presa"
            r"fiquei|ficamos|fui|fomos|estive|estivemos|estou|estamos)"
        ),
        "in_custody": (
            r"(?:em\s+prisão\s+(?:preventiva|domiciliar|provisória)|(?:em|n[ao]|no)\s+"
            r"(?:cadeia|presídio|penitenciária|prisão|xadrez|cárcere)|atrás\s+das\s+grades|"
            r"em\s+liberdade\s+condicional|em\s+regime\s+(?:fechado|semiaberto|aberto)|sob\s+custódia|"
            r"cumprindo\s+pena|foragid[oa]|de\s+tornozeleira(?:\s+eletrônica)?|com\s+tornozeleira(?:\s+eletrônica)?|"
            r"em\s+prisão|sob\s+investigação)"
            r"|(?:réu|ré|acusad[oa]|egress[oa]\s+do\s+sistema\s+prisional|ex-presidiári[oa]|"
            r"ex-detent[oa]|pres[oa]\s+polític[oa]|detent[oa])\b"
        ),
        "served_time": (
            r"(?:cumpriu|cumpre|está\s+cumprindo|cumpria|cumpriram)\s+(?:uma\s+|sua\s+)?(?:pena|condenação|"
            r"sentença)(?:\s+(?:de|por|em)" + _CHARGE + r"(?:\s+por" + _CHARGE + ")?)?"
            r"|\b(?:cumpriu|cumpre|cumpria|passou)\s+(?:[\w-]+\s+){1,2}?(?:anos?|meses|dias|semanas)\s+"
            r"(?:de\s+(?:pena|prisão|cadeia|reclusão)|n[ao]\s+(?:cadeia|prisão|presídio|penitenciária))"
            rf"|\b(?:passou|ficou|passaram|ficaram)\s+(?:[\w-]+\s+){{1,3}}?(?:pres[oa]s?|detid[oa]s?|"
            rf"encarcerad[oa]s?|(?:n[ao]|em)\s+{_PRISON}|atrás\s+das\s+grades)"
        ),
        "record": (
            r"(?:tem|tinha|têm|tenho|possui)\s+(?:antecedentes(?:\s+(?:criminais|policiais|penais))?|"
            r"registros\s+(?:criminais|policiais|penais)|ficha\s+(?:criminal|suja|na\s+polícia)|passagem\s+(?:pela\s+polícia|pela\s+prisão)|"
            r"(?:um\s+)?mandado\s+de\s+prisão(?:\s+em\s+aberto)?|(?:um\s+)?processo\s+criminal)"
            r"|\b(?:responde|respondia|respondem)\s+(?:a\s+)?(?:um\s+)?(?:processo|inquérito|ação\s+penal)"
            r"(?:\s+(?:por|de)" + _CHARGE + ")?"
        ),
        "legal_pronoun_verb": (
            r"\b(?:o|a|os|as|me|nos|lhe)\s+(?:prenderam|detiveram|prendeu|deteve|levaram\s+pres[oa]s?|algemaram|"
            r"algemou|condenaram|processaram|enquadraram)\b"
            r"|\b(?:prenderam|prendeu|detiveram|deteve|algemaram)-(?:n[oa]s?|me|nos)\b"
            # spoken Brazilian Portuguese puts the pronoun after the verb: "prenderam ela"
            r"|\b(?:prenderam|prendeu|detiveram|deteve|algemaram|levaram\s+pres[oa]s?)\s+(?:ele|ela|eles|elas)\b"
        ),
        "legal_verb": (
            r"\b(?:prendeu|prenderam|deteve|detiveram|algemou|algemaram|condenou|condenaram|indiciou|indiciaram)"
            r"(?=\s+(?:[oa]\s+)?(?-i:[A-ZÁÉÍÓÚ])|\s+[oa]s?\s)"
        ),
        "legal_acts": (r"(?:prisão|detenção|condenação|prisão\s+preventiva|indiciamento)"),
        "migration_acts": (r"(?:deportação|expulsão)"),
        "migration_nouns": (r"(?:deportação|pedido\s+de\s+refúgio|expulsão\s+do\s+país)"),
        "legal_nouns": (
            r"(?:prisão|detenção|condenação|ficha\s+criminal|antecedentes\s+criminais|"
            r"passagem\s+pela\s+(?:polícia|prisão))"
        ),
        "migration_pronoun_verb": (
            r"\b(?:o|a|os|as|me|nos)\s+(?:deportaram|deportou|expulsaram\s+do\s+país|vão\s+deportar|"
            r"querem\s+deportar|repatriaram)\b|\b(?:deportaram|deportou)-(?:n[oa]s?|me|nos)\b"
        ),
        "migration_event": (
            r"(?:pediu|solicitou|pede|solicita|pediram|solicitaram|obteve|recebeu|conseguiu|teve\s+negado|"
            r"aguarda|aguardava|está\s+aguardando|espera|esperava|está\s+esperando|entrou\s+com\s+(?:o\s+)?pedido\s+de)\s+"
            r"(?:a\s+decisão\s+(?:do|sobre\s+o|de\s+seu)\s+)?(?:o\s+|a\s+|seu\s+)?(?:pedido\s+de\s+|"
            r"reconhecimento\s+(?:da\s+condição\s+)?de\s+|status\s+de\s+)?(?:refúgio|asilo|refugiad[oa]|"
            r"visto\s+humanitário|acolhida\s+humanitária|residência\s+(?:temporária|humanitária)|"
            r"(?:o\s+)?reconhecimento\s+(?:como|da\s+condição\s+de)\s+refugiad[oa]|proteção\s+internacional)"
            r"|\b(?:aguarda|aguardava|está\s+aguardando|espera|esperava|está\s+esperando)\s+(?:a\s+|sua\s+)?"
            r"(?:entrevista|audiência|decisão)\s+(?:d[oa]\s+)?(?:(?:seu\s+)?pedido\s+de\s+)?(?:refúgio|asilo)"
            r"|\b(?:foi|foram|tinha\s+sido)\s+reconhecid[oa]s?\s+como\s+refugiad[oa]s?"
            r"|\b(?:veio|vieram|chegou|chegaram|entrou)\s+(?:aqui\s+|para\s+\w+\s+|ao\s+\w+\s+|no\s+\w+\s+)?como\s+"
            r"(?:refugiad[oa]s?|solicitante\s+de\s+refúgio|menor\s+desacompanhad[oa])"
            r"|\b(?:entrou|entraram|cruzou|cruzaram|atravessou|atravessaram|passou)\s+(?:no\s+(?:país|brasil)\s+|a\s+fronteira\s+|no\s+\w+\s+)?"
            r"(?:sem\s+documentos|sem\s+papéis|de\s+forma\s+irregular|ilegalmente|clandestinamente|sem\s+visto|"
            r"pela\s+mata|por\s+trilhas?)"
            r"|\b(?:está|estava|ficou)\s+com\s+(?:o\s+)?visto\s+vencido"
            r"|\bo\s+visto\s+(?:dele|dela|deles|delas)\s+(?:venceu|expirou)"
            r"|\b(?:tem|recebeu|tinha|foi\s+notificad[oa]\s+de)\s+(?:uma\s+)?(?:ordem|notificação|processo)\s+de\s+(?:deportação|"
            r"expulsão|deportação)"
        ),
        # -- fresh2 round: possessive health phrases, episodes, partners, pleas, held statuses
        "health_possessive": (
            r"(?:seu|sua|meu|minha)\s+(?:" + _CONDITION + r"|(?:tratamento|medicação|remédio|diagnóstico)\s+"
            r"(?:para|contra|de|do|da)\s+(?:o\s+|a\s+)?" + _CONDITION + ")"
            r"|\b(?:a|o|da|do|na|no)\s+" + _CONDITION + r"\s+(?:dele|dela)\b"
            r"|(?:o\s+)?(?:tratamento|remédio|diagnóstico)\s+(?:dele|dela)\s+(?:para|contra|de)\s+(?:o\s+|a\s+)?"
            + _CONDITION
        ),
        "health_episode": (
            r"(?:teve|tem|sofreu|está\s+tendo)\s+(?:um|uma|outro|outra|mais\s+um|mais\s+uma)\s+(?:surto|crise|ataque|"
            r"episódio|quadro)\s+(?:psicótico|de\s+ansiedade|de\s+pânico|epiléptic[oa]|maníaco|depressivo|"
            r"convulsiv[oa]|de\s+asma|psiquiátrico|de\s+epilepsia)"
            rf"|(?:quebrou|fraturou|partiu|torceu)\s+(?:o|a|um|uma)\s+{_BODY}"
            rf"|(?:tem|está\s+com|tá\s+com|ficou\s+com)\s+(?:o|a|um|uma)\s+{_BODY}\s+(?:quebrad[oa]|fraturad[oa]|"
            r"engessad[oa]|partid[oa])"
            r"|(?:perdeu|tinha\s+perdido)\s+(?:uma|um|a|o|as|os|as\s+duas|os\s+dois)\s+(?:pernas?|braços?|mãos?|pés?|"
            r"olhos?|visão|audição|dedos?)\b"
            r"|(?:anda|andava|caminha)\s+com\s+(?:uma\s+)?(?:prótese|muletas|bengala|andador)"
            r"|(?:está\s+fazendo|faz|fez|começou|iniciou)\s+(?:uma\s+|um\s+)?(?:fertilização\s+in\s+vitro|fiv|"
            r"tratamento\s+de\s+fertilidade|reprodução\s+assistida)"
        ),
        "attraction": (
            r"(?:gosta|gostava|curte|curtia)\s+(?:de\s+)?(?:mulheres|homens|meninas|meninos|garotas|garotos|caras|"
            r"moças|rapazes|minas)\b"
            r"|(?:sente|sentia)\s+atração\s+por\s+(?:mulheres|homens|meninas|meninos|garotas|garotos|rapazes)\b"
        ),
        "partner": (
            r"(?:é|está|era|foi)\s+casado\s+com\s+(?:um\s+)?(?:homem|rapaz|cara)\b"
            r"|(?:é|está|era|foi)\s+casada\s+com\s+(?:uma\s+)?(?:mulher|moça)\b"
            r"|(?:(?:namora|namorava|está\s+namorando|tá\s+namorando|sai\s+com|saía\s+com|vive\s+com|mora\s+com|"
            r"se\s+casou\s+com|casou-se\s+com|tem)\s+(?:um|uma|o|a)?)\s*(?:(?P<same_m>cara|homem|menino|rapaz|garoto|"
            r"namorado|marido|companheiro)|(?P<same_f>mulher|menina|moça|garota|namorada|esposa|companheira|mina))\b(?!\s+de\s+(?:quarto|casa|trabalho|limpeza|república|apartamento))"
        ),
        "legal_more": (
            r"se\s+(?:declarou|declara|declararam)\s+(?:culpad[oa]s?|inocentes?)(?:\s+de" + _CHARGE + ")?"
            r"|(?:confessou|admitiu)\s+(?:o\s+crime|a\s+culpa)"
            r"|(?:tem|tinha|recebeu)\s+(?:uma\s+)?(?:medida\s+(?:protetiva|de\s+afastamento|de\s+coação)|"
            r"ordem\s+de\s+restrição)(?!\s+coerciv)(?:\s+contra\s+(?:ele|ela|si))?"
            r"|(?:foi|foram)\s+(?:em\s+cana|pra\s+cadeia|para\s+a\s+cadeia|parar\s+(?:na\s+cadeia|no\s+xadrez|"
            r"atrás\s+das\s+grades|no\s+presídio|na\s+prisão))"
            r"|(?:foi|foram)\s+(?:levad[oa]s?|pres[oa]s?|detid[oa]s?)\s+(?:numa|na|durante\s+a|em\s+uma)\s+"
            r"(?:batida|blitz|operação|rusga)"
            r"|(?:ganhou|obteve|conseguiu|recebeu)\s+(?:a\s+)?liberdade\s+(?:provisória|condicional)"
            r"|(?:está|tá|estava|segue)\s+em\s+(?:liberdade\s+)?condicional|responde\s+(?:ao\s+processo\s+)?em\s+liberdade"
        ),
        "migration_more": (
            r"(?:tem|tinha|recebeu|obteve|conseguiu|ganhou)\s+(?:a\s+|o\s+)?(?:proteção\s+(?:internacional|temporária|"
            r"subsidiária)|visto\s+humanitário|acolhida\s+humanitária|estatuto\s+de\s+refugiad[oa]|residência\s+"
            r"temporária)"
            r"|(?:tem|tinha|recebeu)\s+(?:uma\s+)?(?:ordem|notificação|decisão)\s+de\s+(?:afastamento\s+coercivo|"
            r"expulsão|deportação|abandono\s+voluntário)"
            r"|recebeu\s+(?:uma\s+)?notificação\s+para\s+(?:deixar|abandonar|sair\s+d)o\s+país"
            r"|(?:entrou|veio|chegou|entrei|vim|cheguei)\s+(?:aqui\s+|ao\s+país\s+|no\s+país\s+|para\s+o\s+\w+\s+)?"
            r"(?:como\s+turista|com\s+(?:um\s+)?visto\s+de\s+(?:turista|estudante|turismo))\s+e\s+"
            r"(?:ficou|fiquei|nunca\s+(?:voltou|mais\s+saiu))"
            r"|(?:o|a)\s+(?:pedido|processo|solicitação)\s+de\s+(?:asilo|refúgio)\s+(?:dele|dela)\b"
            r"|(?:está|tá|estava|ficou)\s+com\s+o\s+visto\s+(?:vencido|expirado)"
            r"|(?:está|estão|vive|ficou)\s+há\s+(?:[\w-]+\s+){1,2}(?:anos|meses)\s+sem\s+(?:papéis|documentos)"
        ),
        "office": (
            r"(?:vereador(?:a)?|deputad[oa](?:\s+(?:federal|estadual|distrital))?|senador(?:a)?|prefeit[oa]|"
            r"candidat[oa]|dirigente|autarca)\s+(?:do|da|pelo|pela|de)\s+(?:(?-i:[A-Z][A-Za-z]{1,6})(?-i:[A-Z])\w*\b|"
            r"(?-i:[A-Z]{2,7})\b|partido\s+\w+|(?-i:Partido|Frente|Movimento|Bloco)\b)"
        ),
        "cause": (
            r"(?:apoia|apoio|apoiava|apoiou|defende|defendo|defendia)\s+a\s+causa\s+(?!(?:de|do|da|dos|das)\b)[\w-]+"
            r"|(?:apoia|apoio|defende|defendo)\s+a\s+(?:independência|libertação|autodeterminação)\s+(?:de|do|da)\s+\w+"
            r"|(?:faz|fazia|fez)\s+trabalho\s+(?:de\s+base|político|militante)\s+(?:com|para|no|na|em)\s+"
            r"(?:o\s+|a\s+|os\s+|as\s+)?[\w-]+"
        ),
        "support": (
            r"(?:milita|militava|militou|militam|vota|votava|votou|votam|se\s+filiou|me\s+filiei|filiou-se|"
            r"está\s+filiad[oa]|simpatiza|fez\s+campanha|faz\s+campanha)(?:\s+(?:em|para|com))?"
        ),
        "practice": (
            r"(?:reza|rezava|ora|orava)\s+(?:[\w-]+\s+vezes\s+(?:por|ao)\s+dia|todos\s+os\s+dias|diariamente)"
            r"|(?:vai|ia)\s+à\s+missa|(?:faz|fazia|cumpre)\s+o\s+ramadã|jejua\s+no\s+ramadã|guarda\s+o\s+sábado"
            r"|(?:come|comia)\s+(?:só\s+)?(?:halal|kosher)"
        ),
        "comes_from": (
            r"(?:é|era|vem|veio|provém)\s+de\s+(?:uma|um)\s+(?:família|comunidade|aldeia|povo)\s+(?:indígena\s+)?"
            + _ETHNICITY
            + END
        ),
        "condition": _CONDITION,
        "medication": _MEDICATION,
        "year": _YEAR,
        "charge": _CHARGE,
        "political_body": _POLITICAL_BODY,
        "of": "de|do|da",
        "possessive": "sua|seu|suas|seus|meu|minha|meus|minhas",
        "migration_possessive": "sua|seu|meu|minha",
        "diagnosed": r"(?:(?:foi|é|está|estava|foram)\s+)?diagnosticad[oa]s?\s+(?:com|como)",
        "diagnosis": r"(?:tem|tinha|recebeu)\s+(?:um\s+|o\s+)?diagnóstico\s+de",
        "legal_participle": _PARTICIPLE_LEGAL,
        "charge_prep": r"de|por|a|pelo\s+crime\s+de",
        "lacks": r"(?:não\s+)?(?:tem|tinha|têm|tenho|possui)|(?:está|estão|estava|vive|vivem|continua|ficou)\s+sem",
        "papers": (
            r"(?:nenhum\s+)?(?:documentos|papéis|visto|autorização\s+de\s+residência|rnm|"
            r"registro\s+migratório|documento\s+de\s+residência|permissão\s+de\s+trabalho)"
        ),
        "deport_aux": r"foi|foram|tinha\s+sido|será|seria|vai\s+ser|pode\s+ser|podia\s+ser|poderia\s+ser|ia\s+ser",
        "deported": (
            r"deportad[oa]s?|expuls[oa]s?(?:\s+do\s+(?:país|brasil)|(?=\s+(?:para|de\s+volta)\s))|"
            r"repatriad[oa]s?|devolvid[oa]s?\s+ao\s+seu\s+país"
        ),
    },
)

#: Portuguese-only shapes: milita no PT, appositives

EXTRAS: tuple[Frame, ...] = (
    Frame(
        "POLITICS",
        r"\b(?:milita|militava|militou|militam|vota|votava|votou|votam|apoia|apoiava|se\s+filiou|"
        r"é\s+filiad[oa]|entrou|(?:fez|faz|fazia)\s+campanha|simpatiza|simpatizava)\s+(?:em\s+|n[oa]\s+|para\s+|com\s+)?"
        + _POLITICAL_BODY,
        "person",
    ),
    Frame(
        "MIGRATION_STATUS",
        r"(?<=,\s)(?:(?:um|uma)\s+)?(?:(?:mulher|homem|jovem|pessoa)\s+)?(?:migrante|imigrante|refugiad[oa]|"
        r"solicitante\s+de\s+(?:refúgio|asilo)|indocumentad[oa]|deportad[oa])"
        r"(?:\s+(?-i:[a-zà-öø-ÿ]+))?(?=\s*(?:[,;.)]|\s(?:de|que|com|e|em|desde|do|da)\b))",
        "appos",
    ),
    Frame(
        "GENDER_IDENTITY",
        r"(?<=,\s)(?:(?:um|uma)\s+)?(?:mulher|homem|pessoa|jovem|menina|menino)\s+(?:trans|transexual|"
        r"não[- ]binári[oa]|travesti|intersexo)(?=\s*(?:[,;.)]|\s(?:de|que|com|e|em|desde)\b))",
        "appos",
    ),
)

FRAMES = build_frames(LEXICON, EXTRAS)


_PERSON = words("""
    homem homens mulher mulheres menino menina meninos meninas moço moça rapaz rapazes jovem jovens
    criança bebê senhor senhora seu dona pessoa adolescente mãe pai mães pais filho filha filhos
    filhas irmão irmã irmãos irmãs primo prima primos primas tio tia tios tias sobrinho sobrinha avô
    avó avós neto neta marido esposa esposo companheiro companheira companheiros companheiras namorado
    namorada parceiro parceira amigo amiga amigos amigas vizinho vizinha vizinhos vizinhas colega
    colegas cliente usuário usuária assistido assistida atendido atendida participante membro
    integrante voluntário voluntária ativista defensor defensora jornalista repórter advogado advogada
    professor professora estudante aluno aluna enfermeira enfermeiro médico médica motorista
    trabalhador trabalhadora operário operária líder liderança dirigente porta-voz coordenador
    coordenadora tradutor tradutora intérprete sobrevivente vítima testemunha denunciante solicitante
    beneficiário beneficiária inquilino inquilina morador moradora paciente detento detenta preso
    presa militante camponês camponesa agricultor agricultora empregada empregado chefe patrão
    patroa sogra sogro cunhado cunhada genro nora afilhado afilhada madrinha padrinho sr sra dr dra
    garoto garota cara mina moleque
    prefeito prefeita vereador vereadora ex-vereador deputado deputada senador senadora ministro ministra
    governador governadora presidente diretor diretora vice-diretor vice-diretora gerente tesoureiro
    tesoureira secretário secretária contador contadora estagiário estagiária zelador zeladora
    segurança porteiro porteira candidato candidata organizador organizadora delegado delegada servidor
    servidora funcionário funcionária encarregado encarregada cozinheiro cozinheira faxineira cantor
    cantora ator atriz empresário empresária assistente recepcionista babá cuidador cuidadora garçom
    garçonete jogador jogadora treinador treinadora editor editora assessor assessora requerente
    dono autora autor jardineiro jardineira comerciante vendedor vendedora pedreiro mecânico
    encanador eletricista carpinteiro cabeleireiro cabeleireira farmacêutico farmacêutica dentista
    terapeuta psicólogo psicóloga proprietário proprietária locatário locatária taxista entregador
    entregadora costureira diarista bispo
    dono autora autor jardineiro jardineira comerciante vendedor vendedora pedreiro mecânico
    encanador eletricista carpinteiro cabeleireiro cabeleireira farmacêutico farmacêutica dentista
    terapeuta psicólogo psicóloga proprietário proprietária locatário locatária taxista entregador
    entregadora costureira diarista bispo
    """)

GRAMMAR = Grammar(
    skip=words("""
        também já ainda nunca não que disse diz contou conta confirmou sabe sabem acham acha disseram
        contaram afirma afirmou garante garantiu explicou explica e mas embora porque pois quando
        enquanto se supostamente
        """),
    block=words("""
        pessoas gente todos todas todo toda ninguém nenhum nenhuma qualquer muitos muitas vários várias
        alguns algumas maioria metade migrantes refugiados refugiadas imigrantes mulheres homens jovens
        crianças adolescentes comunidade comunidades coletivo coletivos organização organizações
        associação rede redes movimento movimentos população populações grupo grupos famílias bairro
        cidade país estado governo polícia lei leis projeto campanha marcha oficina evento abrigo centro
        igreja partido sindicato escola empresa carga mercadoria mercadorias envio pacote pacotes
        caminhão caminhões carro carros veículo veículos barco contêiner caso casos teste testes exame
        exames resultado resultados amostra amostras zona região aldeia território terra terras isto isso
        aquilo você vocês tu és equipamento bagagem documentos telefone celular conta escritório casa
        sede dinheiro recursos paróquia município instituição fundação quem onde
        """),
    person=_PERSON,
    determiners=words("o a os as um uma uns umas este esta estes estas esse essa esses essas aquele aquela"),
    possessives=words("meu minha meus minhas teu tua seu sua seus suas nosso nossa nossos nossas dele dela"),
    quantifiers=words("qualquer todo toda todos todas cada nenhum nenhuma muitos muitas"),
    not_names=words("""
        rua avenida av praça travessa estrada
        o a os as um uma ele ela eles elas eu nós este esta esse essa quando se mas e que segundo depois
        antes durante desde há ontem hoje amanhã segunda terça quarta quinta sexta sábado domingo janeiro
        fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro em com sem por
        para de do da no na nos me lhe também já nota caso atualização resumo entrevista meu minha seu
        sua nosso nossa disseram
        """),
    organisations=words("""
        centro comitê comissão igreja partido fundação associação coletivo movimento ministério
        universidade escola hospital clínica liga sindicato rede ong tribunal corte conselho defensoria
        secretaria instituto governo estado cidade senado assembleia congresso câmara cooperativa frente
        pastoral ministério polícia prefeitura delegacia agência banco empresa
        """),
    plural=(
        r"\b(?:são|eram|foram|estão|estavam|estiveram|vivem|viviam|têm|tinham|sofrem|ficaram|continuam|"
        r"seguem|se\s+encontram|se\s+identificam|pediram|solicitaram|cumpriram|passaram|acabaram|serão|"
        r"seriam|respondem|militam|votam|tomam|entraram|cruzaram)\b|\b\w+(?:ad|id)[oa]s\b"
    ),
    prepositions=words(
        "em de do da dos das no na nos nas a ao à aos às com por pelo pela para sobre desde até após entre sem"
    ),
    generic_relatives=words("quem"),
    gerund_suffixes=("ando", "endo", "indo"),
    indefinites=words("um uma uns umas algum alguma"),
    conditionals=words("quando se caso sempre enquanto"),
    lead=_LEAD,
    conjunctions=words("e mas"),
    pronouns=words("ele ela eles elas eu nós"),
    plural_pronouns=words("eles elas"),
    generic_words=words("todos todas qualquer quem ninguém gente pessoas"),
    object_lead=frozenset({"o", "a", "os", "as", "de", "do", "da"}),
    person_prefixes=("ex-", "ex", "vice-", "vice", "sub", "co", "bis"),
    numbers=words("dois duas três quatro cinco seis sete ambos ambas"),
    first_person=words("sou estou"),
    masculine=words("""
        ele o um este esse aquele senhor sr homem menino rapaz irmão filho pai tio sobrinho avô marido
        namorado primo
        """),
    feminine=words("""
        ela a uma esta essa aquela senhora dona sra mulher menina moça irmã filha mãe tia sobrinha avó
        esposa namorada prima
        """),
    thing_attributes=words("bi hetero"),
    person_suffixes=(
        "eiro",
        "eira",
        "eiros",
        "eiras",
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
    ),
    not_person=words("""
        dinheiro janeiro fevereiro banheiro carteira cadeira bandeira fronteira maneira primeiro primeira
        inteiro inteira terreiro chuveiro roteiro madeira geladeira feira quinta-feira segunda-feira
        terça-feira quarta-feira sexta-feira cordeiro travesseiro ponteiro cruzeiro tabuleiro canteiro
        verdadeiro derradeiro lixeira torneira prateleira mamadeira poeira besteira zoeira brincadeira
        cachoeira ladeira capoeira fogueira carreira trincheira
        expediente acidente ambiente continente dente fonte corrente pendente instante restaurante volante
        estante elefante diamante semelhante importante seguinte presente recente frente suficiente gente
        mente parte computador contêiner setor motor trator fator vetor corredor interior exterior anterior
        posterior superior inferior maior menor rumor calor valor sabor temor dor terror honor amor favor
        horror humor vapor tumor monitor reator ventilador consumidor refrigerador processador servidor
        navegador contador gerador componente vigente conquista
        """),
)

RULES = LanguageRules(GRAMMAR, FRAMES)

# -- the second-chance layer: attribute words found in a sentence about someone (_fallback) ---

CUES = Cues(
    terms={
        "ETHNICITY": terms(
            "indígenas?",
            "originári[oa]s?",
            "afrodescendentes?",
            "afro-?brasileir[oa]s?",
            "quilombolas?",
            "cigan[oa]s?",
            "romani",
            "guaranis?",
            "guarani-kaiowá",
            "kaiowás?",
            "yanomamis?",
            "ianomâmis?",
            "terenas?",
            "xavantes?",
            "pataxós?",
            "kaingangs?",
            "tikunas?",
            "mundurukus?",
            "potiguaras?",
            "tupinambás?",
            "macuxis?",
            "wapichanas?",
            "krenaks?",
            "kayapós?",
            "fulni-ôs?",
            "xukurus?",
            "mapuches?",
            "quéchuas?",
            "aimarás?",
            "warao",
            "waraos",
            "mestiç[oa]s?",
            "pard[oa]s?",
            "pret[oa]s? retint[oa]s?",
            "dalits?",
            "intocáveis",
            "curd[oa]s?",
            "uigures?",
            "rohingyas?",
            "hazaras?",
            "tâmil",
            "iorubá",
            "yorubá",
            "igbo",
            "somalis?",
            "árabe",
            "afegã",
            "afegão",
            "ascendência",
            "etnia",
            "étnic[oa]",
            "povo originário",
            "povos? indígenas?",
            "origem [a-zà-ú]+",
            "sinti",
            "berberes?",
            "saarauís?",
        ),
        "HEALTH": terms(
            "hiv",
            "aids",
            "carga viral",
            "antirretrovirais",
            "antirretroviral",
            "soropositiv[oa]",
            "prep",
            "câncer",
            "leucemia",
            "linfoma",
            "tumor(?:es)?",
            "quimio(?:terapia)?",
            "radioterapia",
            "diálise",
            "hemodiálise",
            "diabet(?:es|ic[oa])",
            "insulina",
            "epileps(?:ia)",
            "epiléptic[oa]",
            "convulsões",
            "asma",
            "tuberculose",
            "hepatite",
            "avc",
            "derrame",
            "infarto",
            "cadeira de rodas",
            "andador",
            "muletas",
            "prótese",
            "amputad[oa]",
            "paraplégic[oa]",
            "tetraplégic[oa]",
            "paralisia",
            "ceg[oa]",
            "surd[oa]",
            "autis(?:mo|ta)",
            "tdah",
            "dislexia",
            "síndrome de down",
            "esclerose",
            "parkinson",
            "alzheimer",
            "demência",
            "depress(?:ão|iv[oa])",
            "deprimid[oa]",
            "ansiedade",
            "crises de ansiedade",
            "síndrome do pânico",
            "pânico",
            "bipolar",
            "esquizofreni(?:a|c[oa])",
            "psicose",
            "psicótic[oa]",
            "estresse pós-traumático",
            "transtorno",
            "anorexia",
            "bulimia",
            "automutilação",
            "suicíd(?:io)",
            "overdose",
            "dependência química",
            "dependente químic[oa]",
            "vici(?:ad[oa]|o)",
            "alcoólatra",
            "alcoolismo",
            "reabilitação",
            "desintoxicação",
            "metadona",
            "antidepressivos?",
            "psiquiátric[oa]",
            "psiquiatra",
            "deficiência",
            "grávida",
            "gravidez",
            "aborto",
            "infertilidade",
            "hospitalizad[oa]",
            "internad[oa]",
            "cirurgia",
            "mastectomia",
            "transplante",
            "lúpus",
            "covid",
            "medicação",
            "remédios?",
            "diagnóstico",
            "diagnosticad[oa]",
            "doença",
            "doente terminal",
            "saúde mental",
            "em recuperação",
            "terapia",
            "libras",
            "aparelho auditivo",
            "oxigênio",
            "marca-passo",
            "sonda",
            "colostomia",
            "bengala",
            "insuficiência renal",
            "abort(?:ou|ar)",
        ),
        "RELIGION": terms(
            "muçulman[oa]s?",
            "islã",
            "islão",
            "islam",
            "islâmic[oa]",
            "mesquita",
            "hijab",
            "véu",
            "niqab",
            "burca",
            "reza",
            "rezar",
            "rezava",
            "rezam",
            "oração",
            "orações",
            "ramadã",
            "ramadão",
            "jejua",
            "jejuar",
            "cristã",
            "cristão",
            "católic[oa]",
            "protestante",
            "evangélic[oa]",
            "pentecostal",
            "batista",
            "adventista",
            "mórmon",
            "testemunha de jeová",
            "igreja",
            "missa",
            "paróquia",
            "congregação",
            "bíblia",
            "judeu",
            "judia",
            "judaic[oa]",
            "sinagoga",
            "kosher",
            "shabat",
            "rabino",
            "hindu",
            "templo",
            "sikh",
            "turbante",
            "budista",
            "budismo",
            "ate[uí]a?",
            "agnóstic[oa]",
            "se converteu",
            "conversão",
            "a fé",
            "sua fé",
            "religi(?:ão|os[oa])",
            "devot[oa]",
            "fervoros[oa]",
            "crente",
            "pastor(?:a)?",
            "padre",
            "imã",
            "freira",
            "batizad[oa]",
            "xiitas?",
            "sunitas?",
            "sufi",
            "ahmadi",
            "bahá['’]?í",
            "yazidi",
            "rastafári",
            "candomblé",
            "umbanda",
            "terreiro",
            "mãe de santo",
            "pai de santo",
            "macumba",
            "espírita",
            "espiritismo",
            "vodu",
            "alcorão",
            "halal",
            "peregrinação",
            "ortodox[oa]",
            "praticante",
            "kufi",
            "quipá",
            "terço",
            "quaresma",
            "comunhão",
        ),
        "POLITICS": terms(
            "comunistas?",
            "socialistas?",
            "anarquistas?",
            "marxistas?",
            "leninistas?",
            "maoístas?",
            "trotskistas?",
            "petistas?",
            "bolsonaristas?",
            "lulistas?",
            "antipetistas?",
            "oposicionistas?",
            "dissidentes?",
            "milita",
            "militava",
            "militou",
            "militante",
            "sindicato",
            "(?:organizador|organizadora|dirigente|delegad[oa]|líder|representante) sindical",
            "sindicalistas?",
            "greves?",
            "filiad[oa]",
            "votou em",
            "vota em",
            "votava em",
            "fez campanha",
            "campanha para",
            "candidat[oa] (?:pelo|pela|a)",
            "de esquerda",
            "de direita",
            "esquerdistas?",
            "direitistas?",
            "mst",
            "psol",
            "pcdob",
            "pstu",
            "movimento [a-zà-ú]+",
            "independentistas?",
            "separatistas?",
            "feministas?",
            "fascistas?",
            "integralistas?",
            "preso político",
            "presa política",
            "partido [a-zà-ú]+",
            "faz parte do (?:mst|movimento|partido|coletivo)",
        ),
        "SEXUAL_ORIENTATION": terms(
            "gay",
            "gays",
            "lésbica",
            "bissexual",
            "queer",
            "homossexual",
            "heterossexual",
            "pansexual",
            "assexual",
            "saiu do armário",
            "se assumiu",
            "assumiu ser",
            "no armário",
            "gosta de (?:mulheres|homens|meninas|meninos)",
            "namora (?:um cara|uma mina|um homem|uma mulher)",
            "mesmo sexo",
            "lgbti?q?[a+]*",
            "namorado",
            "namorada",
            "mora com (?:o marido|a esposa|a mulher|o namorado|a namorada)",
        ),
        "GENDER_IDENTITY": terms(
            "trans",
            "transgênero",
            "transexual",
            "travesti",
            "não binári[oae]",
            "não-binári[oae]",
            "intersexo",
            "transição",
            "hormônios",
            "hormonização",
            "terapia hormonal",
            "designad[oa] (?:homem|mulher|menino|menina) ao nascer",
            "pronomes",
            "nome morto",
            "identidade de gênero",
            "nome social",
            "retificou (?:o nome|os documentos)",
            "gênero fluido",
        ),
        "LEGAL_HISTORY": terms(
            "pres[oa]",
            "prenderam",
            "prisão",
            "cadeia",
            "detid[oa]",
            "detenção",
            "encarcerad[oa]",
            "atrás das grades",
            "cela",
            "xadrez",
            "xilindró",
            "delegacia",
            "custódia",
            "acusad[oa]",
            "acusação",
            "indiciad[oa]",
            "autuad[oa]",
            "processad[oa]",
            "réu",
            "ré",
            "condenad[oa]",
            "condenação",
            "sentenciad[oa]",
            "antecedentes(?: criminais)?",
            "ficha (?:criminal|suja)",
            "passagem pela polícia",
            "liberdade condicional",
            "fiança",
            "prisão preventiva",
            "julgamento",
            "julgad[oa]",
            "detent[oa]",
            "ex-presidiári[oa]",
            "presidiári[oa]",
            "indultad[oa]",
            "absolvid[oa]",
            "algemad[oa]",
            "cumpriu pena",
            "pena",
            "denunciad[oa]",
            "investigad[oa] por",
            "mandado de prisão",
            "foragid[oa]",
            "responde (?:a processo|por|em liberdade)",
            "tornozeleira",
            "presídio",
            "penitenciária",
            "semiaberto",
            "regime fechado",
        ),
        "MIGRATION_STATUS": terms(
            "sem documentos",
            "indocumentad[oa]",
            "visto",
            "vistos",
            "asilo",
            "refúgio",
            "refugiad[oa]",
            "deportad[oa]",
            "deportaram",
            "deportação",
            "expulso",
            "expulsa",
            "expulsão",
            "mandad[oa] de volta",
            "irregular",
            "ilegal(?:mente)?",
            "apátrida",
            "nacionalidade",
            "cidadania",
            "residência",
            "autorização de residência",
            "permissão de trabalho",
            "rne",
            "crnm",
            "green card",
            "proteção temporária",
            "status migratório",
            "situação migratória",
            "migratóri[oa]",
            "migrante",
            "imigrante",
            "atravessou a fronteira",
            "atravessei",
            "cruzou a fronteira",
            "coiote",
            "pedido de refúgio",
            "solicitante de refúgio",
            "naturalizad[oa]",
            "estrangeir[oa]",
            "visto humanitário",
            "visto vencido",
        ),
    },
    before=words("""
        lei leis política políticas direito direitos reforma escritório centro centros clínica programa
        campanha projeto departamento ministério sistema crise debate moção relatório história filme
        livro estudo tema teste testes prevenção serviços acesso comunidade saúde falou falamos falar
        fala falam falaram falem projeto reportagem mandados vencimento
        """),
    after=words("""
        comunidade comunidades famílias população pessoas grupos coletivos trabalhadores mulheres
        homens jovens crianças adolescentes estudantes organizações
        """),
    links=words("de do da dos das a ao à sobre para"),
    stops=words("""
        que quem qual quais onde quando enquanto e ou mas porque pois disse contou explicou informou
        segundo embora se até antes depois durante diz dizem conta mencionou desde
        """),
    pronouns=words("ele ela eu você"),
    what=frozenset({"o que", "do que"}),
    plural_determiners=words("os as estes estas esses essas uns umas"),
    generic=words("""
        todos todas qualquer quem ninguém gente pessoas nenhum nenhuma cada
        """),
    anyone=words("qualquer ninguém quem"),
    verb_endings=("ram", "ou", "eu", "iu", "ava", "avam"),
)
FALLBACK = FallbackRules(GRAMMAR, CUES)
