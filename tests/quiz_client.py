"""Taking the fixture course's quiz through Django's test client, as the quiz tests do."""

from quizzes.models import QuizAttempt

QUIZ = "/modules/alpha/quiz/"


def start(client):
    assert client.post(QUIZ + "start/").status_code == 302
    return QuizAttempt.objects.latest("pk")


def form_of(client):
    """The current question's page, its hidden fields, and its options and places by the text the page shows."""
    page = client.get(QUIZ)
    assert page.status_code == 200
    place, form = page.context["place"], page.context["form"]
    fields = {name: str(value) for name, value in place.initial.items()}
    choice = form.fields.get("choice")
    options = {text: value for value, text in choice.choices} if choice else {}
    selects = {field.label: name for name, field in form.fields.items() if name.startswith("place_")}
    return page.content.decode(), fields, options, selects


def answer(client, **choice):
    html, fields, options, selects = form_of(client)
    data = dict(fields)
    for text in choice.get("pick", []):
        data.setdefault("choice", [])
        data["choice"].append(options[text])
    for text, place in choice.get("places", {}).items():
        data[selects[text]] = str(place)
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
