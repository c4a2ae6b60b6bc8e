"""Many threads answer the same quiz question at once; prints what the database kept, as JSON.

Run by tests/integration/test_quiz_concurrency.py in a fresh process against a
fresh database (a SQLite file, or a PostgreSQL database), so that each thread
has its own real connection:

    DATABASE_URL=... PAUSE_CONTENT_DIR=tests/fixtures/content/valid python tests/concurrency_probe.py MODE THREADS

MODE is "same-key" (a double click or replayed POST: one key) or "new-keys"
(two tabs: each thread renders its own key).
"""

import json
import os
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from quizzes import services  # noqa: E402
from quizzes.models import QuizAttempt, QuizResponse  # noqa: E402
from quizzes.registry import get_quiz  # noqa: E402


def main(mode: str, threads: int) -> None:
    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_user("racer")
    quiz = get_quiz("alpha")
    assert quiz is not None
    attempt = services.quiz_attempt_start(user=user, session=None, quiz=quiz)
    position = attempt.answered  # every thread answers the first question, as its page showed it
    connection.close()
    barrier = threading.Barrier(threads)
    outcomes: list[str] = []

    def answer(n: int) -> None:
        key = "one-key-for-every-thread" if mode == "same-key" else f"key-of-thread-{n}"
        barrier.wait()
        try:
            _, created = services.quiz_attempt_answer(
                attempt=attempt, quiz=quiz, position=position, key=key, answer={"choice": "ignore"}
            )
            outcomes.append("created" if created else "duplicate")
        except services.SubmissionRefused:
            outcomes.append("refused")
        except Exception as exc:  # noqa: BLE001 (any other failure is what the test looks for)
            outcomes.append(f"error: {type(exc).__name__}: {exc}")
        finally:
            connection.close()

    workers = [threading.Thread(target=answer, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    attempt.refresh_from_db()
    print(
        json.dumps(
            {
                "responses": QuizResponse.objects.count(),
                "answered": attempt.answered,
                "score": attempt.score,
                "outcomes": sorted(outcomes),
                "attempts": QuizAttempt.objects.count(),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
