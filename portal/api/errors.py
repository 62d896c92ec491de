"""The errors of the API as the OpenAPI document states them: RFC 7807 problems.

``problem_doc`` documents the error statuses of one operation (``openapi_extra``);
``problem_responses`` adds to a whole OpenAPI document the errors Wagtail's handlers
(``wagtail.api.v3.errors``) and ours answer for operations that document only their success.
"""

from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail


def problem_doc(descriptions: dict[int, str]) -> dict:
    """``openapi_extra`` documenting error statuses as RFC 7807 problems (``application/problem+json``,
    what the handlers send), not as the ``application/json`` that ``response={400: …}`` would say."""
    schema = ProblemDetail.model_json_schema()
    return {
        "responses": {
            status: {"description": description, "content": {PROBLEM_JSON: {"schema": schema}}}
            for status, description in descriptions.items()
        }
    }


def bad_request_doc(description: str = "Bad parameters: a problem (RFC 7807) naming them.") -> dict:
    """``openapi_extra`` documenting the HTTP 400 of a read."""
    return problem_doc({400: description})


#: What each error status means, as the OpenAPI document says it.
ERROR_DESCRIPTIONS = {
    400: "Bad parameters: a problem (RFC 7807) naming them.",
    401: "No valid API token (Authorization: Bearer …) for an operation that needs one.",
    403: "The token's user may not do this.",
    404: "No such object, or not visible to this request (drafts and private pages are not).",
    409: "Conflict with existing records: a deletion refused because records refer to the object and "
    "protect it (a royalty of an article…; the problem names their model and count), or a write that "
    "would repeat a unique value (the problem names the constraint).",
    413: "The request body is larger than the server accepts (max_bytes in the problem).",
    422: "The request body or parameters are not valid: a problem listing each error.",
}

#: The answer of the ``find`` operations: a redirect to the detail of what they found.
FOUND_RESPONSE = {
    "description": "Found: the Location header is the detail URL of the object found.",
    "headers": {"Location": {"description": "Detail URL in /api/v3/", "schema": {"type": "string"}}},
}


def error_statuses(method: str, path: str, operation: dict) -> set[int]:
    """The error statuses an operation of ``/api/v3/`` can answer (each as a problem):

    * **400** — a read with parameters (a value of the wrong type or out of range: ``portal.wagtail_patches``'s
      handler turns Ninja's validation errors of a GET into 400), a write taking a
      ``rich_text_format`` (rich text Wagtail cannot convert), a write with a request body that is
      not what its content type says (Ninja's "Cannot parse request body").
    * **401 / 403** — an operation that needs a token (its security has no ``AllowAnonymous``):
      no or an unknown token is 401, a token whose user lacks the permission is 403. Reads open to
      anonymous readers never answer them (``version=draft`` without a token reads the live page).
    * **404** — a path parameter naming an object (absent, not live, private…), the ``find``
      operations, a ``locale`` filter naming no locale of the site, and the creation of a page
      (``POST /api/v3/pages/``) whose ``meta.parent_id`` names no page.
    * **409** — a deletion: records that point at the object with a protecting foreign key (a
      royalty of an article) refuse it (``portal.wagtail_patches``, patch 8); a write with a body
      that would repeat a unique value (a recursive copy of legal documents: patch 12).
    * **413** — a write with a request body: above ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (a multipart
      upload: the largest file plus that), ``portal.http_errors``.
    * **422** — a write with a request body or parameters (Wagtail's validation problem).
    """
    params = operation.get("parameters", [])
    names = {p["name"] for p in params}
    has_path = any(p["in"] == "path" for p in params)
    body = "requestBody" in operation
    anonymous = any("AllowAnonymous" in entry for entry in operation.get("security") or [])
    secured = bool(operation.get("security")) and not anonymous
    statuses = set()
    if method == "get":
        if params:
            statuses.add(400)
    else:
        if "rich_text_format" in names or body:
            statuses.add(400)
        if body or params:
            statuses.add(422)
        if body:
            statuses |= {409, 413}
        if method == "delete":
            statuses.add(409)
    if secured:
        statuses |= {401, 403}
    if has_path or "locale" in names or path.rstrip("/").endswith("/find"):
        statuses.add(404)
    if method == "post" and path.rstrip("/").endswith("/pages"):
        statuses.add(404)  # meta.parent_id names no page
    return statuses


def problem_responses(schema: dict) -> dict:
    """``schema`` (an OpenAPI document) with each operation's error statuses (``error_statuses``)
    documented as ``application/problem+json`` ``ProblemDetail``, and the redirect of the ``find``
    operations, where it does not document them."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("ProblemDetail", ProblemDetail.model_json_schema(ref_template="#/components/schemas/{model}"))
    reference = {"$ref": "#/components/schemas/ProblemDetail"}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            if path.rstrip("/").endswith("/find") and 302 not in responses and "302" not in responses:
                responses[302] = FOUND_RESPONSE
            for status in sorted(error_statuses(method, path, operation)):
                if status not in responses and str(status) not in responses:  # Ninja's keys are ints
                    responses[status] = {
                        "description": ERROR_DESCRIPTIONS[status],
                        "content": {PROBLEM_JSON: {"schema": reference}},
                    }
    return schema
