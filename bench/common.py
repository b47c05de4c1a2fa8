"""What the benchmark modules share: the page description and the run context."""

from dataclasses import dataclass, field


@dataclass
class Page:
    """One page to measure: `path` requested as `user` (an e-mail; None for a visitor)."""

    name: str
    path: str
    user: str | None = "employee@example.com"
    method: str = "GET"
    body: str = ""
    headers: dict = field(default_factory=dict)


@dataclass
class BenchContext:
    scale: int
    stdout: object = None
    extra: dict = field(default_factory=dict)

    def log(self, message: str) -> None:
        print(f"  {message}", flush=True)
