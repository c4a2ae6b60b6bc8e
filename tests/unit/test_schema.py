from django.conf import settings

from courses.management.commands.content_schema import schema_documents


def test_committed_json_schema_matches_the_pydantic_models():
    folder = settings.BASE_DIR / "content" / "schema"
    documents = schema_documents()
    committed = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.schema.json")}
    stale = sorted(name for name in documents if committed.get(name) != documents[name])
    assert not stale, f"content/schema/ is stale for {stale}: run `python manage.py content_schema`"
    assert set(committed) == set(documents), "content/schema/ has files no model makes"
