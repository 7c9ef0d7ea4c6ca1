"""Text as kg reads it: what every document goes through before extraction.

Documents arrive with whatever their authors' tools left in them: no-break and narrow spaces
inside names ("Llama\\u00a02"), soft hyphens and zero-width characters that split words
invisibly, control characters that no XML reader accepts, bidirectional overrides that make
text display in another order than it reads. kg normalises all of them once, on the way in,
so that names match, offsets refer to the text kg stored, and every output format can carry
every sentence.
"""

from __future__ import annotations

import re
import unicodedata

#: characters that look like a space: no-break, figure, narrow, ideographic and the like
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
#: characters that take up no room: they split names invisibly. Soft hyphens, zero-width
#: spaces and joiners, the word joiner, the byte-order mark inside a text, and the
#: bidirectional controls that can make a sentence display other than it reads
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
#: control characters (C0 but tab and line feed, DEL, C1) and the non-characters XML refuses
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
#: terminal escape sequences, whole (CSI "ESC [ ... m", OSC "ESC ] ... BEL", two-character
#: escapes): without their ESC, their remains would read as words ("[31m")
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
#: line and paragraph breaks in their other spellings
_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def normalize_text(text: str) -> str:
    """The text in Unicode NFC, with special spaces as spaces, invisible and control
    characters (and terminal escape sequences) removed and every line break a line feed."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


#: what a terminal would act on: C0 and C1 controls (escape sequences start with one),
#: DEL, and the line separators and bidirectional controls that reorder what is shown
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe to print on a terminal: every control character shown as an escape, so
    that text from a document can never move the cursor, colour or retitle the terminal."""
    return TERMINAL_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                else f"\\u{ord(m.group()):04x}", text)
