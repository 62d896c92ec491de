"""Build the search engine's indexes when they do not exist yet (``make run`` with ``SEARCH_URL``).

On the database backend the index is kept by every save and there is nothing to build. On an
Elasticsearch/OpenSearch backend a missing index must be built by ``update_index`` before pages are
saved: otherwise the engine would create it on the first save, without the portal's Vietnamese
analysis. This command checks, for every engine backend configured, that the index of every
indexed model exists, and runs ``update_index`` on that backend when one is missing (the database
fallback beside it needs nothing: it follows every save, with or without ``SEARCH_URL``). It
exits 1 with a message when the engine does not answer.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.index import get_indexed_models

from search.resilience import RecordFailuresMixin, is_engine_error


def missing_indexes(backend) -> list[str]:
    """The names of the indexes ``backend`` (an engine) lacks for the models it indexes."""
    names = []
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        # The client directly: modelsearch's index.exists() passes the name positionally, which
        # the Elasticsearch 9 client refuses.
        if index.name not in names and not backend.es.indices.exists(index=index.name):
            names.append(index.name)
    return names


class Command(BaseCommand):
    help = "Tạo chỉ mục của máy tìm kiếm (Elasticsearch/OpenSearch) nếu chưa có (chạy update_index)."

    def handle(self, *args, verbosity=1, **options):
        engines = []
        for name in get_app_config().get_search_backend_config():
            backend = get_search_backend(name)
            if isinstance(backend, RecordFailuresMixin):
                engines.append((name, backend))
        if not engines:
            if verbosity >= 1:
                self.stdout.write("search_ensure_index: database backend only; its index follows every save.")
            return
        for name, backend in engines:
            try:
                missing = missing_indexes(backend)
            except Exception as error:
                if not is_engine_error(error):
                    raise
                raise CommandError(
                    f"search backend {name!r} does not answer ({type(error).__name__}); is the engine "
                    "at SEARCH_URL running? (`make es` starts a local one)"
                ) from error
            if not missing:
                if verbosity >= 1:
                    self.stdout.write(f"search_ensure_index: {name}: indexes present.")
                continue
            if verbosity >= 1:
                self.stdout.write(f"search_ensure_index: {name}: building {', '.join(missing)} (update_index).")
            call_command("update_index", backend_name=name, verbosity=verbosity, stdout=self.stdout._out)
