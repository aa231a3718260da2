"""The build of the Intervisiehandboek in three stages, each runnable on its own (`python -m sitebuild`):

1. load (`load.py`): read and validate data/ into one immutable `SiteData`;
2. generate (`generate.py`): the pages and /api/*.json files that come from the data, written into a docs
   folder; mkdocs-macros (`macros/`) renders the rest of the content;
3. finish (`finish/`): work on the built folder, whatever generator made it: bundles, the Dutch search
   forms, the Content-Security-Policy and the service worker.

`mkdocs_hooks.py` is the one MkDocs hook file; it only calls these stages.
"""
