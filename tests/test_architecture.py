"""The floors of DESIGN.md hold: import contracts (pyproject.toml) and templates of lower floors.

Apps import only from their own floor or below, edge apps never import each other, nothing imports the
wiring package; a core or community template never loads an edge app's tag library (edge apps reach those
pages through core.registry slots and menus).
"""

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
FLOORS = next(c for c in CONFIG["contracts"] if c["type"] == "layers")["layers"]
# Between the wiring (top) and the floor of the community core: the edge and back-office apps; from the
# community core down: the lower floors.
_COMMUNITY_FLOOR = next(i for i, layer in enumerate(FLOORS) if "community" in re.split(r"[|:\s]+", layer))
EDGE_APPS = [name.strip() for layer in FLOORS[1:_COMMUNITY_FLOOR] for name in re.split(r"[|:]", layer)]
LOWER_APPS = [name.strip() for layer in FLOORS[_COMMUNITY_FLOOR:] for name in re.split(r"[|:]", layer)]


def _lint_imports(cwd):
    env = {**os.environ, "PYTHONPATH": f"{cwd}:{cwd / 'site'}"}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True)


def test_the_import_contracts_hold():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_a_forbidden_import_breaks_the_contracts(tmp_path):
    """The same contracts on a copy of the code where the community core imports an edge app."""
    keep = shutil.ignore_patterns("__pycache__", "locale", "static", "templates", "data", "*.json")
    for package in CONFIG["root_packages"]:
        source = ROOT / "site" / package if package == "kafaat" else ROOT / package
        target = tmp_path / "site" / package if package == "kafaat" else tmp_path / package
        shutil.copytree(source, target, ignore=keep)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    assert _lint_imports(tmp_path).returncode == 0

    forbidden = tmp_path / "community" / "profiles" / "selectors.py"
    forbidden.write_text(forbidden.read_text() + f"\nimport {EDGE_APPS[0]}.selectors  # noqa\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert f"community.profiles.selectors -> {EDGE_APPS[0]}.selectors" in result.stdout


def _tag_libraries(app):
    return {path.stem for path in (ROOT / app).rglob("templatetags/*.py") if path.stem != "__init__"}


def test_lower_floor_templates_load_no_edge_tag_library():
    edge_libraries = {name: app for app in EDGE_APPS for name in _tag_libraries(app)}
    assert edge_libraries, "edge apps define tag libraries; the scan must know them"
    offenders = []
    for app in [*LOWER_APPS, "themes"]:
        for template in (ROOT / app).rglob("templates/**/*.html"):
            for match in re.finditer(r"{%\s*load\s+([^%]+?)\s*%}", template.read_text()):
                for library in match.group(1).split():
                    if library in edge_libraries:
                        where = template.relative_to(ROOT)
                        offenders.append(f"{where} loads {library} ({edge_libraries[library]})")
    assert offenders == []


def _function_level_imports_without_reason(package: Path):
    """Imports inside functions with no comment on their line or on the comment line above their block."""
    found = []
    for path in package.rglob("*.py"):
        if {"migrations", "tests"} & set(path.parts):
            continue
        lines = path.read_text().splitlines()
        for function in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.Import | ast.ImportFrom):
                    continue
                index = node.lineno - 1
                above = index - 1
                while (
                    above >= 0
                    and lines[above].strip().startswith(("from ", "import "))
                    and "#" not in lines[above]
                ):
                    above -= 1
                explained = "#" in lines[index] or (
                    above >= 0
                    and "#" in lines[above]
                    and (
                        lines[above].strip().startswith("#")
                        or lines[above].strip().startswith(("from ", "import "))
                    )
                )
                if not explained:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {lines[index].strip()}")
    return found


def test_imports_inside_functions_say_why():
    """Issue 11: an import is placed in a function only for a real cycle (Celery, app loading) or a heavy
    optional library, and says so in a comment; everything else sits at the top of its module."""
    offenders = []
    for package in CONFIG["root_packages"]:
        offenders += _function_level_imports_without_reason(
            ROOT / "site" / package if package == "kafaat" else ROOT / package
        )
    assert offenders == [], "\n".join(offenders)
