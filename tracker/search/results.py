"""A search as the page shows it: the number of matches of each kind and the results, each with
its highlighted snippet; shared by the signed-in and the public search pages."""

from dataclasses import dataclass, field

from flask_sqlalchemy.pagination import Pagination
from markupsafe import Markup

from tracker.actions.models import UpdateKind
from tracker.search import finding, snippets, syntax

PER_PAGE = 20


@dataclass(frozen=True)
class Result:
    hit: finding.Hit
    title: Markup
    snippet: Markup
    label: str  # what the record is: "Progress update", "Paper under item …"


@dataclass
class KindResults:
    kind: finding.Kind
    count: int
    results: list[Result] = field(default_factory=list)
    # Within a range of dates every match is ranked (finding.hits), not only the newest.
    dated: bool = False

    @property
    def newest_only(self) -> bool:
        """More match than are ranked: the results are the best of the newest MOST_COUNTED."""
        return self.count > finding.MOST_COUNTED and not self.dated

    @property
    def shown_count(self) -> str:
        """The count as the page says it: past the cap, "more than 200"."""
        if self.count > finding.MOST_COUNTED:
            return f"more than {finding.MOST_COUNTED:,}"
        return f"{self.count:,}"

    @property
    def ranked_count(self) -> str:
        """How many of them the pages go through."""
        return f"{min(self.count, finding.MOST_COUNTED):,}"


class ResultPage(Pagination):
    """Flask-SQLAlchemy's page of results (for the pagination macro) over a fetch of our own."""

    def _query_items(self) -> list:
        return self._query_args["fetch"](self.per_page, self._query_offset)

    def _query_count(self) -> int:
        return self._query_args["total"]


@dataclass
class Found:
    by_kind: list[KindResults]
    # One kind chosen: its page of results; otherwise the best few of each kind in `by_kind`.
    page: ResultPage | None = None

    @property
    def total(self) -> int:
        return sum(group.count for group in self.by_kind)


def _result(hit: finding.Hit, matcher) -> Result:
    kind = finding.Kind(hit.kind)
    if kind == finding.Kind.MEETINGS:
        text = " · ".join(part for part in (hit.heading, hit.body, hit.detail) if part)
        return Result(hit, snippets.highlight(hit.meeting_type, None),
                      snippets.snippet(text, matcher), "Meeting")
    if kind == finding.Kind.UPDATES:
        label = UpdateKind.label_of(hit.detail)
        return Result(hit, snippets.highlight(hit.heading, matcher),
                      snippets.snippet(hit.body, matcher), label)
    if kind == finding.Kind.PAPERS:
        return Result(hit, snippets.highlight(hit.heading, matcher),
                      Markup(""), f"Paper for the item “{hit.detail}”")
    label = "Agenda item" if kind == finding.Kind.ITEMS else "Action"
    return Result(hit, snippets.highlight(hit.heading, matcher),
                  snippets.snippet(hit.body, matcher), label)


def find(search: finding.Search, groups: list[syntax.Group], page_number: int = 1) -> Found:
    """Two queries: the counts, then the results (a page of the chosen kind, or a few of each)."""
    matcher = snippets.pattern(syntax.words(groups))
    counts = finding.counts(search, groups)
    by_kind = [KindResults(kind, counts[kind.value], dated=search.dated) for kind in search.kinds()]
    if search.kind is not None:
        kind = finding.Kind(search.kind)

        def fetch(limit: int, offset: int) -> list[Result]:
            found = finding.hits(search, groups, [kind], limit, offset, counted=counts)
            return [_result(hit, matcher) for hit in found]

        page = ResultPage(
            page=page_number, per_page=PER_PAGE, error_out=False,
            fetch=fetch, total=min(counts[kind.value], finding.MOST_COUNTED),
        )
        return Found(by_kind, page)
    wanted = [group.kind for group in by_kind if group.count]
    for hit in finding.hits(search, groups, wanted, finding.PREVIEW, counted=counts):
        next(g for g in by_kind if g.kind == hit.kind).results.append(_result(hit, matcher))
    return Found(by_kind)
