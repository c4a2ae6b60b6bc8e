"""Where an attempt stood when its question was shown, signed into the answer form.

Answering is the busiest write in the app, so recording an answer reads
nothing first: the question page signs the attempt's place (which attempt, how
many stations it had answered, which item and step), and
:func:`quizzes.services.quiz_attempt_answer` moves the attempt on only if it
is still exactly there and still the reader's own, in one guarded update in
the same transaction as the response. The signature stops a made-up place;
the guard stops a stale, replayed or borrowed one. No score is carried: a
question page shows none.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing

from .models import QuizAttempt

SALT = "quizzes.station"


@dataclass(frozen=True, slots=True)
class Station:
    attempt_id: int
    public_id: str
    content_hash: str
    number: int  # stations the attempt had answered: 0 for the first question
    item_index: int
    step_id: str  # "" unless the item is a scenario

    @classmethod
    def of(cls, attempt: QuizAttempt) -> Station:
        return cls(
            attempt.pk,
            str(attempt.public_id),
            attempt.content_hash,
            attempt.answered,
            attempt.item_index,
            attempt.step_id,
        )

    def signed(self) -> str:
        fields = [self.attempt_id, self.public_id, self.content_hash, self.number, self.item_index, self.step_id]
        return signing.dumps(fields, salt=SALT)

    @classmethod
    def from_signed(cls, value: str) -> Station | None:
        """The station a form carried, or None when it is missing or was not signed here."""
        try:
            fields = signing.loads(value, salt=SALT)
        except signing.BadSignature:
            return None
        types = (int, str, str, int, int, str)
        if not isinstance(fields, list) or [type(f) for f in fields] != list(types):
            return None
        return cls(*fields)
