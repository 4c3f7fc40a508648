"""Django settings, all from the environment through ``resguardo.config``."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from resguardo.config import ensure_data_dir, load_settings, secret_key
from resguardo.i18n import LANGUAGES as SHIPPED_LANGUAGES
from resguardo.i18n import LOCALE_DIR

_conf = load_settings()
DATA_DIR: Path = ensure_data_dir(_conf.data_dir)
SECRET_KEY = secret_key(_conf)
DEBUG = _conf.debug
ALLOWED_HOSTS = ["*"]  # served behind the operator's own proxy or on loopback; Host is not trusted for links

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "resguardo.web.accounts",
    "resguardo.web.collectives",
    "resguardo.web.planning",
    "resguardo.web.publish",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "resguardo.web.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "resguardo.web.middleware.OwnerSetupMiddleware",
    "resguardo.web.middleware.ErrorMiddleware",
]

ROOT_URLCONF = "resguardo.web.urls"
WSGI_APPLICATION = "resguardo.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "resguardo.web.context.interface",
            ],
        },
    }
]

if _conf.database_url:
    DATABASES = {"default": dj_database_url.parse(_conf.database_url, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "resguardo.sqlite3"),
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "planning:list"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "en"
LANGUAGES = [(code, name) for code, name, _rtl in SHIPPED_LANGUAGES]
LOCALE_PATHS = [LOCALE_DIR]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATICFILES_DIRS = [Path(__file__).parent / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(mode=0o700, exist_ok=True)  # whitenoise expects it; files are served from the package
WHITENOISE_USE_FINDERS = True  # serve from the package: no collectstatic step to forget
WHITENOISE_AUTOREFRESH = DEBUG

# Behind an HTTPS reverse proxy: RESGUARDO_TRUSTED_ORIGINS="https://plans.example.org" (comma list).
CSRF_TRUSTED_ORIGINS = _conf.trusted_origins
if any(origin.startswith("https://") for origin in CSRF_TRUSTED_ORIGINS):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: browsers then send "Origin: null" on form posts and CSRF fails;
# other sites still receive no referrer at all.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_000_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_000_000  # larger uploads spool to FILE_UPLOAD_TEMP_DIR, inside the data dir
FILE_UPLOAD_TEMP_DIR = DATA_DIR / "uploading"
FILE_UPLOAD_TEMP_DIR.mkdir(mode=0o700, exist_ok=True)
FILE_UPLOAD_PERMISSIONS = 0o600

# Nothing about a visitor (address, user agent) is ever logged: only server errors.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        # Server errors are logged with their traceback; the default format prints no
        # request data (no address, no user agent, no body).
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django.security": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "resguardo": {"handlers": ["console"], "level": "WARNING"},
    },
}
