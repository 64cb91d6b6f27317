"""The core must stay usable without Rasa: actions and addons depend on it, never the reverse."""
import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "leadqual"
FORBIDDEN = ("rasa", "rasa_sdk", "sanic", "actions", "addons")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_no_core_module_imports_rasa_or_the_adapters():
    offenders = [
        f"{path.relative_to(CORE.parent)} imports {module}"
        for path in CORE.rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_the_core_package_has_modules_to_check():
    assert len(list(CORE.rglob("*.py"))) >= 10
