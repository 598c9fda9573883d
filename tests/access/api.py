"""The JSON API (/api/v1): every role reads meetings with a token; no token is a 401.

API routes (endpoints named `api.*`) are requested with a bearer token of the demo user of the
role (a read-write one, so the role decides, not the token) and no cookie; anonymous means no
token, and gets 401. Routes that change data send `data` as a JSON body. The documents that
describe the API are public. Other API resources keep their rules in tests/access/api_*.py.
"""

from tests.access import ANONYMOUS, EVERYONE, Rule

RULES = {
    "api.list_meetings": Rule(allowed=EVERYONE),
    "api.get_meeting": Rule(allowed=EVERYONE, args=lambda d: {"meeting_id": d.com_meeting()}),
    "api_docs.openapi_json": Rule(allowed=EVERYONE | {ANONYMOUS}),
    "api_docs.docs": Rule(allowed=EVERYONE | {ANONYMOUS}),
}
