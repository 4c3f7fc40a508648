"""Context words per language: they raise confidence where a format alone is ambiguous.

Matching ignores case; accents are written out because dropping them would turn the
French "né" into the negation "ne".
"""

from __future__ import annotations

from resguardo.scrub.text.recognizers._common import ContextWords

__all__ = [
    "A_NUMBER_WORDS",
    "BANK_WORDS",
    "BE_NATIONAL_NUMBER_WORDS",
    "CARD_WORDS",
    "DIAL_WORDS",
    "DOB_WORDS",
    "GPS_WORDS",
    "HANDLE_WORDS",
    "ID_WORDS",
    "IP_WORDS",
    "MAC_WORDS",
    "NIF_PT_WORDS",
    "NINO_WORDS",
    "PASSPORT_WORDS",
    "PHONE_WORDS",
    "PLATE_WORDS",
    "QUANTITY_WORDS",
    "REFERENCE_WORDS",
    "SIN_WORDS",
    "SSN_WORDS",
    "TAX_ID_WORDS",
    "VEHICLE_WORDS",
    "VERSION_WORDS",
]

PHONE_WORDS = ContextWords(
    {
        "common": ("whatsapp", "whats", "wa", "signal", "telegram", "sms", "tel", "tel.", "fax", "mob", "cel"),
        "en": ("phone", "telephone", "cell", "cellphone", "mobile", "call", "text", "number", "contact", "reach"),
        "es": (
            "teléfono", "telefono", "tlf", "tfno", "móvil", "movil", "celular", "llamar", "llámame",
            "llamame", "llama", "llamen", "número", "numero", "contacto", "marcar", "escribir",
        ),
        "pt": (
            "telefone", "fone", "celular", "telemóvel", "telemovel", "ligar", "ligue", "liga", "número",
            "numero", "contato", "contacto", "zap",
        ),
        "fr": (
            "téléphone", "telephone", "tél", "tél.", "portable", "mobile", "appeler", "appelle", "appelez",
            "numéro", "numero", "joindre", "contact",
        ),
    }
)  # fmt: skip

#: The words of PHONE_WORDS that name a phone, not any number: with one of these next to it,
#: a run shaped like a phone number counts even where libphonenumber calls it invalid
#: (metadata behind the times, a digit dropped, a made-up number still meant to be one).
DIAL_WORDS = ContextWords(
    {
        "common": ("whatsapp", "signal", "telegram", "sms", "tel", "tel.", "tlf", "fax", "mob", "cel", "cel."),
        "en": (
            "phone", "telephone", "cell", "cellphone", "mobile", "call", "call me", "text me", "landline",
            "hotline", "office", "desk", "reach me", "message", "messages", "messaging", "answering",
        ),
        "es": (
            "teléfono", "telefono", "tfno", "móvil", "movil", "celular", "llamar", "llámame", "llamame", "llama",
            "fijo", "oficina", "mensaje", "mensajes", "contesta", "contestan",
        ),
        "pt": (
            "telefone", "fone", "celular", "telemóvel", "telemovel", "ligar", "ligue", "liga", "zap", "fixo",
            "mensagem", "mensagens", "atende", "atendem",
        ),
        "fr": (
            "téléphone", "tél", "tél.", "portable", "fixe", "appeler", "appelle", "appelez", "bureau", "message",
            "messages", "répond", "répondent",
        ),
    }
)  # fmt: skip

#: Words before a number that make it a reference, not a phone number (unless a phone word is nearer).
REFERENCE_WORDS = ContextWords(
    {
        "common": ("ref", "ref.", "isbn", "issn", "doi", "id", "no.", "nº", "n°", "#"),
        "en": ("case", "docket", "file", "order", "invoice", "ticket", "receipt", "tracking", "account", "serial"),
        "es": (
            "expediente", "exp.", "caso", "causa", "proceso", "pedido", "orden", "factura", "folio", "recibo",
            "referencia", "ticket", "cuenta", "serie", "radicado",
        ),
        "pt": ("processo", "caso", "pedido", "fatura", "nota fiscal", "protocolo", "recibo", "referência", "conta"),
        "fr": ("dossier", "affaire", "commande", "facture", "référence", "reçu", "compte", "série"),
    }
)  # fmt: skip

SSN_WORDS = ContextWords(
    {
        "common": ("ssn", "ssn#", "itin", "tin"),
        "en": ("social security", "social security number", "taxpayer identification"),
        "es": ("seguro social", "número de seguro social", "numero de seguro social"),
        "pt": ("seguro social", "previdência social"),
        "fr": ("sécurité sociale",),
    }
)

NIF_PT_WORDS = ContextWords(
    {
        "common": ("nif", "nipc", "nif/nipc"),
        "pt": ("contribuinte", "número fiscal", "identificação fiscal", "número de identificação fiscal"),
        "es": ("número fiscal",),
        "en": ("tax number", "taxpayer number", "tax id"),
        "fr": ("numéro fiscal",),
    }
)

#: UK National Insurance number ("NI" alone only in English: elsewhere it is "neither").
NINO_WORDS = ContextWords(
    {
        "common": ("nino", "ni number", "ni no", "ni no.", "national insurance", "national insurance number"),
        "en": ("ni", "insurance number"),
    }
)

#: Canadian Social Insurance Number ("sin" is "without" in Spanish, "nas" is "in the" in Portuguese).
SIN_WORDS = ContextWords(
    {
        "common": ("social insurance number", "numéro d'assurance sociale", "assurance sociale"),
        "en": ("sin", "s.i.n.", "sin#", "social insurance"),
        "fr": ("nas", "n.a.s."),
    }
)

#: Belgian national register number (also the NISS of social security).
BE_NATIONAL_NUMBER_WORDS = ContextWords(
    {
        "common": ("rijksregisternummer", "niss", "inss", "national register number", "national number"),
        "fr": ("numéro national", "numéro de registre national", "registre national", "nn", "n.n."),
        "es": ("número nacional", "registro nacional"),
        "pt": ("número nacional", "registo nacional"),
    }
)

#: Words that announce a national identity document whose number has no check digit
#: (Argentine DNI, Colombian and Venezuelan cédula, Brazilian RG...).
ID_WORDS = ContextWords(
    {
        "common": (
            "dni", "d.n.i.", "d.n.i", "c.i.", "c.i", "c.c.", "c.c", "cc", "ci", "rg", "nuip", "cni", "cnh", "id#",
            "id no", "id no.", "dpi", "cui", "dui", "ine", "ife", "clave de elector",
        ),
        "en": (
            "id number", "identity card", "identity number", "national id", "id card", "identification number",
            "driver's license", "driver's licence", "driving licence", "driver license", "drivers license",
            "license number", "licence number", "state id",
        ),
        "es": (
            "cédula", "cedula", "cédula de identidad", "cédula de ciudadanía", "documento de identidad",
            "documento nacional de identidad", "número de documento", "numero de documento", "nº de documento",
            "carné", "carnet", "identificación", "identificacion", "matrícula consular", "tarjeta de identidad",
            "libreta de enrolamiento", "libreta cívica", "licencia de conducir", "licencia de manejo",
        ),
        "pt": (
            "identidade", "carteira de identidade", "registro geral", "cartão de cidadão", "cartao de cidadao",
            "bilhete de identidade", "documento de identificação", "número do documento", "carteira de motorista",
        ),
        "fr": (
            "carte d'identité", "carte nationale d'identité", "numéro d'identité", "pièce d'identité",
            "permis de conduire", "titre de séjour",
        ),
    }
)  # fmt: skip

#: Words naming an identifier that has check digits: needed only where its digits run unformatted.
TAX_ID_WORDS = ContextWords(
    {
        "common": ("cpf", "cnpj", "curp", "rfc", "nir", "insee", "rif", "nie", "nif", "dni", "rut", "run"),
        "en": ("tax id", "taxpayer"),
        "es": ("registro federal de contribuyentes", "clave única"),
        "pt": (
            "cadastro de pessoa física",
            "cadastro de pessoas físicas",
            "cadastro nacional",
            "receita federal",
        ),
        "fr": ("sécurité sociale", "numéro de sécu", "numéro de sécurité sociale", "carte vitale"),
    }
)

PASSPORT_WORDS = ContextWords(
    {
        "common": ("passport", "pasaporte", "passaporte", "passeport"),
    }
)

#: The US immigration "A-number" (alien registration number) only counts with these.
A_NUMBER_WORDS = ContextWords(
    {
        "common": ("a-number", "a number", "a#", "a-#", "uscis", "alien number", "alien registration number"),
        "es": ("número a", "numero a", "número de extranjero", "número de registro de extranjero"),
        "pt": ("número a", "número de estrangeiro"),
        "fr": ("numéro a", "numéro d'étranger"),
    }
)

CARD_WORDS = ContextWords(
    {
        "common": ("visa", "mastercard", "amex", "maestro", "elo", "cb", "cc", "jcb", "discover"),
        "en": ("card", "credit card", "debit card"),
        "es": ("tarjeta", "crédito", "credito", "débito", "debito"),
        "pt": ("cartão", "cartao", "crédito", "credito", "débito", "debito"),
        "fr": ("carte", "carte bancaire", "crédit", "débit"),
    }
)

BANK_WORDS = ContextWords(
    {
        "common": ("clabe", "cbu", "cvu", "iban", "swift", "bic", "spei", "pix"),
        "en": ("account", "bank", "transfer", "wire", "deposit"),
        "es": ("cuenta", "banco", "transferencia", "depósito", "deposito", "interbancaria"),
        "pt": ("conta", "banco", "transferência", "transferencia", "depósito", "agência"),
        "fr": ("compte", "banque", "virement", "rib", "dépôt"),
    }
)

IP_WORDS = ContextWords(
    {
        "common": ("ip", "ipv4", "ipv6", "dns", "vpn", "ping", "host", "proxy", "gateway", "router", "tor"),
        "en": ("address", "server"),
        "es": ("dirección", "direccion", "servidor", "enrutador"),
        "pt": ("endereço", "endereco", "servidor", "roteador"),
        "fr": ("adresse", "serveur", "routeur", "passerelle"),
    }
)

#: Words before a dotted quad that make it a software version, not an address.
VERSION_WORDS = ContextWords(
    {
        "common": (
            "v",
            "v.",
            "ver",
            "ver.",
            "build",
            "release",
            "firmware",
            "android",
            "ios",
            "windows",
            "macos",
        ),
        "en": ("version", "update", "upgrade", "section", "chapter", "step"),
        "es": ("versión", "version", "actualización", "sección", "capítulo", "artículo", "paso", "apartado"),
        "pt": ("versão", "versao", "atualização", "seção", "secção", "capítulo", "artigo", "passo"),
        "fr": ("version", "mise à jour", "section", "chapitre", "article", "étape"),
    }
)

MAC_WORDS = ContextWords(
    {
        "common": ("mac", "bssid", "wifi", "wi-fi", "wlan", "ethernet", "bluetooth", "hwaddr", "ether"),
        "en": ("hardware address", "device"),
        "es": ("dirección física", "dispositivo"),
        "pt": ("endereço físico", "dispositivo"),
        "fr": ("adresse physique", "appareil"),
    }
)

PLATE_WORDS = ContextWords(
    {
        "common": ("plate", "placa", "placas", "matrícula", "matricula", "plaque", "chapa", "patente", "vrm"),
        "en": (
            "license plate",
            "licence plate",
            "registration plate",
            "number plate",
            "tag number",
            "car registration",
        ),
        "es": ("placa del auto", "placas del carro", "número de placa", "dominio"),
        "pt": ("placa do carro", "emplacado", "emplacamento"),
        "fr": ("immatriculation", "immatriculé", "immatriculée", "plaque d'immatriculation"),
    }
)

#: Vehicles: a plate-shaped code right after one of these is taken as its plate ("her car, KLW-4821").
#: "car" is English only: in French it means "because".
VEHICLE_WORDS = ContextWords(
    {
        "en": (
            "car", "truck", "van", "vehicle", "suv", "pickup", "pick-up", "jeep", "sedan", "minivan", "motorbike",
            "motorcycle", "taxi", "cab",
        ),
        "es": (
            "coche", "carro", "auto", "camioneta", "camión", "camion", "vehículo", "vehiculo", "moto", "furgoneta",
            "taxi",
        ),
        "pt": ("carro", "carrinha", "caminhonete", "veículo", "veiculo", "moto", "furgão", "kombi", "caminhão"),
        "fr": ("voiture", "camionnette", "véhicule", "vehicule", "camion", "fourgon", "fourgonnette", "moto"),
    }
)  # fmt: skip

#: Words before a pair of decimals that make it two quantities, not a place ("ratio 3.1416, 2.7182").
QUANTITY_WORDS = ContextWords(
    {
        "common": ("p", "r", "sd", "ci", "mean", "usd", "eur", "gbp", "brl", "mxn", "btc", "$", "€", "£", "r$"),
        "en": (
            "ratio", "rate", "rates", "price", "prices", "cost", "amount", "total", "average", "score", "scores",
            "value", "values", "factor", "weight", "exchange", "version", "versions",
        ),
        "es": (
            "razón", "tasa", "tasas", "precio", "precios", "costo", "coste", "monto", "importe", "total", "promedio",
            "media", "valor", "valores", "factor", "peso", "cambio", "versión", "puntuación",
        ),
        "pt": (
            "razão", "taxa", "taxas", "preço", "preços", "custo", "montante", "valor", "valores", "total", "média",
            "fator", "peso", "câmbio", "versão", "pontuação",
        ),
        "fr": (
            "ratio", "taux", "prix", "coût", "montant", "total", "moyenne", "valeur", "valeurs", "facteur", "poids",
            "change", "version", "score",
        ),
    }
)  # fmt: skip

GPS_WORDS = ContextWords(
    {
        "common": ("gps", "lat", "lat.", "lon", "lng", "latitude", "longitude", "geo", "maps", "waypoint"),
        "en": ("coordinates", "location", "position", "located at"),
        "es": ("coordenadas", "ubicación", "ubicacion", "latitud", "longitud", "posición", "localización"),
        "pt": ("coordenadas", "localização", "localizacao", "posição"),
        "fr": ("coordonnées", "localisation", "position", "emplacement"),
    }
)

HANDLE_WORDS = ContextWords(
    {
        "common": (
            "twitter", "x", "instagram", "insta", "ig", "tiktok", "telegram", "mastodon", "bluesky", "bsky",
            "threads", "facebook", "fb", "youtube", "twitch", "signal", "snapchat", "github", "reddit",
        ),
        "en": ("follow", "handle", "account", "profile", "username", "dm"),
        "es": ("sígueme", "siguenos", "síguenos", "seguir", "cuenta", "perfil", "usuario"),
        "pt": ("siga", "segue", "seguir", "conta", "perfil", "usuário", "usuario"),
        "fr": ("suivez", "suivre", "compte", "profil", "pseudo", "utilisateur"),
    }
)  # fmt: skip

DOB_WORDS = ContextWords(
    {
        "common": ("dob", "d.o.b.", "d.o.b", "dob:"),
        "en": ("born", "born on", "born in", "birth", "date of birth", "birth date", "birthdate", "birthday", "b."),
        "es": (
            "nacido", "nacida", "nació", "nacio", "nacimiento", "fecha de nacimiento", "f. nac.", "f. de nac.",
            "fecha nac.", "cumpleaños", "nac.",
        ),
        "pt": (
            "nascido", "nascida", "nasceu", "nascimento", "data de nascimento", "dt. nasc.", "nasc.",
            "aniversário",
        ),
        "fr": ("né", "née", "né le", "née le", "né(e)", "naissance", "date de naissance", "anniversaire", "nee"),
    }
)  # fmt: skip
