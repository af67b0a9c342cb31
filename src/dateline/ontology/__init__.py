"""Dictionaries that give actors their CAMEO codes.

* :mod:`.countries` - ISO 3166 countries with the names, demonyms and
  capitals English news uses (``default_countries()``).
* :mod:`.actors` - known people and organisations with country, sector,
  role and the period the role held (``default_actors()``).
* :mod:`.agents` - generic agent nouns ("spokesperson", "troops") and the
  sector they imply (``default_agents()``).
* :mod:`.petrarch` - readers for PETRARCH/TABARI ``.actors`` and
  ``.agents`` files.
* :mod:`.phoenix` - the PETRARCH-2 / Phoenix dictionaries (``data/petrarch2/``,
  MIT) as the base layer under Dateline's actors, agents and (when switched
  on) verbs; :mod:`.discards` - their list of phrases not to code.

The shipped data lives in ``data/*.tsv`` (plain UTF-8, tab-separated, with
a ``#`` header describing the columns); users can load their own files in
the same format and merge them with the defaults. Nothing is read until a
``default_*()`` or ``load_*()`` function is called.
"""

from .actors import ActorDictionary, ActorEntry, default_actors, load_actors
from .agents import AgentDictionary, AgentEntry, AgentMatch, default_agents, load_agents
from .countries import Country, CountryIndex, default_countries, load_countries
from .petrarch import load_petrarch_actors, load_petrarch_agents

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "AgentDictionary",
    "AgentEntry",
    "AgentMatch",
    "Country",
    "CountryIndex",
    "default_actors",
    "default_agents",
    "default_countries",
    "load_actors",
    "load_agents",
    "load_countries",
    "load_petrarch_actors",
    "load_petrarch_agents",
]
