"""Password rules beyond Flask-Security's length check: refuse the commonest passwords.

zxcvbn would do more, but its feedback is English-only; our members must read why a
password was refused in their own language.
"""
from __future__ import annotations

import re
import typing as t

from flask_babel import gettext as _
from flask_security import PasswordUtil

# Passwords (and password stems) at the top of every published leak list.
COMMON_STEMS = frozenset("""
password passw0rd p@ssword p@ssw0rd qwerty qwertyuiop qwertyuiopasdfghjkl azerty
azertyuiop asdfgh asdfghjkl zxcvbnm 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx qazwsx
letmein welcome admin administrator root login iloveyou monkey dragon football baseball
master shadow sunshine princess superman batman trustno1 whatever freedom starwars
abc123 abcdef abcdefgh abcdefghijkl changeme secret default guest test testtest
helloworld hello123 computer internet police security motdepasse contrasena contraseña
пароль йцукен
""".split())
_TRIM = re.compile(r"^[\W\d_]+|[\W\d_]+$")


def is_common(password: str) -> bool:
    """True for passwords that a guessing attack tries first."""
    lowered = password.casefold()
    if len(set(lowered)) < 5:
        return True  # "aaaaaaaaaaaa", "121212121212"
    if lowered.isdigit() or lowered in COMMON_STEMS:
        return True
    stem = _TRIM.sub("", lowered)
    if stem in COMMON_STEMS or (stem and len(set(stem)) <= 2):
        return True
    # one common word repeated: "passwordpassword", "qwertyqwerty"
    return any(lowered.replace(word, "") == "" for word in COMMON_STEMS if len(word) >= 4)


class VfacPasswordUtil(PasswordUtil):
    def validate(self, password: str, is_register: bool, **kwargs: t.Any
                 ) -> tuple[list[str] | None, str]:
        errors, normalised = super().validate(password, is_register, **kwargs)
        errors = list(errors or [])
        if is_common(normalised):
            errors.append(_("This password is one of the first an attacker would try. "
                            "Choose a longer phrase of unrelated words."))
        names = [kwargs.get("username")] if is_register else \
            [getattr(kwargs.get("user"), "username", None)]
        if any(n and len(n) >= 3 and n.casefold() in normalised.casefold() for n in names):
            errors.append(_("The password must not contain your username."))
        return (errors or None), normalised
