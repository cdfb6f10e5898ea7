"""Posts as plain data for the JSON API and the websocket (already filtered through the gate)."""

from core.names import display_name


def post_data(post) -> dict:
    return {
        "id": post.id,
        "title": post.title,
        "body": post.body,
        "author": str(display_name(post.author)),
        "created_at": post.created_at.isoformat(),
    }
