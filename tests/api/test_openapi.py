"""/api/v1/openapi.json is a valid OpenAPI 3.1 document generated from the code, and /api/v1/docs
shows every operation in it, readable without signing in and with nothing fetched from elsewhere."""

import re

from openapi_spec_validator import validate
from openapi_spec_validator.validation.validators import OpenAPIV31SpecValidator


def test_the_document_is_valid_openapi_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"] == "3.1.0"
    validate(document, cls=OpenAPIV31SpecValidator)


def test_every_operation_is_described_needs_a_token_and_documents_its_errors(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert document["security"] == [{"bearerAuth": []}]
    operations = [
        (path, method, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    ]
    assert ("/api/v1/meetings", "get") in {(p, m) for p, m, _ in operations}
    for path, method, operation in operations:
        assert path.startswith("/api/v1/"), path
        assert operation.get("summary"), f"{method.upper()} {path} has no summary (a docstring)"
        assert "default" in operation["responses"], f"{method.upper()} {path}"
    problem = document["components"]["responses"]["DEFAULT_ERROR"]["content"]
    assert list(problem) == ["application/problem+json"]


def test_the_docs_page_lists_every_operation_without_signing_in(client):
    document = client.get("/api/v1/openapi.json").get_json()
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and page.mimetype == "text/html"
    for path, item in document["paths"].items():
        for method in item:
            if method in ("get", "post"):
                assert f"{method.upper()} {path}" in page.text
    # Everything the page loads comes from the tracker itself.
    for address in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert not address.startswith(("http:", "https:", "//")), address
    # A reader arriving here is told where to get a token.
    assert '<a class="govuk-link" href="/account/tokens">API tokens</a>' in page.text


def test_the_documents_do_not_need_a_token_and_set_no_cookie(app):
    anonymous = app.test_client(use_cookies=False)
    for url in ("/api/v1/openapi.json", "/api/v1/docs"):
        response = anonymous.get(url)
        assert response.status_code == 200, url
        assert "Set-Cookie" not in response.headers
