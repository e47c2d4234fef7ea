"""One place pins each dependency (pyproject.toml); environment.yml mirrors it exactly."""
import re
import tomllib

import yaml

from conftest import ROOT


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_pins() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    reqs = data["project"]["dependencies"] + data["project"]["optional-dependencies"]["test"]
    pins = {}
    for req in reqs:
        name, version = req.split("==")
        pins[norm(name)] = version.strip()
    return pins


def environment_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for line in dep["pip"]:
                if "==" in line:
                    name, version = line.split("==")
                    pins[norm(name)] = version.strip()
        elif "=" in dep and not dep.startswith(("python=", "nodejs")):
            name, version = dep.split("=", 1)
            pins[norm(name)] = version.strip()
    return pins


def test_every_dependency_is_pinned_exactly():
    for name, version in pyproject_pins().items():
        assert re.fullmatch(r"\d+(\.\d+)*", version), f"{name} is not pinned to one version"


def test_environment_yml_agrees_with_pyproject():
    assert environment_pins() == pyproject_pins()


def test_installed_versions_match_the_pins():
    from importlib.metadata import version

    for name, pinned in pyproject_pins().items():
        assert version(name) == pinned, f"{name}: installed {version(name)}, pinned {pinned}"
