"""The building blocks of the JSON API (Wagtail API v3 + Django Ninja): typed fields
(``fields``), typed listings (``listings``), errors in the OpenAPI document (``errors``) and the
registry of the routers apps add (``registry``)."""
