"""The deployment files, checked statically: Docker cannot run on the development machines or
in CI, so nothing here builds an image; it reads the Dockerfile, compose.yaml, .env.example,
the Procfile and the gunicorn and HAProxy configurations and holds them to the README and the
settings."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

BASE = Path(__file__).resolve().parents[2]
README = (BASE / "README.md").read_text()
SETTINGS = (BASE / "hrsocial" / "settings.py").read_text()
GUNICORN = (BASE / "deploy" / "gunicorn.conf.py").read_text()
ENV_EXAMPLE = (BASE / ".env.example").read_text()
COMPOSE = yaml.safe_load((BASE / "compose.yaml").read_text())

# Read by the settings for tests and development only; a deployment never sets them.
NOT_FOR_DEPLOYERS = {"CELERY_TASK_EAGER_PROPAGATES"}


def readme_variables() -> set[str]:
    """Every variable named in the first column of the README's configuration tables."""
    names = set()
    for line in README.splitlines():
        if line.startswith("| `"):
            first_column = line.split("|")[1]
            names |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", first_column))
    return names


def settings_variables() -> set[str]:
    return set(re.findall(r'env\.\w+\(\s*"([A-Z][A-Z0-9_]+)"', SETTINGS))


def example_variables() -> set[str]:
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", ENV_EXAMPLE, flags=re.MULTILINE))


def test_env_example_lists_every_variable_the_readme_documents():
    assert readme_variables() - example_variables() == set()


def test_the_readme_documents_every_variable_the_settings_read():
    assert settings_variables() - NOT_FOR_DEPLOYERS - readme_variables() == set()


def test_env_example_names_only_variables_something_reads():
    read = settings_variables() | set(re.findall(r'environ(?:\.get)?\(\s*"([A-Z0-9_]+)"', GUNICORN))
    read |= set(re.findall(r"\$\{([A-Z0-9_]+)", (BASE / "compose.yaml").read_text()))
    read |= set(re.findall(r"\$\{?([A-Z0-9_]+)", (BASE / "Procfile").read_text()))
    assert example_variables() - read == set()


def dockerfile_stages() -> list[list[str]]:
    text = (BASE / "Dockerfile").read_text().replace("\\\n", " ")
    stages = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.upper().startswith("FROM "):
            stages.append([])
        stages[-1].append(line)
    return stages


def test_the_image_is_built_in_stages_and_runs_as_a_user_without_build_tools():
    stages = dockerfile_stages()
    assert len(stages) >= 2
    final = stages[-1]
    users = [line.split()[1] for line in final if line.upper().startswith("USER ")]
    assert users and users[-1] not in {"root", "0"}
    final_text = "\n".join(final)
    assert "COPY --from=build" in final_text
    for tool in ("gcc", "build-essential", "apt-get install", "pip install", "uv "):
        assert tool not in final_text
    (healthcheck,) = [line for line in final if line.upper().startswith("HEALTHCHECK")]
    assert "deploy/healthcheck.py" in healthcheck
    assert "/health/" in (BASE / "deploy" / "healthcheck.py").read_text()
    assert "--require-hashes" in "\n".join(stages[0])


def test_compose_runs_the_database_redis_web_worker_and_beat_from_one_image():
    services = COMPOSE["services"]
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(services)
    for name in ("web", "worker", "beat", "migrate"):
        assert services[name]["build"] == "."
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgres://")
        assert services[name]["environment"]["REDIS_URL"].startswith("redis://redis:")
    assert "deploy/gunicorn.conf.py" in services["web"]["command"]
    worker = services["worker"]["command"]
    queues = set(worker[worker.index("--queues") + 1].split(","))
    environment = services["worker"]["environment"]
    assert queues == {
        environment[name]
        for name in ("CELERY_QUEUE", "CELERY_NOTIFICATIONS_QUEUE", "CELERY_BULK_QUEUE")
    }
    assert services["beat"]["command"][-1] == "beat"
    assert services["web"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )


def test_the_procfile_starts_web_worker_and_beat_with_files_that_exist():
    processes = dict(
        line.split(":", 1)
        for line in (BASE / "Procfile").read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert set(processes) == {"web", "worker", "beat"}
    assert "deploy/gunicorn.conf.py" in processes["web"]
    assert (BASE / "deploy" / "gunicorn.conf.py").exists()


def test_the_gunicorn_configuration_loads_with_its_json_logger():
    from gunicorn.config import Config

    config = Config()
    namespace = {}
    exec(compile(GUNICORN, "gunicorn.conf.py", "exec"), namespace)
    for key, value in namespace.items():
        if key in config.settings:
            config.set(key, value)
    assert config.workers >= 2
    assert config.timeout == 30
    assert config.accesslog == "-"
    assert config.logger_class.__name__ == "JsonAccessLogger"


@pytest.mark.skipif(not shutil.which("haproxy"), reason="HAProxy is not installed")
def test_the_haproxy_configuration_is_valid():
    result = subprocess.run(
        [shutil.which("haproxy"), "-c", "-f", str(BASE / "deploy" / "haproxy.cfg")],
        env={"LB_BIND": "127.0.0.1:8180", "WEB1": "127.0.0.1:8181", "WEB2": "127.0.0.1:8182"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
