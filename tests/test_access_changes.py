"""Every route that changes data × every role: refused on the server, each on fresh demo data.

Kept apart from test_access_matrix, whose page checks share one read-only load of the demo data.
"""

import pytest

from tests.access.matrix import WRITE_CASES, check_access


@pytest.mark.parametrize("endpoint,who", WRITE_CASES)
def test_change_access(app, demo, endpoint, who):
    check_access(app, endpoint, who)
