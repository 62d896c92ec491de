"""The portal's search backends, named by ``WAGTAILSEARCH_BACKENDS`` (docs/search-backends.md).

- ``config``: ``search_backends()``, which builds that setting from the environment, and the
  constants it uses; it imports no backend and no model, so the settings import it;
- ``database``: the database backend (``BACKEND: "search.backends.database"``), SQLite FTS5 or
  PostgreSQL by the connection's vendor;
- ``elasticsearch``: the Elasticsearch/OpenSearch backends, with Vietnamese analysis;
- ``instances``: ``backend(name)``, the backend of an entry built once and kept (modelsearch's
  ``get_search_backend`` builds a new one, with a new engine client, on every call).

Wagtail imports a backend's module when it first asks for that backend; importing this package
imports none of them.
"""
