"""Which sales rep gets a hot lead: the first whose filters (language, country, customer type) match."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Optional, Tuple

from leadqual.config import expand_env
from leadqual.yamlfile import config_error, load_yaml


@dataclass(frozen=True)
class Rep:
    id: str
    name: str
    email: Optional[str]
    webhook_url: Optional[str]
    languages: Tuple[str, ...] = ()
    countries: Tuple[str, ...] = ()
    customer_types: Tuple[str, ...] = ()

    def accepts(self, prospect: Mapping[str, Any]) -> bool:
        checks = (
            (self.languages, prospect.get("language")),
            (self.countries, prospect.get("country")),
            (self.customer_types, prospect.get("customer_type")),
        )
        return all(not wanted or value in wanted for wanted, value in checks)

    def public(self) -> dict:
        return {"id": self.id, "name": self.name, "email": self.email}


@dataclass(frozen=True)
class Router:
    reps: Tuple[Rep, ...]
    default: Rep

    def route(self, prospect: Mapping[str, Any]) -> Rep:
        return next((rep for rep in self.reps if rep.accepts(prospect)), self.default)


def load_router(path: Path, fallback_webhook: Optional[str] = None) -> Router:
    raw = expand_env(load_yaml(path))
    if not isinstance(raw, dict) or not isinstance(raw.get("reps"), list) or not raw["reps"]:
        raise config_error(path, "a reps file lists at least one rep under 'reps'")
    reps = []
    for index, spec in enumerate(raw["reps"]):
        if not isinstance(spec, dict) or not spec.get("id"):
            raise config_error(path, f"rep {index + 1} needs an id", "reps", index)
        reps.append(
            Rep(
                id=str(spec["id"]),
                name=str(spec.get("name") or spec["id"]),
                email=spec.get("email") or None,
                webhook_url=spec.get("webhook_url") or fallback_webhook,
                languages=tuple(spec.get("languages") or ()),
                countries=tuple(c.upper() for c in spec.get("countries") or ()),
                customer_types=tuple(spec.get("customer_types") or ()),
            )
        )
    default_id = raw.get("default", reps[0].id)
    default = next((rep for rep in reps if rep.id == default_id), None)
    if default is None:
        raise config_error(path, f"default rep '{default_id}' is not in the list", "default")
    return Router(tuple(reps), default)
