import pytest


@pytest.fixture(autouse=True)
def _close_socket_connections(request):
    """Websocket database work runs in a thread pool that keeps its connections; close them after
    each transactional test so that the test database can be dropped at the end."""
    yield
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        from community.messaging.consumers import db_pool_close_connections

        db_pool_close_connections()
