"""EMAIL, URL, HANDLE, IP and MAC.

A dotted quad is an IPv4 address when ``ipaddress`` accepts it (so no leading zeros, no
octet above 255), except where it reads as a version or section number: after a word like
"version", "v" or "artículo", or when every octet is a single digit ("1.2.3.4", "2.0.1.0")
and no network word (IP, DNS, server...) is near. "1.1.1.1 as DNS" stays an address.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from resguardo.scrub.text.base import Span
from resguardo.scrub.text.recognizers._common import make_span
from resguardo.scrub.text.recognizers.context import HANDLE_WORDS, IP_WORDS, MAC_WORDS, VERSION_WORDS

__all__ = ["find_emails", "find_handles", "find_ips", "find_macs", "find_urls"]

_EMAIL = re.compile(
    r"(?<![\w.+%\-])[\w+%\-](?:[\w.+%\-]{0,62}[\w+%\-])?"
    r"@(?:[^\W_](?:[\w\-]{0,61}[^\W_])?\.)+[^\W\d_]{2,24}(?![\w\-@])"
)
# "maria [at] example [dot] org", "maria arroba gmail punto com": addresses written to dodge scrapers.
_AT = r"(?:\s*[\[(]\s*(?:at|arroba|arobase|@)\s*[\])]\s*|\s+(?:at|arroba|arobase)\s+)"
_DOT = r"(?:\s*[\[(]\s*(?:dot|punto|ponto|point|\.)\s*[\])]\s*|\s+(?:dot|punto|ponto|point)\s+)"
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.])[\w.+\-]*\w{_AT}[\w\-]+(?:{_DOT}[\w\-]+)*{_DOT}(?:com|org|net|edu|gov|info|io|me|[a-z]{{2}})(?!\w)",
    re.IGNORECASE,
)

_TLDS = (
    "com|org|net|edu|gov|mil|int|info|biz|io|co|me|ly|gl|tv|fm|app|dev|page|site|online|xyz|social|"
    "blog|news|link|tech|live|media|world|global|ngo|onion|eu|us|uk|ca|au|nz|ie|in|za|ng|ke|"
    "es|mx|ar|cl|pe|ec|gt|hn|sv|ni|cr|pa|cu|do|bo|py|uy|ve|pr|br|pt|ao|mz|cv|"
    "fr|be|ch|lu|ht|sn|ci|cm|cd|ma|dz|tn|de|it|nl|at|se|no|dk|fi|pl|ru|ua|tr|cn|jp|kr|hk|tw|ir|il|ps"
)
_URL_BODY = r"[^\s<>\"'`{}|\\^]"
_URL = re.compile(
    rf"(?<![\w@.\-/])(?:"
    rf"(?:https?|ftp)://[\w\[]{_URL_BODY}*"
    rf"|www\d?\.[\w\-]{_URL_BODY}*"
    rf"|[a-z2-7]{{56}}\.onion(?:[/?#:]{_URL_BODY}*)?(?!\w)"
    rf"|(?:[^\W_](?:[\w\-]{{0,61}}[^\W_])?\.)+(?:{_TLDS})(?::\d{{1,5}})?/{_URL_BODY}*"
    rf")",
    re.IGNORECASE,
)

_HANDLE = re.compile(
    r"(?<![\w@.+%\-/])@(?P<user>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)"
    r"(?:@(?P<instance>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}))?(?![\w@])"
)
# Addressing a whole chat, not a person.
_GROUP_MENTIONS = frozenset({"everyone", "here", "channel", "all", "todos", "todas", "tous"})

_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
_IPV6 = re.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?:%\w+)?(?![\w:])"
)
_MAC = re.compile(
    r"(?<![\w:\-.])(?:[0-9A-Fa-f]{2}([:\-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}"
    r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:\-]|\.\w)"
)


def find_emails(text: str, lang: str) -> Iterator[Span]:
    for match in _EMAIL.finditer(text):
        span = make_span(text, match.start(), match.end(), "EMAIL", 0.95, "email")
        if span is not None:
            yield span
    for match in _OBFUSCATED_EMAIL.finditer(text):
        span = make_span(text, match.start(), match.end(), "EMAIL", 0.85, "email_obfuscated")
        if span is not None:
            yield span


def find_urls(text: str, lang: str) -> Iterator[Span]:
    for match in _URL.finditer(text):
        value = match.group().lower()
        if value.startswith(("http", "ftp")):
            score, source = 0.9, "url"
        elif value.startswith("www"):
            score, source = 0.9, "url_www"
        elif ".onion" in value and value.index(".onion") == 56:
            score, source = 0.95, "url_onion"
        else:
            score, source = 0.8, "url_bare"
        span = make_span(text, match.start(), match.end(), "URL", score, source)
        if span is not None and span.end - span.start > len("www."):
            yield span


def find_handles(text: str, lang: str) -> Iterator[Span]:
    for match in _HANDLE.finditer(text):
        user = match.group("user")
        # "@10am", "@2024" and "@everyone" are not accounts.
        if not any(char.isalpha() for char in user) or user.lower() in _GROUP_MENTIONS:
            continue
        if match.group("instance"):
            score, source = 0.95, "handle_fediverse"
        else:
            context = HANDLE_WORDS.near(text, match.start(), match.end(), lang, before=48, after=24)
            score, source = (0.95 if context else 0.85), "handle"
        span = make_span(text, match.start(), match.end(), "HANDLE", score, source)
        if span is not None:
            yield span


def _is_version(text: str, start: int, end: int, lang: str) -> bool:
    if VERSION_WORDS.near(text, start, end, lang, before=16, after=0):
        return True
    octets = text[start:end].split(".")
    return all(len(octet) == 1 for octet in octets) and not IP_WORDS.near(text, start, end, lang)


def find_ips(text: str, lang: str) -> Iterator[Span]:
    for match in _IPV4.finditer(text):
        try:
            ipaddress.IPv4Address(match.group())
        except ValueError:
            continue
        if _is_version(text, match.start(), match.end(), lang):
            continue
        score = 0.95 if IP_WORDS.near(text, match.start(), match.end(), lang) else 0.85
        span = make_span(text, match.start(), match.end(), "IP", score, "ipv4")
        if span is not None:
            yield span
    for match in _IPV6.finditer(text):
        candidate = match.group()
        groups = [group for group in candidate.split("%", 1)[0].split(":") if group]
        if len(groups) < 3:
            continue  # "::1", "fe80::", "a::b": too short to tell from other colon runs
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue
        span = make_span(text, match.start(), match.end(), "IP", 0.9, "ipv6")
        if span is not None:
            yield span


def find_macs(text: str, lang: str) -> Iterator[Span]:
    for match in _MAC.finditer(text):
        context = MAC_WORDS.near(text, match.start(), match.end(), lang)
        hex_letters = any(char.isalpha() for char in match.group())
        if not hex_letters and not context:
            continue  # "12-34-56-78-90-12" is as likely a reference number
        span = make_span(text, match.start(), match.end(), "MAC", 0.95 if context else 0.9, "mac")
        if span is not None:
            yield span
