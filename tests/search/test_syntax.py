"""Reading the search box as PostgreSQL's websearch_to_tsquery does, and writing it for FTS5 so
that nothing typed is ever FTS5 syntax."""

import sqlite3

import pytest

from tracker.search.syntax import Group, Term, fts5_query, parse, words


def test_bare_words_must_all_match():
    assert parse("custody figures") == [Group([Term("custody"), Term("figures")])]


def test_a_quoted_phrase_is_one_term_and_a_quote_left_open_runs_to_the_end():
    assert parse('"use of force" custody') == [
        Group([Term("use of force", phrase=True), Term("custody")])
    ]
    assert parse('custody "use of') == [Group([Term("custody"), Term("use of", phrase=True)])]


def test_or_separates_alternatives_and_minus_leaves_out():
    assert parse("jossigill or custody -settings") == [
        Group([Term("jossigill")]),
        Group([Term("custody")], [Term("settings")]),
    ]


def test_operators_alone_and_punctuation_alone_leave_nothing_to_look_for():
    for text in ("", "or", "or or", "-", "-custody", '"', '""', "!!! ??? ***", "- - -", "OR -x"):
        assert parse(text) == [], text


def test_fts5_query_quotes_every_term():
    groups = parse('custody "use of force" or jossigill -"right care"')
    assert fts5_query(groups) == (
        '(("custody" AND "use of force")) OR (("jossigill") NOT ("right care"))'
    )


def test_words_to_mark_are_those_looked_for():
    assert words(parse('Custody "use of force" -settings')) == ["custody", "use", "of", "force"]


HOSTILE = [
    'NEAR(a b)', "a AND", "AND OR NOT", "title:custody", "^start", "cust*", "(unbalanced",
    'a"b"c', '"""', "'; DROP TABLE action; --", "c++ c#", "x" * 10_000, "ünïcödé 警察 🚓",
    "a - b", "-", "{col}: x", "\\", "a:b:c", "NOT NOT NOT x",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_whatever_is_typed_fts5_accepts_the_query(text):
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='porter unicode61')")
    connection.execute("INSERT INTO t VALUES ('custody and use of force, c++ and ünïcödé 警察')")
    groups = parse(text)
    if groups:
        connection.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts5_query(groups),)).fetchall()
