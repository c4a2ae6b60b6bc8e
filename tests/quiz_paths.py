"""Paths through a quiz's story, for tests that play it (in a browser or with the test client)."""

from __future__ import annotations

from quizzes.kinds.scenario import Choice, Scenario


def best_choices(scenario: Scenario, step_id: str, *, worst: bool = False) -> list[Choice]:
    """The choices along a path from ``step_id`` to a safe ending (or, ``worst``, to a risky one)."""
    wanted = "risky" if worst else "safe"

    def walk(node: str) -> list[Choice] | None:
        if node in scenario.endings:
            return [] if scenario.endings[node].outcome == wanted else None
        for choice in scenario.steps[node].choices:
            rest = walk(choice.next)
            if rest is not None:
                return [choice, *rest]
        return None

    path = walk(step_id)
    assert path is not None, f"no {wanted} ending from {step_id}"
    return path
