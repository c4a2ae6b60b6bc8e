"""Proofs that a scenario is a sound story, in pure Python.

Every check returns problems rather than raising, so the loader can report
them all with their lines. The graph is steps (choices lead on) and endings
(where paths stop).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    loc: tuple  # a place in the quiz file, e.g. ("steps", 2, "choices", 1, "next")
    message: str
    code: str


@dataclass(frozen=True, slots=True)
class GraphStep:
    id: str
    choices: tuple[tuple[str, int], ...]  # (next, score) per choice


@dataclass(frozen=True, slots=True)
class GraphFacts:
    reachable: frozenset[str]
    on_cycle: frozenset[str]
    best_score: int | None  # None when the graph is unsound
    best_endings: frozenset[str]  # endings reached by some best-scoring path
    steps_to_end: dict[str, int]


def analyse(start: str, steps: list[GraphStep], ending_ids: set[str]) -> GraphFacts:
    by_id = {step.id: step for step in steps}

    reachable: set[str] = set()
    stack = [start]
    while stack:
        node = stack.pop()
        if node in reachable or node not in by_id:
            continue
        reachable.add(node)
        stack.extend(target for target, _ in by_id[node].choices)

    # A step is on a loop when its strongly connected component has more than one
    # step, or it leads to itself (Tarjan's algorithm; endings are sinks).
    index_of: dict[str, int] = {}
    low: dict[str, int] = {}
    stack_nodes: list[str] = []
    on_stack: set[str] = set()
    on_cycle: set[str] = set()

    def connect(node: str) -> None:
        index_of[node] = low[node] = len(index_of)
        stack_nodes.append(node)
        on_stack.add(node)
        for target, _ in by_id[node].choices:
            if target not in by_id:
                continue
            if target not in index_of:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index_of[target])
        if low[node] == index_of[node]:
            component = []
            while True:
                member = stack_nodes.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or any(t == node for t, _ in by_id[node].choices):
                on_cycle.update(component)

    for node in by_id:
        if node not in index_of:
            connect(node)

    sound = (
        start in by_id
        and not on_cycle
        and all(target in by_id or target in ending_ids for step in steps for target, _ in step.choices)
    )
    if not sound:
        return GraphFacts(frozenset(reachable), frozenset(on_cycle), None, frozenset(), {})

    best: dict[str, tuple[int, frozenset[str]]] = {}
    longest: dict[str, int] = {}

    def solve(node: str) -> tuple[int, frozenset[str]]:
        if node in ending_ids:
            return 0, frozenset({node})
        if node not in best:
            options = []
            for target, score in by_id[node].choices:
                below, endings = solve(target)
                options.append((score + below, endings))
            top = max(total for total, _ in options)
            best[node] = (top, frozenset().union(*(e for total, e in options if total == top)))
            longest[node] = 1 + max((longest_from(target) for target, _ in by_id[node].choices), default=0)
        return best[node]

    def longest_from(node: str) -> int:
        if node in ending_ids:
            return 0
        solve(node)
        return longest[node]

    for step in steps:
        solve(step.id)
    top, endings = best[start]
    return GraphFacts(frozenset(reachable), frozenset(), top, endings, dict(longest))


def check_scenario(start: str, steps: list[GraphStep], endings: dict[str, str]) -> list[Problem]:
    """Problems of one scenario; ``endings`` maps ending id to outcome ("safe" | "risky")."""
    problems: list[Problem] = []
    step_ids = {step.id for step in steps}
    if start not in step_ids:
        problems.append(Problem(("start",), f"start '{start}' is not a step", "content.E020"))
    for index, step in enumerate(steps):
        for choice_index, (target, _) in enumerate(step.choices):
            if target not in step_ids and target not in endings:
                problems.append(
                    Problem(
                        ("steps", index, "choices", choice_index, "next"),
                        f"unknown step or ending '{target}'",
                        "content.E020",
                    )
                )
    facts = analyse(start, steps, set(endings))
    if start in step_ids:
        for index, step in enumerate(steps):
            if step.id not in facts.reachable:
                problems.append(
                    Problem(("steps", index, "id"), f"step '{step.id}' cannot be reached from start", "content.E021")
                )
    if start in step_ids:
        targeted = {target for step in steps if step.id in facts.reachable for target, _ in step.choices}
        for index, ending in enumerate(endings):
            if ending not in targeted:
                problems.append(
                    Problem(("endings", index, "id"), f"ending '{ending}' cannot be reached", "content.E021")
                )
    for index, step in enumerate(steps):
        if step.id in facts.on_cycle:
            problems.append(
                Problem(("steps", index, "id"), f"step '{step.id}' is on a loop: a path never ends", "content.E022")
            )
    if facts.best_score is not None and not any(endings[e] == "safe" for e in facts.best_endings):
        problems.append(Problem(("endings",), "the best-scoring path does not end in a 'safe' ending", "content.E023"))
    return problems
