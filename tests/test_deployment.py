"""The two ways to run Kafaat are chosen by environment variables; the scaled one ships as compose."""

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "db": settings.DATABASES["default"]["ENGINE"],
    "layer": settings.CHANNEL_LAYERS["default"]["BACKEND"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "broker": settings.CELERY_BROKER_URL,
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "email": settings.EMAIL_BACKEND,
}))
"""


def _settings_under(env_overrides, module="kafaat.settings.dev"):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "SEARCH_URL", "EMAIL_URL"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": module, "PYTHONPATH": str(ROOT / "site"), **env_overrides})
    out = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_embedded_defaults_need_no_service():
    chosen = _settings_under({})
    assert chosen["db"] == "django.db.backends.sqlite3"
    assert chosen["layer"] == "kafaat.layers.InMemoryChannelLayer"
    assert chosen["eager"] is True
    assert chosen["search"] == "wagtail.search.backends.database"
    assert chosen["email"] == "django.core.mail.backends.filebased.EmailBackend"


def test_scaled_setup_is_chosen_by_environment():
    chosen = _settings_under(
        {
            "DATABASE_URL": "postgres://kafaat@db.example:5432/kafaat",
            "REDIS_URL": "redis://cache.example:6379/0",
            "SEARCH_URL": "http://search.example:9200",
            "EMAIL_URL": "smtp://mail.example:25",
        }
    )
    assert chosen["db"] == "django.db.backends.postgresql"
    assert chosen["layer"] == "channels_redis.pubsub.RedisPubSubChannelLayer"
    assert chosen["cache"] == "kafaat.rediscache.PrefixedRedisCache"
    assert chosen["eager"] is False
    assert chosen["broker"] == "redis://cache.example:6379/0"
    assert chosen["search"] == "wagtail.search.backends.elasticsearch9"
    assert chosen["email"] == "django.core.mail.backends.smtp.EmailBackend"


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env.update({"DJANGO_SETTINGS_MODULE": "kafaat.settings.production", "PYTHONPATH": str(ROOT / "site")})
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_behind_the_proxy_limits_count_each_client_not_the_proxy():
    """Sign-in limits and API throttles are per address: behind the compose's nginx they must read the
    address nginx appended, or every visitor shares one bucket (and 30 sign-ins a minute for all)."""
    probe = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.REST_FRAMEWORK['NUM_PROXIES'])"
    )
    base = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kafaat.settings.production",
        "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "x9Qz" * 12,
        "PYTHONPATH": str(ROOT / "site"),
    }
    for extra, expected in (({}, "1 1"), ({"TRUSTED_PROXY_COUNT": "0"}, "0 0")):
        out = subprocess.run(
            [sys.executable, "-c", probe],
            env={**base, **extra},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.strip().splitlines()[-1] == expected
    nginx = (ROOT / "docker" / "nginx.conf").read_text()
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in nginx  # the one hop the count trusts


def test_production_settings_pass_the_deploy_check():
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "kafaat.settings.production",
            "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "x9Qz" * 12,
            "DJANGO_ALLOWED_HOSTS": "kafaat.example",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_compose_file_names_every_service_of_the_scaled_deployment():
    compose = yaml.safe_load((ROOT / "docker" / "compose.yaml").read_text())
    services = compose["services"]
    assert {"web", "worker", "beat", "postgres", "redis", "elasticsearch"} <= set(services)
    for app_service in ("web", "worker", "beat"):
        env = services[app_service]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["REDIS_URL"].startswith("redis://")
        assert env["SEARCH_URL"].startswith("http://elasticsearch")
    assert "celery" in services["worker"]["command"] and "worker" in services["worker"]["command"]
    # Tasks (imports, linkage) must not take the CPU the page servers need to stay responsive.
    assert services["worker"]["command"].startswith("nice -n 10 ")
    assert "beat" in services["beat"]["command"]
    assert services["web"]["build"]["dockerfile"] == "docker/Dockerfile"
    assert (ROOT / "docker" / "Dockerfile").exists()


def test_compose_serves_pages_and_websockets_from_separate_services_behind_one_proxy():
    compose = yaml.safe_load((ROOT / "docker" / "compose.yaml").read_text())
    services = compose["services"]
    assert services["web"]["environment"]["KAFAAT_WEB_ROLE"] == "http"
    assert services["ws"]["environment"]["KAFAAT_WEB_ROLE"] == "websocket"
    assert "/readyz" in " ".join(services["web"]["healthcheck"]["test"])
    nginx = (ROOT / "docker" / "nginx.conf").read_text()
    assert "location /ws/" in nginx and "proxy_pass http://kafaat_ws" in nginx
    assert "location = /metrics { return 404; }" in nginx
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text()
    assert 'CMD ["gunicorn", "-c", "docker/gunicorn.conf.py"]' in dockerfile


DEMO_SERVER = """
import django
from django.conf import settings
django.setup()
from django.urls import resolve
print(settings.DEBUG, resolve("/media/images/programme.jpg").func.__name__)
"""


def test_the_demo_server_runs_with_debug_off_and_still_serves_uploaded_images():
    """`make demo` serves with kafaat.settings.demo: a wrong address gets the translated 404 page (not
    Django's list of URL patterns), and uploaded images still load without a web server in front."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_DEBUG"}}
    env.update({"DJANGO_SETTINGS_MODULE": "kafaat.settings.demo", "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}"})
    out = subprocess.run(
        [sys.executable, "-c", DEMO_SERVER], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split()[-2:] == ["False", "serve"]
    assert "kafaat.settings.demo" in (ROOT / "Makefile").read_text()
