"""django-redis, except that emptying a cache deletes only that cache's own keys.

django-redis clears with FLUSHDB: the whole Redis database, which here also holds the other cache
(sign-in rate limits, the funnel's generation) and Celery's queues. wagtail-cache empties the page cache
on every publish, so each publish dropped every queued task. Here ``clear`` deletes the keys under
this cache's prefix (SCAN and DELETE in batches), and nothing else.
"""

from django_redis.cache import RedisCache, omit_exception


class PrefixedRedisCache(RedisCache):
    @omit_exception
    def clear(self):
        self.delete_pattern("*")
