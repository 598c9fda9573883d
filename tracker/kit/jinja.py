"""The Jinja environment the pages render in: Flask's, with template globals that answer "which
keys?" as a set.

Every `{% from "..." import ... %}` asks which of the page's globals the imported template lacks
(`Template._get_default_module`). Jinja keeps a template's globals as a ChainMap, whose keys
view answers that one key at a time in Python; a page makes a dozen such imports, and that
question alone was a twentieth of a signed-in page's time. The answer is the same.
"""

from collections import ChainMap

from flask.templating import Environment


class TemplateGlobals(ChainMap):
    """A template's globals over the environment's, as Jinja keeps them; `keys()` is a set."""

    def keys(self):  # type: ignore[override]
        return set().union(*self.maps)


class TrackerEnvironment(Environment):
    def make_globals(self, d):
        return TemplateGlobals({} if d is None else d, self.globals)
