"""Reading the YAML files a sales manager or a deployer edits.

A bad file must be refused with its path and line, never half-loaded.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import yaml


class ConfigError(ValueError):
    """A configuration or data file is missing, malformed or inconsistent."""


def load_yaml(path: Path) -> Any:
    """Parse ``path``; a syntax error becomes a ConfigError naming file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror})") from error
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ConfigError(f"{path}{line}: {problem}") from error


def compose(path: Path) -> Optional[yaml.Node]:
    """The node tree of ``path``, to report the line of a semantically bad value."""
    with open(path, encoding="utf-8") as stream:
        return yaml.compose(stream)


def line_of(path: Path, *keys: Any) -> Optional[int]:
    """1-based line of the value reached by ``keys`` in ``path``; the deepest key found wins."""
    try:
        node = compose(path)
    except (OSError, yaml.YAMLError):
        return None
    if node is None:
        return None
    line = node.start_mark.line + 1
    for key in keys:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def config_error(path: Path, reason: str, *keys: Any) -> ConfigError:
    """A ConfigError for the value at ``keys`` in ``path``, with its line when known."""
    line = line_of(path, *keys)
    where = f"{path}:{line}" if line else str(path)
    return ConfigError(f"{where}: {reason}")
