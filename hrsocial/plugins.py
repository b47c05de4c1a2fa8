"""How an app plugs into the portal: its `PortalAppConfig` declares what it contributes.

    class TrainingsConfig(PortalAppConfig):
        name = "trainings"
        navigation = navigation.app_menu("trainings", order=20, main=(_("…"), "trainings:index"))
        notification_categories = [category("trainings.reminder", _("…"), order=21)]
        periodic_tasks = {"trainings-reminders": {"task": "…", "schedule": crontab(minute=5)}}

The app that owns a kind of contribution collects it from every portal app when the portal
starts: `hrsocial` the navigation, search sources, home panels, URLs and the beat schedule,
`people` the profile sections, `notifications` the categories. Declarations are data (or
dotted paths to functions, which are imported only then), so an `apps.py` imports no models.
Every attribute is described on `PortalAppConfig`; docs/DEVELOPING.md has the checklist.
"""

from dataclasses import dataclass
from graphlib import TopologicalSorter

from django.apps import AppConfig, apps
from django.db.models import signals as model_signals
from django.utils.module_loading import import_string, module_has_submodule

MODEL_SIGNALS = {"post_save", "post_delete", "m2m_changed", "post_migrate"}


@dataclass(frozen=True)
class Receiver:
    """`receiver` (a dotted path) connected to `signal`: a model signal's name ("post_save") or
    the dotted path of a Signal (`people.signals.employment_ended`). `senders`: model labels
    ("helpdesk.Attachment"; "people.User.groups" is that many-to-many's through model); none
    means any sender."""

    signal: str
    receiver: str
    senders: tuple[str, ...] = ()

    def connect(self) -> None:
        receiver = import_string(self.receiver)
        _connect(self.signal, receiver, self.senders or (None,), self.receiver)


def _connect(signal_name: str, receiver, senders, uid: str) -> None:
    signal = getattr(model_signals, signal_name) if signal_name in MODEL_SIGNALS else None
    signal = signal or import_string(signal_name)
    for sender in senders:
        signal.connect(
            receiver,
            sender=_model(sender) if sender else None,
            weak=False,  # the receiver may be a bound method (a cached value's forget)
            dispatch_uid=f"{uid}:{signal_name}:{sender}",
        )


def _model(label: str):
    """ "app.Model", or "app.Model.field" for the through model of a many-to-many field."""
    app_label, model_name, *field = label.split(".")
    model = apps.get_model(app_label, model_name)
    return getattr(model, field[0]).through if field else model


class PortalAppConfig(AppConfig):
    """The contract of a portal app. Every attribute is optional."""

    # An apps.py that imports this class has two AppConfig classes; Django takes the one that
    # says `default = True` (each subclass, set here), never this base.
    default = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.default = "default" not in cls.__dict__ or cls.__dict__["default"]

    # hrsocial.navigation.NavItem objects (navigation.app_menu() makes the usual two).
    navigation = ()
    # hrsocial.search.SearchSource objects (the global search page, `search_source(key, …)`).
    search_sources = ()
    # category(key, label, **options): the arguments of notifications.categories.register().
    notification_categories = ()
    # Dotted paths of `def panel(request) -> Panel | None` (hrsocial.home).
    home_panels = ()
    # Dotted paths of `def todos(request) -> list[Todo]`: lines in the home page's one "To do"
    # panel (hrsocial.home).
    home_todos = ()
    # Dotted paths of `def section(request, person) -> Panel | None` (people.sections).
    profile_sections = ()
    # Receiver objects: signal receivers, connected in ready().
    receivers = ()
    # Path prefixes ("/s/") whose views read neither the session nor the signed-in user: the
    # portal's middleware then leaves both alone too (hrsocial.middleware.sessionless).
    sessionless_paths = ()
    # hrsocial.shareables.Shareable objects: records employees may share through `sharing/`.
    shareables = ()
    # {dotted path of a cached value (hrsocial.caching): model labels whose changes forget it}.
    cached = {}
    # Celery beat entries ({"<app>-<what>": {"task": …, "schedule": …}}); run_periodic_tasks too.
    periodic_tasks = {}
    # {URL prefix: URL module}; None: "<label>/" → "<app>.urls" when the app has a urls.py.
    urls = None
    # Labels of the apps whose demo data this app's `demo.seed(ctx)` builds on.
    seed_after = ("people",)
    # {name: dotted path} of functions another app may call without importing this one
    # (`hrsocial.plugins.provided(name)`): a soft dependency in the direction of the provider.
    provides = {}
    # Dotted paths of django-ninja Routers with this app's read-only API (`<app>/rest.py`),
    # mounted by `integrations` at /api/<label>/ behind personal access tokens with the scope
    # "<label>:read".
    api_routers = ()
    # webhook_event(key, label): events HR may subscribe a webhook URL to; the app calls
    # `integrations.webhooks.publish(key, payload)` inside the event's transaction.
    webhook_events = ()

    def ready(self):
        for receiver in self.receivers:
            receiver.connect()
        for path, labels in self.cached.items():
            forget = import_string(path).forget
            rows = [label for label in labels if label.count(".") == 1]
            links = [label for label in labels if label.count(".") == 2]
            _connect("post_save", forget, rows, path)
            _connect("post_delete", forget, rows, path)
            _connect("m2m_changed", forget, links, path)  # a many-to-many field's links

    def url_modules(self) -> dict[str, str]:
        if self.urls is not None:
            return self.urls
        return {f"{self.label}/": f"{self.name}.urls"} if self.has("urls") else {}

    def has(self, module: str) -> bool:
        return module_has_submodule(self.module, module)


def category(key: str, label, **options) -> dict:
    """A notification category for `notification_categories`: the arguments of
    notifications.categories.register(key, label, **options), passed on as they are."""
    return {"key": key, "label": label, **options}


def webhook_event(key: str, label) -> dict:
    """An event for `webhook_events` ("helpdesk.question_asked"), collected by integrations."""
    return {"key": key, "label": label}


def portal_apps() -> list[PortalAppConfig]:
    """The portal's apps, in INSTALLED_APPS order."""
    return [c for c in apps.get_app_configs() if isinstance(c, PortalAppConfig)]


def declared(attribute: str) -> list:
    """Every portal app's declarations of one kind, in INSTALLED_APPS order."""
    return [item for config in portal_apps() for item in getattr(config, attribute)]


def imported(attribute: str) -> list:
    """The functions named by every portal app's dotted paths of one kind."""
    return [import_string(path) for path in declared(attribute)]


def provided(name: str):
    """The function some installed app provides under `name`, or None."""
    for config in portal_apps():
        if name in config.provides:
            return import_string(config.provides[name])
    return None


def beat_schedule() -> dict:
    """The apps' periodic tasks, and what settings.CELERY_BEAT_SCHEDULE adds or overrides."""
    from django.conf import settings

    schedule = {}
    for config in portal_apps():
        schedule.update(config.periodic_tasks)
    return schedule | settings.CELERY_BEAT_SCHEDULE


def seeding_order() -> list[PortalAppConfig]:
    """The apps with demo data, each after the apps it declares in `seed_after` (and otherwise
    in INSTALLED_APPS order). A missing or circular `seed_after` fails loudly."""
    configs = {c.label: c for c in portal_apps()}
    sorter = TopologicalSorter()
    for label, config in configs.items():
        unknown = set(config.seed_after) - configs.keys()
        if unknown:
            raise LookupError(f"{label}.seed_after names apps that are not installed: {unknown}")
        sorter.add(label, *config.seed_after)
    sorter.prepare()
    order = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready(), key=list(configs).index)
        order += ready
        sorter.done(*ready)
    return [configs[label] for label in order if configs[label].has("demo")]
