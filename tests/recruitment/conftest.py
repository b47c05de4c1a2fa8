import pytest


@pytest.fixture(autouse=True)
def _cv_root(tmp_path, settings):
    settings.RECRUITMENT_CV_ROOT = tmp_path / "cv"
    return settings.RECRUITMENT_CV_ROOT
