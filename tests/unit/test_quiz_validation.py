"""The scenario validator against a brute-force walk of every path, on generated graphs."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.validation import GraphStep, analyse, check_scenario


@st.composite
def graphs(draw):
    step_count = draw(st.integers(1, 6))
    ending_count = draw(st.integers(1, 3))
    steps = [f"s{i}" for i in range(step_count)]
    endings = {f"e{i}": draw(st.sampled_from(["safe", "risky"])) for i in range(ending_count)}
    targets = steps + list(endings) + ["missing"]
    graph = [
        GraphStep(step, tuple(draw(st.sampled_from(targets)) for _ in range(draw(st.integers(2, 3))))) for step in steps
    ]
    return "s0", graph, endings


def brute_force(start, graph, endings):
    """Walk every path from start; returns (paths, loops_found, unknown_targets, reached steps)."""
    by_id = {step.id: step for step in graph}
    paths, loops, unknown, reached = [], False, False, set()

    def walk(node, seen, trail):
        nonlocal loops, unknown
        if node in endings:
            paths.append((trail, node))
            return
        if node not in by_id:
            unknown = True
            return
        reached.add(node)
        if node in seen:
            loops = True
            return
        for target in by_id[node].choices:
            walk(target, seen | {node}, [*trail, node])

    walk(start, frozenset(), [])
    return paths, loops, unknown, reached


def on_any_cycle(graph):
    by_id = {step.id: step for step in graph}

    def reaches(a, b, seen=frozenset()):
        for target in by_id[a].choices:
            if target == b:
                return True
            if target in by_id and target not in seen and reaches(target, b, seen | {target}):
                return True
        return False

    return {step.id for step in graph if reaches(step.id, step.id)}


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_validator_agrees_with_a_brute_force_walk(graph_case):
    start, graph, endings = graph_case
    problems, facts = check_scenario(start, graph, endings)
    assert facts == analyse(start, graph, endings)  # the facts the problems were found from
    paths, loops, unknown, reached = brute_force(start, graph, endings)
    codes = {problem.code for problem in problems}

    assert facts.reachable == reached
    assert facts.on_cycle == on_any_cycle(graph)
    assert ("content.E022" in codes) == bool(on_any_cycle(graph))
    has_unknown_target = any(t not in endings and t not in {s.id for s in graph} for s in graph for t in s.choices)
    assert ("content.E020" in codes) == has_unknown_target
    assert ("content.E021" in codes) == (
        reached != {s.id for s in graph}
        or any(e not in {t for s in graph if s.id in reached for t in s.choices} for e in endings)
    )
    if not codes & {"content.E020", "content.E022"}:
        # Sound graph: every path ends; a step is "safe from" when some path through it ends safe.
        assert not loops
        assert not unknown
        safe_from = {step for trail, ending in paths if endings[ending] == "safe" for step in trail}
        assert facts.safe_from & reached == safe_from
        assert ("content.E023" in codes) == bool(reached - safe_from)
        longest = max(len(trail) for trail, _ in paths)
        assert facts.steps_to_end[start] == longest


def test_a_sound_story_has_no_problems():
    graph = [GraphStep("a", ("b", "bad")), GraphStep("b", ("good", "bad"))]
    assert check_scenario("a", graph, {"good": "safe", "bad": "risky"})[0] == []
    assert analyse("a", graph, {"good": "safe", "bad": "risky"}).steps_to_end == {"a": 2, "b": 1}


def test_a_step_with_no_way_back_to_safety_is_reported():
    graph = [GraphStep("a", ("b", "good")), GraphStep("b", ("bad", "worse"))]
    problems, _ = check_scenario("a", graph, {"good": "safe", "bad": "risky", "worse": "risky"})
    assert [(p.loc, p.code) for p in problems] == [(("steps", 1, "id"), "content.E023")]


def test_a_missing_start_is_reported():
    problems, _ = check_scenario("nope", [GraphStep("a", ("end", "end"))], {"end": "safe"})
    assert [p.code for p in problems][0] == "content.E020"
