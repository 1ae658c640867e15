"""Additions to the OpenAPI schema drf-spectacular makes: the answers every endpoint may give besides 200."""

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}


def add_common_responses(result, generator, request, public):
    """Every GET may be answered 304 (conditional GET), 400 (a control character), 404 (an unknown slug or page)
    or 429 (the throttle)."""
    result["components"]["schemas"]["Error"] = ERROR
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result["paths"].values():
        for operation in operations.values():
            responses = operation["responses"]
            # Refused by the site before any view (website/control_characters.py), with the site's error page.
            responses.setdefault(
                "400",
                {
                    "description": "A control character in the address or in a parameter.",
                    "content": {"text/html": {"schema": {"type": "string"}}},
                },
            )
            responses.setdefault("304", {"description": "Not modified since the ETag or date the request gives."})
            responses.setdefault("404", {"description": "No such public record, or no such page.", "content": error})
            responses.setdefault(
                "429",
                {
                    "description": "Too many requests from this address; see the Retry-After header.",
                    "content": error,
                    "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}},
                },
            )
    return result
