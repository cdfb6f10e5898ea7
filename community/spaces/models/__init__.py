from .charters import Charter, CharterAcceptance, CharterVersion
from .posts import Comment, Post
from .spaces import Document, FeedToken, Space, SpaceVisit

__all__ = [
    "Charter",
    "CharterAcceptance",
    "CharterVersion",
    "Comment",
    "Document",
    "FeedToken",
    "Post",
    "Space",
    "SpaceVisit",
]
