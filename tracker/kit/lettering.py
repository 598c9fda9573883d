"""The letters that number actions within an agenda item: a, b, ... z, aa, ab, ..."""

from string import ascii_lowercase


def letters(index: int) -> str:
    """The letter code of the index-th action (0 → a, 25 → z, 26 → aa, ...)."""
    code = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        code = ascii_lowercase[rest] + code
    return code


def letter_index(code: str) -> int:
    """The index a letter code stands for: the inverse of `letters`."""
    n = 0
    for char in code:
        n = n * 26 + ascii_lowercase.index(char) + 1
    return n - 1
