"""What the benchmark modules share: the page description and the run context."""

from dataclasses import dataclass, field


@dataclass
class Page:
    """One page to measure: `path` requested as `user` (an e-mail; None for a visitor).

    `kind` sets its target (DESIGN.md): "everyday" pages ≥ 20 % of the signed-in floor, HR
    "list" pages over 100,000 rows ≥ 15 % of it, "dashboard" (insights) ≥ 10 % of it, "public"
    pages ≥ 50 % of the trivial view;
    "reference" for the floors themselves."""

    name: str
    path: str
    user: str | None = "employee@example.com"
    method: str = "GET"
    body: str = ""
    headers: dict = field(default_factory=dict)
    kind: str = ""
    # What the server must answer (redirects are not followed): a share link redirects.
    expect_status: int = 200

    def __post_init__(self):
        self.kind = self.kind or ("public" if self.user is None else "everyday")


@dataclass
class BenchContext:
    scale: int
    stdout: object = None
    extra: dict = field(default_factory=dict)

    def log(self, message: str) -> None:
        print(f"  {message}", flush=True)
