"""What every answer under /api/ gets before the page cache or a view is reached: CORS, the throttle, and
conditional GET.

Placed before website.page_cache.PageCacheMiddleware, so a response served from the page cache is counted,
answered 304 and given CORS headers exactly like one made by the view:

- CORS: any origin may read the API with GET and HEAD (`Access-Control-Allow-Origin: *`, the validators and
  links exposed); a preflight OPTIONS is answered here. Nothing else of the site sends CORS headers.
- Throttle: API_THROTTLE_REQUESTS per API_THROTTLE_WINDOW_SECONDS per client address (throttling.py), then 429
  with Retry-After.
- Conditional GET: the ETag and Last-Modified come from the content generation (validators.py), so a matching
  If-None-Match (or If-Modified-Since) is answered 304 before any database work.
- Cache-Control: `public, no-cache`: any cache may keep an answer but must revalidate it first, so a change to the
  archive is never served stale, as the page cache never serves a stale page.
"""

import json

from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext

from . import throttling
from .validators import validators_for

API_PREFIX = "/api/"
READ_METHODS = ("GET", "HEAD")
CORS_METHODS = ("GET", "HEAD", "OPTIONS")
EXPOSED_HEADERS = "ETag, Last-Modified, Link, Retry-After, Content-Disposition"
ALLOWED_REQUEST_HEADERS = "Accept, If-None-Match, If-Modified-Since"
PREFLIGHT_MAX_AGE = 24 * 60 * 60
REVALIDATE = "public, no-cache"
UNCACHEABLE = "no-cache"


def is_api_request(request):
    return request.path_info.startswith(API_PREFIX)


class OpenDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api_request(request):
            return self.get_response(request)
        response = _preflight() if request.method == "OPTIONS" else self._answer(request)
        if request.method in CORS_METHODS:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response

    def _answer(self, request):
        allowance = throttling.admit(request)
        if not allowance.allowed:
            return _too_many_requests(allowance.retry_after)
        if request.method not in READ_METHODS:
            return self.get_response(request)  # the API's views answer 405
        validators = validators_for(request)
        if validators is not None:
            not_modified = get_conditional_response(
                request, etag=validators.etag, last_modified=int(validators.last_modified.timestamp())
            )
            if not_modified is not None:
                return _with_validators(not_modified, validators)
        response = self.get_response(request)
        if response.status_code == 404 and not response["Content-Type"].startswith("application/json"):
            response = _not_found()  # an address under /api/ that names no endpoint: JSON, like every API error
        if response.status_code == 200 and validators is not None:
            return _with_validators(response, validators)
        response["Cache-Control"] = UNCACHEABLE
        return response


def _with_validators(response, validators):
    response["ETag"] = validators.etag
    response["Last-Modified"] = validators.last_modified_header
    response["Cache-Control"] = REVALIDATE
    return response


def _preflight():
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = ", ".join(CORS_METHODS)
    response["Access-Control-Allow-Headers"] = ALLOWED_REQUEST_HEADERS
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    response["Allow"] = ", ".join(CORS_METHODS)
    return response


def _not_found():
    return HttpResponse(json.dumps({"detail": gettext("Not found.")}), status=404, content_type="application/json")


def _too_many_requests(retry_after):
    detail = gettext("Too many requests from this address. Try again in %(seconds)d s.") % {"seconds": retry_after}
    response = HttpResponse(json.dumps({"detail": detail}), status=429, content_type="application/json")
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = UNCACHEABLE
    return response
