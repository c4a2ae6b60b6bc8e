"""Taking the fixture course's quiz through Django's test client, as the quiz tests do."""

from quizzes.models import QuizAttempt

QUIZ = "/modules/alpha/quiz/"


def start(client):
    assert client.post(QUIZ + "start/").status_code == 302
    return QuizAttempt.objects.latest("pk")


def form_of(client):
    """The current question's page, its hidden fields, and its options and (an ordering's) steps by the text
    the page shows: each step's value is what the page sends for it in the list's ``order`` fields."""
    page = client.get(QUIZ)
    assert page.status_code == 200
    place, form = page.context["place"], page.context["form"]
    fields = {name: str(value) for name, value in place.initial.items()}
    choice = form.fields.get("choice")
    options = {text: value for value, text in choice.choices} if choice else {}
    steps = {text: str(n) for n, (_, text) in enumerate(form.options, start=1)} if "order" in form.fields else {}
    return page.content.decode(), fields, options, steps


def answer(client, **choice):
    html, fields, options, steps = form_of(client)
    data = dict(fields)
    for text in choice.get("pick", []):
        data.setdefault("choice", [])
        data["choice"].append(options[text])
    if "places" in choice:  # an ordering: the steps as the list would send them, first place first
        data["order"] = [steps[text] for text, _ in sorted(choice["places"].items(), key=lambda pair: pair[1])]
    if "order" in choice:  # what the list sends, as is
        data["order"] = choice["order"]
    if "value" in choice:
        data["choice"] = choice["value"]
    return client.post(QUIZ + "answer/", data), data


def play_best(client):
    answer(client, pick=["Ignore it"])
    answer(client, pick=["Tell a trusted adult"])
    answer(client, pick=["Reversible"])
    answer(client, pick=["Asking again and again", "Guilt trips"])
    answer(client, value="false")
    answer(client, places={"Stop replying": 1, "Keep evidence": 2, "Report it": 3})
    return answer(client)  # the reflection: nothing is sent
