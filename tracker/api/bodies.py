"""A JSON body is held to the rules a web form is (tracker/request_guard.py): before any schema or
service reads it, control characters in its text, numbers beyond any range (or infinite), and
nesting deeper than any request needs are a 400 problem, never a database error.
"""

import json
import math

from flask import request

from tracker.api.problems import abort_problem
from tracker.kit.limits import has_forbidden_characters

WITH_BODY = {"POST", "PUT", "PATCH", "DELETE"}
DEEPEST = 20
LARGEST_NUMBER = 2**63


class Unacceptable(ValueError):
    pass


def _check(value, depth: int = 0) -> None:
    if depth > DEEPEST:
        raise Unacceptable("The JSON is nested too deeply.")
    if isinstance(value, str):
        if has_forbidden_characters(value, text_layout_allowed=True):
            raise Unacceptable("The JSON holds control characters, which the tracker cannot store.")
    elif isinstance(value, bool):
        return
    elif isinstance(value, int | float):
        if (isinstance(value, float) and not math.isfinite(value)) or abs(value) >= LARGEST_NUMBER:
            raise Unacceptable("The JSON holds a number beyond any the tracker accepts.")
    elif isinstance(value, list):
        for item in value:
            _check(item, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            if has_forbidden_characters(key):
                raise Unacceptable("The JSON holds control characters, which the tracker cannot store.")
            _check(item, depth + 1)


def check_json_body() -> None:
    """400 problem for a JSON body the tracker could not safely read; others pass untouched
    (the schemas answer what they do not expect)."""
    if request.method not in WITH_BODY or not request.is_json:
        return
    raw = request.get_data(cache=True)
    if not raw:
        return
    try:
        _check(json.loads(raw))
    except RecursionError:
        abort_problem(400, "The JSON is nested too deeply.")
    except Unacceptable as error:
        abort_problem(400, str(error))
    except ValueError:  # not JSON, or not UTF-8: webargs says so, as a 400 naming the body
        return
