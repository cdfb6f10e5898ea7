"""Records the linkage tests share: three people, one of them in three spellings and scripts."""

import datetime

import pytest

from referential.linkage.factories import SourceFactory, SourceRecordFactory

DOB_A = datetime.date(1984, 3, 12)


@pytest.fixture
def people():
    consulate = SourceFactory(name="Consulate in Paris", trust=5)
    network = SourceFactory(name="Business network", trust=2)
    a = [
        SourceRecordFactory(
            source=consulate,
            given_name="Mohammed",
            family_name="El Amrani",
            birth_date=DOB_A,
            phone="+33612345678",
            email="m.amrani@example.org",
            city="Paris",
            country="FR",
        ),
        SourceRecordFactory(
            source=network,
            given_name="Amrani",
            family_name="Mohamed",
            birth_date=DOB_A,
            phone="+33612345678",
            email="mohamed.amrani@gmail.com",
            city="Paris",
            country="FR",
        ),
        SourceRecordFactory(
            source=network,
            given_name="",
            family_name="",
            name_arabic="محمد العمراني",
            birth_date=DOB_A,
            phone="+33612345678",
            country="FR",
        ),
    ]
    b = [
        SourceRecordFactory(
            source=consulate,
            given_name="Khadija",
            family_name="Bennani",
            birth_date=datetime.date(1990, 7, 1),
            phone="+32470111222",
            email="k.bennani@example.org",
            city="Bruxelles",
            country="BE",
        ),
        SourceRecordFactory(
            source=network,
            given_name="Khadidja",
            family_name="Benani",
            birth_date=datetime.date(1990, 7, 1),
            email="k.bennani@example.org",
            country="BE",
        ),
    ]
    c = [
        SourceRecordFactory(
            source=consulate,
            given_name="Youssef",
            family_name="Tazi",
            birth_date=datetime.date(1975, 5, 5),
            city="Madrid",
            country="ES",
        )
    ]
    return {"a": a, "b": b, "c": c, "consulate": consulate, "network": network}
