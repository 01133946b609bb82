"""ofsted-kg: Ofsted children's services inspection reports as a knowledge graph.

The pipeline is a straight line, one module a stage:
``sources`` (file -> text with page numbers) -> ``parse`` (text -> ``model.Report``)
-> ``links`` (findings <-> recommendations) -> ``graph`` (report -> RDF)
-> ``validate`` / ``queries``. ``cli`` is a thin layer over them.
"""

__version__ = "0.1.0"
