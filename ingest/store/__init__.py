"""Where graphs are kept and asked: the embedded store, and SPARQL servers."""
