"""`make audit` (scripts/audit.py) reads pip-audit's report: a package it could not check is never a pass."""

from scripts.audit import describe, verdict


def test_no_network_is_reported_as_not_checked_never_as_clean():
    report = {
        "dependencies": [
            {"name": "django", "skip_reason": "Dependency not found on PyPI and could not be audited: django (5.2.19)"},
            {"name": "nh3", "skip_reason": "Dependency not found on PyPI and could not be audited: nh3 (0.3.8)"},
        ]
    }
    result = verdict("requirements.txt", report)
    assert result.status == 2
    text = describe(result)
    assert "NOT CHECKED: 2 package(s) (django, nh3)" in text
    assert "No network here?" in text
    assert "no known vulnerabilities" not in text


def test_a_vulnerability_is_listed_with_its_fix():
    report = {
        "dependencies": [
            {"name": "django", "version": "5.2.1", "vulns": [{"id": "PYSEC-2026-1", "fix_versions": ["5.2.2"]}]},
            {"name": "nh3", "version": "0.3.8", "vulns": []},
        ]
    }
    result = verdict("requirements.txt", report)
    assert result.status == 1
    assert result.checked == 2
    assert "VULNERABLE django 5.2.1: PYSEC-2026-1 (fixed in: 5.2.2)" in describe(result)


def test_every_package_checked_and_clean_passes():
    report = {"dependencies": [{"name": "nh3", "version": "0.3.8", "vulns": []}]}
    result = verdict("requirements.txt", report)
    assert result.status == 0
    assert "no known vulnerabilities" in describe(result)
