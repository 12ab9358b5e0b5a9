"""The shared pages use every pillar: the pillars' own factories, imported as fixtures."""
from tests.courses.conftest import make_course  # noqa: F401
from tests.forum.conftest import (_fresh_view_counts, asker, make_answer,  # noqa: F401
                                  make_expert, make_thread)
from tests.research.conftest import _fresh_download_counts, make_paper  # noqa: F401
