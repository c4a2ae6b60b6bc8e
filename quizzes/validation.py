"""Proofs that a scenario is a sound story, in pure Python.

Every check returns problems rather than raising, so the loader can report
them all with their lines. The graph is steps (choices lead on) and endings
(where paths stop).
"""

from __future__ import annotations

from dataclasses import dataclass

from courses.errors import Code


@dataclass(frozen=True, slots=True)
class Problem:
    loc: tuple[str | int, ...]  # a place in the quiz file, e.g. ("steps", 2, "choices", 1, "next")
    message: str
    code: Code


@dataclass(frozen=True, slots=True)
class GraphStep:
    id: str
    choices: tuple[str, ...]  # where each choice leads: a step id or an ending id


@dataclass(frozen=True, slots=True)
class GraphFacts:
    reachable: frozenset[str]
    on_cycle: frozenset[str]
    sound: bool  # every target exists, start is a step, no loop
    safe_from: frozenset[str]  # steps from which some path still reaches a safe ending
    steps_to_end: dict[str, int]


def analyse(start: str, steps: list[GraphStep], endings: dict[str, str]) -> GraphFacts:
    """Facts about a story's graph; ``endings`` maps ending id to outcome ("safe" | "risky")."""
    by_id = {step.id: step for step in steps}

    reachable: set[str] = set()
    stack = [start]
    while stack:
        node = stack.pop()
        if node in reachable or node not in by_id:
            continue
        reachable.add(node)
        stack.extend(by_id[node].choices)

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
        for target in by_id[node].choices:
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
            if len(component) > 1 or node in by_id[node].choices:
                on_cycle.update(component)

    for node in by_id:
        if node not in index_of:
            connect(node)

    sound = (
        start in by_id
        and not on_cycle
        and all(target in by_id or target in endings for step in steps for target in step.choices)
    )
    if not sound:
        return GraphFacts(frozenset(reachable), frozenset(on_cycle), False, frozenset(), {})

    safe: dict[str, bool] = {}
    longest: dict[str, int] = {}

    def solve(node: str) -> tuple[bool, int]:
        """Whether a safe ending can still be reached from ``node``, and the most steps left."""
        if node in endings:
            return endings[node] == "safe", 0
        if node not in safe:
            below = [solve(target) for target in by_id[node].choices]
            safe[node] = any(reaches for reaches, _ in below)
            longest[node] = 1 + max((steps for _, steps in below), default=0)
        return safe[node], longest[node]

    for step in steps:
        solve(step.id)
    return GraphFacts(
        frozenset(reachable), frozenset(), True, frozenset(node for node, ok in safe.items() if ok), dict(longest)
    )


def check_scenario(start: str, steps: list[GraphStep], endings: dict[str, str]) -> tuple[list[Problem], GraphFacts]:
    """Problems of one scenario, and the facts they were found from (the graph is analysed once).

    ``endings`` maps ending id to outcome ("safe" | "risky").
    """
    problems: list[Problem] = []
    step_ids = {step.id for step in steps}
    if start not in step_ids:
        problems.append(Problem(("start",), f"start '{start}' is not a step", Code.UNKNOWN_NEXT))
    for index, step in enumerate(steps):
        for choice_index, target in enumerate(step.choices):
            if target not in step_ids and target not in endings:
                problems.append(
                    Problem(
                        ("steps", index, "choices", choice_index, "next"),
                        f"unknown step or ending '{target}'",
                        Code.UNKNOWN_NEXT,
                    )
                )
    facts = analyse(start, steps, endings)
    if start in step_ids:
        for index, step in enumerate(steps):
            if step.id not in facts.reachable:
                problems.append(
                    Problem(
                        ("steps", index, "id"), f"step '{step.id}' cannot be reached from start", Code.UNREACHABLE_STEP
                    )
                )
        targeted = {target for step in steps if step.id in facts.reachable for target in step.choices}
        for index, ending in enumerate(endings):
            if ending not in targeted:
                problems.append(
                    Problem(("endings", index, "id"), f"ending '{ending}' cannot be reached", Code.UNREACHABLE_STEP)
                )
    for index, step in enumerate(steps):
        if step.id in facts.on_cycle:
            problems.append(
                Problem(("steps", index, "id"), f"step '{step.id}' is on a loop: a path never ends", Code.ENDLESS_PATH)
            )
    if facts.sound:
        for index, step in enumerate(steps):
            if step.id in facts.reachable and step.id not in facts.safe_from:
                problems.append(
                    Problem(
                        ("steps", index, "id"),
                        f"from step '{step.id}' no choice leads to a safe ending: in a story it is never too late",
                        Code.NO_SAFE_ENDING,
                    )
                )
    return problems, facts
