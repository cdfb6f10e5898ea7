"""The watch on a generated labelled set, through the real path: feeds and pages served over HTTP by a
local server thread, polled, fetched, extracted, deduplicated, linked and classified."""

import pytest

from watch.evaluation.generator import generate
from watch.evaluation.runner import run

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def dataset():
    return generate(seed=11, stories=70, registry_size=200)


def test_targets_are_met_on_a_small_set(dataset):
    result = run(dataset)
    links = result["links"]["all"]
    assert links["f1"] >= 0.90, result["links"]
    assert result["namesake_error_rate"] <= 0.05
    assert result["distinction"]["f1"] >= 0.85, result["distinction"]
    assert result["duplicate_groups"] >= 0.90
    # The obvious first version, exact names anywhere on the page, is far behind.
    assert result["yardstick"]["f1"] < links["f1"] - 0.3
    # Unchanged feeds are answered 304 on the second poll: nothing new is stored.
    assert result["second_poll_new"] == 0
    for language in ("fr", "ar", "en"):
        assert result["links"][f"language:{language}"]["f1"] >= 0.85
