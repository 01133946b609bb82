"""Where graphs live and where saved queries run: the embedded store and SPARQL servers.

- ``names``: the named graphs of the data layout (report graphs and shared graphs);
- ``layout``: parsed reports -> the graphs of that layout (report, authorities, history,
  vocabulary), the same for a store and for TriG or N-Quads files;
- ``embedded``: the persistent on-disk store (pyoxigraph), the default;
- ``history``: the derived history graph, recomputed from a store's contents;
- ``targets``: one small interface, ``select(query_text) -> Rows``, over the embedded store,
  RDF files loaded into an in-memory store, and a SPARQL endpoint;
- ``server``, ``credentials``, ``loadable``: SPARQL servers (Graph Store Protocol for
  ``load``, the SPARQL 1.1 Protocol for queries), credentials from the environment.

Only ``layout`` needs rdflib (it builds report graphs); the query path does not.
"""
