import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from courses.schemas import SCHEMAS


def schema_documents() -> dict[str, str]:
    """File name -> JSON text, for every content format."""
    documents = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        documents[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return documents


class Command(BaseCommand):
    help = "Write the JSON Schema of every content format into content/schema/."
    requires_system_checks = []  # the schema is what an author needs to fix broken content

    def handle(self, *args, **options):
        target = Path(settings.PAUSE_CONTENT_DIR) / "schema"
        target.mkdir(parents=True, exist_ok=True)
        for file_name, text in schema_documents().items():
            (target / file_name).write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {target / file_name}")
