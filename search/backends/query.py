"""Query objects of our own that the backends understand beyond Wagtail's."""

from modelsearch.query import PlainText


class AtLeast(PlainText):
    """Plain words of which at least ``minimum`` must match: the search service's soft matching
    (docs/search.md, "Query understanding") on a backend whose query compiler says
    ``supports_minimum = True`` (Elasticsearch/OpenSearch: ``minimum_should_match``). Elsewhere
    it is an OR query of the words."""

    def __init__(self, query_string: str, minimum: int):
        super().__init__(query_string, operator="or")
        self.minimum = minimum
