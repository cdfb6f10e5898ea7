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
        "covered_tags": [],
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


def test_every_listed_need_counts_even_the_ones_the_taxonomy_does_not_know():
    """A project listing four needs, one of them unknown: a member with the one secondary known skill
    gets a quarter, not full credit, and the reason says "1 of 4"."""
    project = Item(
        id=1,
        user_id=100,
        needs=(
            ("Web", ("web-development",)),
            ("Dattes", ("date-palm",)),
            ("Froid", ("cold-chain",)),
            ("Tbourida", ()),
        ),
        concepts=("web-development", "date-palm", "cold-chain"),
        sectors=("agri-food",),
    )
    web = Item(id=2, user_id=2, concepts=("web-development",), sectors=("software",))
    dates = Item(id=3, user_id=3, concepts=("date-palm", "cold-chain"), sectors=("farming",))
    ranked = rank(project, Candidates.from_items([web, dates]), query_is_project=True, limit=2)
    assert [entry.item.id for entry in ranked] == [3, 2]
    web_reasons = {r["code"]: r for r in ranked[1].reasons}
    assert web_reasons["skills"]["covered"] == ["web-development"] and web_reasons["skills"]["needed"] == 4


def test_the_sector_point_goes_to_the_same_sector_or_its_family_not_to_a_neighbour():
    project = Item(id=1, user_id=100, sectors=("agri-food",))
    same = Item(id=2, user_id=2, sectors=("agri-food",))
    family = Item(id=3, user_id=3, sectors=("agriculture",))
    sibling = Item(id=4, user_id=4, sectors=("farming",))
    other = Item(id=5, user_id=5, sectors=("water",))
    from matching.engine import factors

    sector = factors(project, Candidates.from_items([same, family, sibling, other]), query_is_project=True)[
        "sector"
    ]
    assert sector[0] == sector[1] == 1.0 and 0 < sector[2] < 1 and sector[3] == 0.0


def test_darija_and_arabic_speakers_understand_each_other():
    from matching.engine import factors

    project = Item(id=1, user_id=100, languages=("ary",))
    arabic = Item(id=2, user_id=2, languages=("ar",))
    german = Item(id=3, user_id=3, languages=("de",))
    languages = factors(project, Candidates.from_items([arabic, german]), query_is_project=True)["languages"]
    assert list(languages) == [1.0, 0.0]


def test_centring_removes_what_texts_of_one_language_share():
    """Texts in two languages whose vectors each share a strong language direction: raw, an unrelated
    text in the same language is closer than the same topic in the other language; centred, the topic
    decides."""
    from matching.engine import Centring

    rng = np.random.default_rng(3)
    french, arabic = _vector(10), _vector(11)
    topics = [_vector(20 + i) for i in range(6)]
    n = 1200  # enough texts per language for the pool's means to outweigh the shipped ones
    languages = np.array([i % 2 for i in range(n)], dtype=np.int8)  # 0 fr, 1 ar
    vectors = np.vstack(
        [0.8 * (french if i % 2 == 0 else arabic) + 0.4 * topics[(i // 2) % 6] for i in range(n)]
    ).astype(np.float32)
    vectors += 0.002 * rng.standard_normal(vectors.shape).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    everyone = np.ones(n, dtype=bool)
    centred = Centring(vectors, languages, everyone, reference={}).apply_rows(vectors, languages, everyone)
    # row 0: fr, topic 0; row 1: ar, topic 0; row 2: fr, topic 1
    assert vectors[0] @ vectors[2] > vectors[0] @ vectors[1]
    assert centred[0] @ centred[1] > centred[0] @ centred[2] + 0.5


def test_cosines_across_languages_are_expanded_by_the_shipped_compression_only():
    """A member who wrote in Arabic, whose text is as close to a French project as a French member's,
    is no longer ranked below them: e5 compresses cross-language similarity, and the engine divides it
    by the compression measured on the taxonomy's names. Within a language, with the language unknown
    or on raw vectors, nothing changes."""
    from matching.engine import Centring, cross_language_expansion, factors

    table = cross_language_expansion()
    assert np.allclose(np.diag(table), 1.0) and np.allclose(table, table.T)
    assert (table[:3, :3][~np.eye(3, dtype=bool)] > 1.05).all()  # the shipped file covers fr/ar/en
    assert (table[3] == 1.0).all()  # a text whose language is not told

    project_vector = _vector(1)
    other = _vector(2) - (_vector(2) @ project_vector) * project_vector
    other /= np.linalg.norm(other)

    def semantic(cosine, centring):
        member_vector = cosine * project_vector + np.sqrt(1 - cosine**2) * other
        project = Item(id=1, user_id=100, vector=project_vector, language="fr")
        members = [
            Item(id=pk, user_id=pk, vector=member_vector, language=language)
            for pk, language in ((2, "fr"), (3, "ar"), (4, "en"), (5, ""))
        ]
        candidates = Candidates.from_items(members, centring=centring)
        return factors(project, candidates, query_is_project=True, query_vector=project_vector)["semantic"]

    centred = Centring.identity()  # zero means: the cosines stay as built, in the centred band
    centred.band, centred.expands = Centring.band, True
    french, arabic, english, unknown = semantic(0.3, centred)
    assert arabic > english > french > 0 and unknown == french
    raw = semantic(0.86, Centring.identity())  # raw cosines sit in another band: left as they are
    assert len(set(raw.tolist())) == 1 and raw[0] > 0
