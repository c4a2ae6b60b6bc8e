"""`make audit`: known vulnerabilities in the locked requirements, or a clear "could not check".

    python -m scripts.audit                      # requirements.txt and requirements-dev.txt
    python -m scripts.audit requirements.txt     # one lock file

pip-audit asks a vulnerability service about every pinned version (from the lock file alone:
``--disable-pip``, nothing is installed). Without a network it does not fail: it marks each
package "could not be audited" and exits 0, which reads like a pass. So this counts those and
says plainly that nothing was checked. Exit status: 0 no known vulnerability in any package,
1 vulnerabilities (listed with the versions that fix them), 2 some packages could not be checked.
It needs the network, so `make test` never runs it; operators and CI with network access do.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any

from tools.servers import ROOT

LOCKS = ("requirements.txt", "requirements-dev.txt")


@dataclass
class Verdict:
    lock: str
    checked: int = 0
    vulnerable: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)
    reason: str = ""  # pip-audit's own words for the first package it could not check
    error: str = ""

    @property
    def status(self) -> int:
        if self.vulnerable:
            return 1
        return 2 if self.unchecked or self.error else 0


def verdict(lock: str, report: dict[str, Any]) -> Verdict:
    """What pip-audit's JSON report says about one lock file."""
    result = Verdict(lock)
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            result.unchecked.append(dependency["name"])
            result.reason = result.reason or dependency["skip_reason"]
            continue
        result.checked += 1
        for vulnerability in dependency.get("vulns", []):
            fixes = ", ".join(vulnerability.get("fix_versions") or []) or "no fixed version yet"
            result.vulnerable.append(
                f"{dependency['name']} {dependency['version']}: {vulnerability['id']} (fixed in: {fixes})"
            )
    return result


def audit(lock: str) -> Verdict:
    command = [sys.executable, "-m", "pip_audit", "--requirement", lock, "--disable-pip", "--require-hashes",
               "--progress-spinner", "off", "--format", "json"]  # fmt: skip
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)  # noqa: S603
    try:
        report = json.loads(completed.stdout)
    except ValueError:
        last = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        return Verdict(lock, error=f"pip-audit did not finish: {last}")
    return verdict(lock, report)


def describe(result: Verdict) -> str:
    lines = [f"{result.lock}: {result.checked} package(s) checked"]
    if result.vulnerable:
        lines += [f"  VULNERABLE {line}" for line in result.vulnerable]
    if result.unchecked:
        lines.append(
            f"  NOT CHECKED: {len(result.unchecked)} package(s) ({', '.join(result.unchecked[:5])}"
            f"{', …' if len(result.unchecked) > 5 else ''}): the vulnerability service did not answer for them "
            f"(pip-audit: {result.reason!r}). No network here? Nothing was audited for these packages; "
            "run `make audit` where the network is reachable."
        )
    if result.error:
        lines.append(f"  NOT CHECKED: {result.error}. Is the network reachable?")
    if result.status == 0:
        lines.append("  no known vulnerabilities")
    return "\n".join(lines)


def main(locks: list[str]) -> int:
    results = [audit(lock) for lock in locks or LOCKS]
    for result in results:
        print(describe(result))
    return max(result.status for result in results)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
