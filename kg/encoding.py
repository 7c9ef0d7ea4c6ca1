"""Bytes to text: UTF-8 first, then a byte-order mark, then a guess (charset-normalizer).

A guess is reported, so that a user can see when kg read a Latin-1 or UTF-16 file and check
the names it found. Bytes that decode to mostly control characters are a binary file.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import InputError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SINGLE_BYTE = re.compile(r"^(?:cp12\d\d|cp[78]\d\d|latin_?\d*|iso8859_\d+|mac_\w+)$")
#: above this share of control characters, decoded bytes are not a text (a text with a few
#: stray controls is one: normalisation removes them)
BINARY_SHARE = 0.1


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool = False  # not UTF-8 and no byte-order mark: charset-normalizer's best guess

    @property
    def note(self) -> str | None:
        return f"read as {self.encoding} (a guess: not UTF-8)" if self.guessed else None


def decode(raw: bytes) -> Decoded:
    """The text of a document's bytes, or an InputError saying why they are no text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _checked(Decoded(raw.decode(encoding), encoding))
            except UnicodeDecodeError:
                raise InputError(f"not valid {encoding} text despite its byte-order mark") from None
    try:
        return _checked(Decoded(raw.decode("utf-8"), "utf-8"))
    except (UnicodeDecodeError, InputError):
        pass  # UTF-16 without a byte-order mark decodes as UTF-8 full of NULs
    from charset_normalizer import from_bytes  # only files that are not UTF-8 need it

    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise InputError("binary file, not a text document")
    if _SINGLE_BYTE.match(best.encoding):
        # a short text fits many single-byte code pages equally well; like browsers, read
        # unlabelled legacy text as Windows-1252 (a superset of Latin-1) when it fits
        try:
            return _checked(Decoded(raw.decode("cp1252"), "cp1252", guessed=True))
        except (UnicodeDecodeError, InputError):
            pass
    return _checked(Decoded(str(best), best.encoding, guessed=True))


def _checked(decoded: Decoded) -> Decoded:
    text = decoded.text
    if text and len(_CONTROL.findall(text[:65536])) > BINARY_SHARE * min(len(text), 65536):
        raise InputError("binary file, not a text document")
    return decoded
