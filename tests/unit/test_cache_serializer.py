"""JSON, not pickle, for values in Redis (security review F4): core.cache.JSONSerializer."""

import pickle

import pytest

from core.cache import JSONSerializer


class Planted:
    """What an attacker with write access to Redis would store: unpickling it runs code."""

    ran = False

    def __reduce__(self):
        return (Planted._run, ())

    @staticmethod
    def _run():
        Planted.ran = True
        return "ran"


def test_a_session_round_trips_and_integers_pass_through_for_incr():
    serializer = JSONSerializer()
    session = {"_auth_user_id": "7", "pause.visitor": "abc", "signed_in_at": 1700000000, "flags": [1, None, True]}
    assert serializer.loads(serializer.dumps(session)) == session
    assert serializer.dumps(5) == 5
    assert serializer.loads(b"5") == 5  # what Redis gives back for a number, after INCR too
    assert serializer.loads(7) == 7


def test_a_pickled_payload_is_refused_and_never_run():
    Planted.ran = False
    payload = pickle.dumps(Planted())
    with pytest.raises(ValueError):  # json's error, or unicode's: both are ValueErrors
        JSONSerializer().loads(payload)
    assert Planted.ran is False
    assert pickle.loads(payload) == "ran"  # noqa: S301 (it really is a payload that runs code)
    assert Planted.ran is True


def test_a_value_json_cannot_hold_is_refused_when_stored_not_silently_changed():
    with pytest.raises(TypeError):
        JSONSerializer().dumps({"when": object()})
