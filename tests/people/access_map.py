from tests.access import LOGIN, Route, employees, everyone, hr_only, signed_in

ROUTES = [
    Route("people:directory", employees(200)),
    Route("people:directory", employees(200), query="?q=emma&page=2"),
    Route("people:profile-edit", signed_in(200)),
    Route("people:profile-edit", signed_in(200), method="post", data={"full_name": ""}),
    Route("people:set-language", everyone(302), method="post", data={"language": "en"}),
    # Colleagues see each other's card; alumni and freelancers only their own.
    Route(
        "people:profile",
        {**employees(200, others=404)},
        kwargs=lambda w: {"pk": w.colleague.pk},
    ),
    Route(
        "people:profile",
        {**signed_in(404), "alumnus": 200},
        kwargs=lambda w: {"pk": w.alumnus.pk},
    ),
    # A lost device: HR leads reset a colleague's second factor (a confirmation, then POST).
    Route(
        "people:second-factor-reset",
        hr_only(200),
        kwargs=lambda w: {"pk": w.colleague.pk},
    ),
    Route(
        "people:second-factor-reset",
        hr_only(302),
        method="post",
        kwargs=lambda w: {"pk": w.colleague.pk},
    ),
    # Two-factor sign-in (allauth.mfa): everyone's own; pages that change a factor ask for the
    # password again first; the sign-in steps send the signed-in on.
    Route("mfa_index", signed_in(200)),
    Route("mfa_list_webauthn", signed_in(200)),
    Route("mfa_activate_totp", signed_in(302)),
    Route("mfa_add_webauthn", signed_in(302)),
    Route("mfa_generate_recovery_codes", signed_in(302)),
    Route("mfa_edit_webauthn", signed_in(302), kwargs=lambda w: {"pk": 1}),
    Route("mfa_remove_webauthn", signed_in(302), kwargs=lambda w: {"pk": 1}),
    Route("mfa_reauthenticate", signed_in(302)),
    Route("mfa_reauthenticate_webauthn", signed_in(302)),
    # Nothing to deactivate, download or view without a factor set up.
    Route("mfa_deactivate_totp", signed_in(404)),
    Route("mfa_download_recovery_codes", signed_in(404)),
    Route("mfa_view_recovery_codes", signed_in(404)),
    Route("mfa_authenticate", everyone(302)),
    Route("mfa_login_webauthn", everyone(302)),
    # The HRIS import: HR only; a preview belongs to whoever uploaded it.
    Route("people:import", hr_only(200)),
    Route("people:import", hr_only(200), method="post", data={}),
    Route(
        "people:import-detail",
        hr_only(200),
        kwargs=lambda w: {"reference": w.import_batch.reference},
    ),
    Route(
        "people:import-detail",
        hr_only(404),
        kwargs=lambda w: {"reference": w.others_import_batch.reference},
    ),
    Route(
        "people:import-progress",
        hr_only(200),
        kwargs=lambda w: {"reference": w.import_batch.reference},
    ),
    Route(
        "people:import-confirm",
        hr_only(302),
        method="post",
        data=lambda w: {"digest": w.import_batch.digest, "invite": "no"},
        kwargs=lambda w: {"reference": w.import_batch.reference},
    ),
]


def setup(world):
    from people.services import import_batch_create
    from tests.factories import UserFactory, make_hr

    data = b"email,full_name\nnieuw@example.com,Nieuwe Collega\n"
    world.import_batch = import_batch_create(
        uploaded_by=world.hr, file_name="people.csv", data=data
    )
    other_hr = make_hr(UserFactory(email="other-hr@example.com"))
    world.others_import_batch = import_batch_create(
        uploaded_by=other_hr, file_name="people.csv", data=data
    )


__all__ = ["LOGIN", "ROUTES", "setup"]
