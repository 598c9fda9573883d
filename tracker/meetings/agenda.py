"""What the standing items of an agenda mean, recognised by their titles.

Meeting types are data, so the tracker cannot know item numbers in advance; it recognises the
standing items the minutes treat specially (notes of the previous meeting, future agenda items,
any other business, next meeting) by what they are called.
"""

PREVIOUS_MINUTES_WORDS = ("previous meeting", "matters arising")
FUTURE_ITEMS_WORDS = ("future agenda",)
# Items that close a meeting: new business goes in before them.
CLOSING_WORDS = ("future agenda", "any other business", "aob", "next meeting", "date of next")


def _has(title: str, words: tuple[str, ...]) -> bool:
    title = title.casefold()
    return any(word in title for word in words)


def is_previous_minutes(title: str) -> bool:
    return _has(title, PREVIOUS_MINUTES_WORDS)


def is_future_items(title: str) -> bool:
    return _has(title, FUTURE_ITEMS_WORDS)


def is_next_meeting(title: str) -> bool:
    return _has(title, ("next meeting",))


def is_any_other_business(title: str) -> bool:
    return _has(title, ("any other business",)) or title.strip(" .").casefold() == "aob"


def is_closing(title: str) -> bool:
    return _has(title, CLOSING_WORDS)


def insertion_index(titles: list[str]) -> int:
    """Where a new item goes by default: before the closing items, or at the end."""
    index = len(titles)
    while index > 0 and is_closing(titles[index - 1]):
        index -= 1
    return index


def find(items: list, test) -> object | None:
    """The first agenda item whose title passes `test`."""
    return next((item for item in items if test(item.title)), None)
