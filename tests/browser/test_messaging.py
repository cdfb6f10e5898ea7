"""Two members in two Chromium pages: live messages, a dropped connection, catch-up exactly once.

Django's live_server speaks WSGI only, so the site's ASGI application (HTTP and websockets) is
served by uvicorn in a thread of the test process, over the live_server's database set-up.
"""

import asyncio
import gc
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from asgiref.sync import sync_to_async

from django.db import connections

from accounts.factories import UserFactory
from community.messaging import services
from tests.browser.helpers import log_in

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def asgi_server(live_server):
    import uvicorn

    from kafaat.asgi import application

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            application,
            host="127.0.0.1",
            port=port,
            lifespan="off",
            log_level="warning",
            ws="websockets-sansio",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    from community.messaging.consumers import db_pool_close_connections

    # Close what the server's threads hold so that the test database can be dropped: the socket
    # pool, and asgiref's single thread for thread-sensitive work (views, session lookups).
    db_pool_close_connections()
    closer = threading.Thread(target=lambda: asyncio.run(sync_to_async(connections.close_all)()))
    closer.start()
    closer.join(timeout=10)
    gc.collect()  # per-request threads (ThreadSensitiveContext) are gone; their connections close now


def _off_loop(function, **kwargs):
    """Playwright's loop runs in the test thread; services that fan out (async_to_sync) run beside it."""

    def call():
        try:
            return function(**kwargs)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result()


def _edit(conversation, seq, body):
    message = conversation.messages.get(seq=seq)
    services.message_edit(user=message.sender, message=message, body=body)


def _send(page, text):
    page.fill("#id_body", text)
    page.locator("#composer button[type='submit']").click()


def _bodies(page):
    return page.eval_on_selector_all(
        "#message-list li[data-seq] .message__body", "nodes => nodes.map(n => n.textContent)"
    )


def test_two_members_chat_live_and_catch_up_after_losing_the_connection(browser, asgi_server):
    amina = UserFactory(email="amina@example.org", first_name="Amina", last_name="Idrissi")
    karim = UserFactory(email="karim@example.org", first_name="Karim", last_name="Benali")
    conversation = _off_loop(
        services.direct_conversation_open, initiator=amina, other=karim, text="Salam Karim"
    )
    url = asgi_server + conversation.get_absolute_url()
    a_context, k_context = browser.new_context(), browser.new_context()
    a_page, k_page = a_context.new_page(), k_context.new_page()
    for page, user in ((a_page, amina), (k_page, karim)):
        page.set_default_timeout(15_000)
        log_in(page, asgi_server, user.email)
        page.goto(url)
        page.wait_for_function(
            "() => window.kafaatMessagingSocket && window.kafaatMessagingSocket.readyState === 1"
        )

    # Live, both ways; the sent text leaves the box only once the server numbered it.
    _send(a_page, "Tu viens à la rencontre de Lyon ?")
    k_page.wait_for_selector("text=Tu viens à la rencontre de Lyon ?")
    assert a_page.input_value("#id_body") == ""
    _send(k_page, "Oui, voici le lien https://kafaat.example/fr/events/")
    a_page.wait_for_selector("#message-list a[href='https://kafaat.example/fr/events/']")
    # Live messages carry their sender's face as the server-rendered ones do: Karim's first message on
    # Amina's page is drawn from the payload (his initial), Amina's reuses the face Karim's page shows.
    for page, text, initial in (
        (a_page, "Oui, voici le lien", "K"),
        (k_page, "Tu viens à la rencontre", "A"),
    ):
        face = page.locator("#message-list li", has_text=text).locator(".avatar[aria-hidden='true']")
        assert face.inner_text() == initial

    # Script in a message: shown as text on the other page, never run.
    _send(a_page, '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>')
    k_page.wait_for_selector("text=<script>window.pwned=2</script>")
    assert k_page.evaluate("() => window.pwned") is None
    assert k_page.locator("#message-list img").count() == 0

    # Karim loses the connection; Amina writes twice meanwhile.
    k_context.set_offline(True)
    k_page.evaluate("() => window.kafaatMessagingSocket.close()")  # offline emulation may keep sockets open
    # Closing or closed, or a reconnection attempt that cannot get through: no live delivery either way.
    # Interval polling, as animation frames may be throttled on a busy machine.
    k_page.wait_for_function("() => window.kafaatMessagingSocket.readyState !== 1", polling=100)
    _send(a_page, "Premier message pendant la coupure")
    a_page.wait_for_selector("text=Premier message pendant la coupure")
    _send(a_page, "Second message pendant la coupure")
    a_page.wait_for_selector("text=Second message pendant la coupure")
    _off_loop(_edit, conversation=conversation, seq=1, body="Salam Karim, ça va ?")  # an edit meanwhile
    time.sleep(1)
    assert "Premier message pendant la coupure" not in _bodies(k_page)

    # Back online: the page reconnects by itself and receives what it missed, once, in order,
    # and the edit made meanwhile.
    k_context.set_offline(False)
    k_page.wait_for_selector("text=Second message pendant la coupure", timeout=30_000)
    k_page.wait_for_selector("#m1 >> text=Salam Karim, ça va ?")
    bodies = _bodies(k_page)
    assert bodies.count("Premier message pendant la coupure") == 1
    assert bodies.count("Second message pendant la coupure") == 1
    assert bodies.index("Premier message pendant la coupure") < bodies.index(
        "Second message pendant la coupure"
    )
    seqs = k_page.eval_on_selector_all(
        "#message-list li[data-seq]", "nodes => nodes.map(n => +n.dataset.seq)"
    )
    assert seqs == sorted(set(seqs)) == list(range(1, 7))

    # After a reload the server-rendered history matches, and the header badge is clear for Karim.
    k_page.reload()
    assert _bodies(k_page) == bodies

    # A live message that went astray (here: taken off the page) comes back when the next one
    # arrives with a gap in the numbers.
    k_page.wait_for_function(
        "() => window.kafaatMessagingSocket && window.kafaatMessagingSocket.readyState === 1", polling=100
    )
    k_page.evaluate("() => document.getElementById('m6').remove()")
    _send(a_page, "Après le trou")
    k_page.wait_for_selector("text=Après le trou")
    k_page.wait_for_selector("#m6")
    seqs = k_page.eval_on_selector_all(
        "#message-list li[data-seq]", "nodes => nodes.map(n => +n.dataset.seq)"
    )
    assert seqs == list(range(1, 8))
    a_context.close()
    k_context.close()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_messaging_pages_have_no_serious_accessibility_violation(browser, asgi_server, language):
    amina = UserFactory(email=f"amina.{language}@example.org", first_name="Amina", last_name="Idrissi")
    karim = UserFactory(first_name="Karim", last_name="Benali")
    conversation = _off_loop(
        services.direct_conversation_open, initiator=karim, other=amina, text="Salam, https://kafaat.example"
    )
    _off_loop(services.message_send, sender=amina, conversation=conversation, body="Merci !")
    context = browser.new_context()
    page = context.new_page()
    log_in(page, asgi_server, amina.email)
    found = {}
    for path in (
        f"/{language}/community/messages/",
        f"/{language}/community/messages/new/?q=Karim",
        f"/{language}/community/messages/{conversation.pk}/",
    ):
        response = page.goto(asgi_server + path)
        assert response.status == 200, path
        assert page.evaluate("() => document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
        if "/new/" not in path and path.endswith(f"{conversation.pk}/"):
            page.wait_for_function(
                "() => window.kafaatMessagingSocket && window.kafaatMessagingSocket.readyState === 1"
            )
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    context.close()
    assert found == {}
