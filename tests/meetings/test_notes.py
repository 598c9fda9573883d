"""Notes in Markdown: the minutes' structure survives, and nothing unsafe gets through."""

from tracker.meetings.notes import to_html


def test_paragraphs_bold_and_links_are_rendered():
    html = to_html("First **bold** point.\n\nSee [the plan](https://example.org/plan).")
    assert '<p class="govuk-body">First <strong>bold</strong> point.</p>' in html
    assert '<a href="https://example.org/plan" class="govuk-link">the plan</a>' in html


def test_raw_html_and_script_are_escaped_not_passed_through():
    html = to_html('<script>alert("x")</script>\n\nText <b onmouseover="x()">hi</b>')
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b " not in html and "&lt;b onmouseover" in html


def test_javascript_and_data_links_stay_text():
    html = to_html("[click](javascript:alert(1)) [data](data:text/html,x) <javascript:alert(2)>")
    assert "href" not in html
    assert "[click](javascript:alert(1))" in html


def test_mailto_links_are_allowed():
    assert 'href="mailto:team@example.org"' in to_html("[Email](mailto:team@example.org)")


def test_lettered_lines_become_a_lettered_list():
    html = to_html("The DMPC asked for:\na) the figures by district\nb) the framework")
    assert '<ol type="a" class="govuk-list govuk-list--number ca-lettered">' in html
    assert "<li>the figures by district</li>" in html
    assert "a)" not in html and "b)" not in html


def test_bullets_written_with_letters_as_in_the_published_minutes_become_lettered():
    notes = "- a) **Fund** - text\n\n  More about it.\n\n- b) **Campaign** - text"
    html = to_html(notes)
    assert 'type="a"' in html and "<ul" not in html
    assert "<strong>Fund</strong> - text" in html
    assert "More about it." in html


def test_letters_out_of_sequence_are_left_alone():
    html = to_html("b) not the start of a list")
    assert "<ol" not in html
    assert "b) not the start of a list" in html


def test_a_sentence_after_a_lettered_list_ends_it():
    html = to_html("a) one\nb) two\n\nNew paragraph.\n\nd) not part of it")
    assert html.index("</ol>") < html.index("New paragraph.")
    assert "d) not part of it" in html


def test_numbered_and_bulleted_lists_keep_their_kind():
    html = to_html("1. one\n2. two\n\n- x\n- y")
    assert '<ol class="govuk-list govuk-list--number">' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html


def test_headings_in_notes_do_not_break_the_page_heading_order():
    html = to_html("# Big heading")
    assert "<h1" not in html
    assert '<p class="govuk-body govuk-!-font-weight-bold">Big heading</p>' in html


def test_indented_text_is_a_paragraph_not_code():
    assert "<pre" not in to_html("    indented by habit")


def test_empty_notes_render_nothing():
    assert to_html("") == "" and to_html("   \n") == ""
