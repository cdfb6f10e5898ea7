"""The score itself, without the database: each factor counts, exclusions hold, reasons say why."""

import numpy as np

from matching.engine import WEIGHTS, Candidates, Item, pair_score, rank


def _vector(seed):
    rng = np.random.default_rng(seed)
    vector = rng.standard_normal(384).astype(np.float32)
    return vector / np.linalg.norm(vector)


PROJECT = Item(
    id=1,
    user_id=100,
    vector=_vector(1),
    concepts=("web-development", "digital-marketing"),
    sectors=("digital",),
    languages=("ar", "fr"),
    offers=("expertise",),
    country="FR",
    region="souss-massa",
)


def test_weights_add_up_to_one():
    assert abs(sum(WEIGHTS.values()) - 1) < 1e-9


def _member(pk, **fields):
    defaults = {"concepts": ("cardiology",), "sectors": ("health",), "languages": ("en",)}
    return Item(id=pk, user_id=pk, **{**defaults, **fields})


def test_each_factor_raises_the_score():
    base = _member(10)
    better = {
        "skills": _member(11, concepts=("web-development",)),
        "semantic": _member(12, vector=_vector(1)),
        "sector": _member(13, sectors=("digital",)),
        "languages": _member(14, languages=("ar",)),
        "help": _member(15, offers=("expertise",)),
        "origin": _member(16, region="souss-massa"),
        "country": _member(17, country="FR"),
        "availability": _member(18, availability="mission"),
        "label": _member(19, labelled=True),
    }
    base_score, _reasons = pair_score(PROJECT, base)
    for factor, item in better.items():
        score, reasons = pair_score(PROJECT, item)
        assert score > base_score, factor
        assert factor in [reason["code"] for reason in reasons], factor


def test_rank_orders_excludes_and_never_returns_the_holder():
    items = [
        Item(id=1, user_id=1, concepts=("web-development", "digital-marketing"), sectors=("digital",)),
        Item(id=2, user_id=2, concepts=("web-development",), sectors=("digital",)),
        Item(id=3, user_id=3, concepts=("cardiology",), sectors=("health",)),
        Item(id=4, user_id=100, concepts=("web-development", "digital-marketing"), sectors=("digital",)),
        Item(id=5, user_id=5, concepts=("web-development", "digital-marketing"), sectors=("digital",)),
    ]
    candidates = Candidates.from_items(items)
    ranked = rank(PROJECT, candidates, query_is_project=True, limit=10, exclude_ids={5}, exclude_user_ids={3})
    assert [entry.item.id for entry in ranked] == [1, 2]
    assert ranked[0].reasons[0] == {
        "code": "skills",
        "covered": ["web-development", "digital-marketing"],
        "needed": 2,
    }


def test_projects_are_ranked_for_a_competence_by_the_share_of_their_needs_it_covers():
    member = Item(id=9, user_id=9, concepts=("web-development",), sectors=("digital",))
    projects = Candidates.from_items(
        [
            Item(id=1, user_id=1, concepts=("web-development", "cardiology", "export"), sectors=("digital",)),
            Item(id=2, user_id=2, concepts=("web-development",), sectors=("digital",)),
            Item(id=3, user_id=3, concepts=("export",), sectors=("trade",)),
        ]
    )
    ranked = rank(member, projects, query_is_project=False, limit=3)
    assert [entry.item.id for entry in ranked] == [2, 1, 3]
