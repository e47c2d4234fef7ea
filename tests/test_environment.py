"""Versions: compatible ranges in pyproject.toml, exact pins once in constraints.txt, and
environment.yml (conda, Binder) carrying the same exact versions; the three must agree."""
import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from conftest import ROOT


def requirements() -> dict[str, Requirement]:
    """Every dependency pyproject.toml declares (the package's and every extra's)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs.extend(extra)
    parsed = [Requirement(r) for r in reqs]
    return {canonicalize_name(r.name): r for r in parsed}


def constraints() -> dict[str, str]:
    pins = {}
    for n, line in enumerate((ROOT / "constraints.txt").read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([0-9][^\s;]*)", line)
        assert m, f"constraints.txt:{n}: {line!r} is not NAME==VERSION"
        name = canonicalize_name(m.group(1))
        assert name not in pins, f"constraints.txt:{n}: {name} pinned twice"
        pins[name] = m.group(2)
    return pins


def environment_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for line in dep["pip"]:
                name, version = line.split("==")
                pins[canonicalize_name(name)] = version.strip()
        elif "=" in dep and not dep.startswith(("python=", "nodejs")):
            name, version = dep.split("=", 1)
            pins[canonicalize_name(name)] = version.strip()
    return pins


def test_pyproject_gives_compatible_ranges_not_exact_pins():
    for name, req in requirements().items():
        ops = {s.operator for s in req.specifier}
        assert "==" not in ops and "===" not in ops, f"{name}: exact pin belongs in constraints.txt"
        assert ">=" in ops and "<" in ops, f"{name}: give a range with a lower and an upper bound"


def test_constraints_pin_every_dependency_inside_its_range():
    pins = constraints()
    for name, req in requirements().items():
        assert name in pins, f"{name} is missing from constraints.txt"
        assert req.specifier.contains(Version(pins[name]), prereleases=True), (
            f"constraints.txt pins {name}=={pins[name]}, outside pyproject.toml's {req.specifier}")


def test_environment_yml_carries_the_exact_versions_of_constraints():
    pins, env = constraints(), environment_pins()
    assert set(env) == set(requirements()), "environment.yml must list exactly pyproject's packages"
    for name, version in env.items():
        assert pins.get(name) == version, f"environment.yml: {name}={version}, constraints.txt: {pins.get(name)}"


def test_makefile_installs_from_the_constraints_file():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"pip install .*-c constraints\.txt", makefile)


def test_installed_versions_match_the_pins():
    from importlib.metadata import version

    pins = constraints()
    for name in requirements():
        assert version(name) == pins[name], f"{name}: installed {version(name)}, pinned {pins[name]}"


# Imported by widgets/ only for an optional job, with a message naming the extra to install.
OPTIONAL_IMPORTS = {"playwright": "test"}  # widgets/handouts/pdf.py prints PDFs in Chromium


def test_every_package_the_course_imports_is_a_dependency_not_only_an_extra():
    """``pip install .`` (no extras) is enough for check, notebooks, handouts and
    clean-notebooks: every third-party module widgets/ imports is a main dependency."""
    import ast
    import sys
    from importlib.metadata import packages_distributions

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    main = {canonicalize_name(Requirement(r).name) for r in project["dependencies"]}
    dists = packages_distributions()
    missing = {}
    for path in sorted((ROOT / "widgets").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "widgets" or top in OPTIONAL_IMPORTS:
                    continue
                owners = {canonicalize_name(d) for d in dists.get(top, [])}
                if not owners & main and not _provided_by_a_dependency(owners, main):
                    missing.setdefault(top, path.relative_to(ROOT).as_posix())
    assert not missing, f"imported but not a main dependency: {missing}"


def _provided_by_a_dependency(owners: set[str], main: set[str]) -> bool:
    """A module from a package that a main dependency itself requires (e.g. markupsafe via
    Jinja2, IPython via ipykernel) is installed whenever the course is."""
    from importlib.metadata import requires

    for dep in main:
        for line in requires(dep) or []:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                if canonicalize_name(req.name) in owners:
                    return True
    return False
