"""Languages: which one a request gets, and what that means for layout and formatting."""
from __future__ import annotations

from flask import request
from flask_babel import get_locale
from flask_login import current_user

# Our language codes (stored on members, in the cookie, in content) and their own names.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ru": "Русский",
    "ar": "العربية",
    "zh": "中文",
}
# Babel finds the Chinese catalogue under zh_Hans_CN.
_BABEL_LOCALES = {"zh": "zh_Hans_CN"}
# What Accept-Language is matched against (a browser says "zh-CN" or "zh").
_ACCEPT = ["en", "fr", "es", "ru", "ar", "zh_CN", "zh"]
LANGUAGE_COOKIE = "vfac_lang"


def babel_locale(language: str) -> str:
    return _BABEL_LOCALES.get(language, language)


def language_code(value: str | None) -> str | None:
    """Our code for a language tag ("zh_CN", "fr-CA" -> "zh", "fr"), or None if unsupported."""
    if not value:
        return None
    primary = value.replace("-", "_").split("_")[0].lower()
    return primary if primary in LANGUAGES else None


def select_locale() -> str:
    """Member preference, then the chosen-language cookie, then Accept-Language, then English."""
    language = None
    user = current_user._get_current_object() if current_user else None
    if user is not None and getattr(user, "is_authenticated", False):
        language = language_code(user.language)
    language = language or language_code(request.cookies.get(LANGUAGE_COOKIE))
    language = language or language_code(request.accept_languages.best_match(_ACCEPT))
    return babel_locale(language or "en")


def current_language() -> str:
    """Our code for the language of this response ("en", "ar", "zh"...)."""
    return language_code(str(get_locale())) or "en"


def is_rtl() -> bool:
    return get_locale().character_order == "right-to-left"
