"""The API's description: /api/v1/openapi.json (generated from the code by flask-smorest) and
/api/v1/docs, a GOV.UK page rendered from the same document (no Swagger UI, nothing from a CDN).
Both are readable without signing in: they describe the API and hold no data."""

from flask import Blueprint, jsonify, render_template

from tracker.api import URL_PREFIX, api

bp = Blueprint("api_docs", __name__, url_prefix=URL_PREFIX)

METHODS = ("get", "post", "put", "patch", "delete")


def openapi_document() -> dict:
    return api.spec.to_dict()


@bp.get("/openapi.json")
def openapi_json():
    return jsonify(openapi_document())


@bp.get("/docs")
def docs():
    document = openapi_document()
    operations = [
        {"path": path, "method": method.upper(), **operation}
        for path, item in document.get("paths", {}).items()
        for method, operation in item.items()
        if method in METHODS
    ]
    return render_template("api/docs.html", title="API documentation", document=document,
                           operations=operations)
