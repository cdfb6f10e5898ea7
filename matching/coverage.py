"""How much of what members type the taxonomy understands: the share of tags mapped to a concept."""

import json
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent / "data" / "coverage_sample.json"


@dataclass
class Coverage:
    total: int = 0
    mapped: int = 0
    missed: list = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.mapped / self.total if self.total else 0.0


def load_sample(path=SAMPLE) -> dict:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {split: value for split, value in data.items() if isinstance(value, dict)}


def coverage(index, languages: dict[str, list[str]]) -> dict[str, Coverage]:
    """Per language: how many tags of the sample name at least one concept (no embedding involved)."""
    result = {}
    for language, tags in languages.items():
        figure = Coverage(total=len(tags))
        for tag in tags:
            if index.tag_concepts(tag):
                figure.mapped += 1
            else:
                figure.missed.append(tag)
        result[language] = figure
    return result
