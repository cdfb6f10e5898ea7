"""Posts as plain data for the JSON API and the websocket (already filtered through the gate)."""

from community.profiles.templatetags.members import member_name


def post_data(post) -> dict:
    return {
        "id": post.id,
        "title": post.title,
        "body": post.body,
        "author": str(member_name(post.author)),
        "created_at": post.created_at.isoformat(),
    }
