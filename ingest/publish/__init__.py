"""Stage 6: publishing what the saved queries answer, for people who would rather look
than query: a static site (``site``) and spreadsheets (``xlsx``).

Everything here is built from the rows of saved queries (``queries/*.rq``), never from the
parser's objects, so it works the same on the embedded store, on files and on a SPARQL
endpoint.
"""
