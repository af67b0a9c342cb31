"""KAIROS event types that have a PLOVER counterpart (``data/kairos2plover.tsv``).

The table says, for each such KAIROS type, which PLOVER type and mode it is and which KAIROS roles
play PLOVER's actor and recipient; the file's header explains what was left out and why. It lets us
score our PLOVER events on KAIROS-annotated text (``evals/wikievents.py``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ._text import DictionaryFormatError, read_tsv, split_list


@dataclass(frozen=True, slots=True)
class KairosMapping:
    kairos: str  # e.g. Conflict.Attack.DetonateExplode
    plover: str  # e.g. ASSAULT
    mode: str | None  # e.g. explosives
    actor_roles: tuple[str, ...]
    recipient_roles: tuple[str, ...]

    def side(self, role: str) -> tuple[str, ...]:
        """Which PLOVER sides a KAIROS role plays: ("actor",), ("recipient",), both, or none."""
        return tuple(s for s, roles in (("actor", self.actor_roles), ("recipient", self.recipient_roles))
                     if role in roles)


def load_kairos_map(path: Path | str, text: str | None = None) -> dict[str, KairosMapping]:
    """KAIROS type -> its mapping; a malformed row raises DictionaryFormatError naming file and line."""
    from .events import default_event_ontology

    onto = default_event_ontology()
    out: dict[str, KairosMapping] = {}
    for row in read_tsv(path, text, required=("kairos", "plover", "mode", "actor_roles", "recipient_roles")):
        where = f"{path}:{row.line}"
        kairos, plover, mode = row["kairos"], row["plover"], row["mode"] or None
        if len(kairos.split(".")) != 3 or not all(kairos.split(".")):
            raise DictionaryFormatError(f"{where}: {kairos!r} is not a KAIROS type (Type.Subtype.Subsubtype)")
        if kairos in out:
            raise DictionaryFormatError(f"{where}: {kairos} is listed twice")
        if plover not in onto.types:
            raise DictionaryFormatError(f"{where}: {plover!r} is not a PLOVER type")
        if mode and mode not in onto.modes(plover):
            raise DictionaryFormatError(f"{where}: mode {mode!r} is not a mode of {plover}")
        actors, recipients = split_list(row["actor_roles"]), split_list(row["recipient_roles"])
        if not actors or not recipients:
            raise DictionaryFormatError(f"{where}: {kairos} needs both actor_roles and recipient_roles")
        out[kairos] = KairosMapping(kairos, plover, mode, actors, recipients)
    return out


@functools.cache
def default_kairos_map() -> dict[str, KairosMapping]:
    text = (resources.files("dateline.ontology") / "data" / "kairos2plover.tsv").read_text(encoding="utf-8")
    return load_kairos_map("kairos2plover.tsv", text)
