"""The local web page: upload reports, review the plan check, download the tables.

``summarylab serve`` runs :func:`create_app` under uvicorn on 127.0.0.1.  The
pages are in Chinese and need no network: the one script and the one style
sheet are served by the app (``/static``), text is in the system's Chinese
fonts.  Everything a page shows comes from the store and the library (ingest,
check, audit, panel); the web layer holds no analysis of its own.

Example:
    >>> from summarylab.web import create_app
    >>> app = create_app("/tmp/corpus.duckdb")            # doctest: +SKIP
    >>> import uvicorn; uvicorn.run(app, port=8000)        # doctest: +SKIP
"""

from __future__ import annotations

from .app import MAX_REQUEST_BYTES, create_app, is_loopback, serve

__all__ = ["create_app", "serve", "is_loopback", "MAX_REQUEST_BYTES"]
