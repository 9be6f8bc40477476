"""The fetch layer: everything that gets bytes from the web or the raw store, and nothing that reads the
warehouse's state. A run chooses one fetcher (fetchers.py: the live one, or the replay of a recorded run).

    fetchers     LiveFetcher (HTTP, robots.txt, landing) and ReplayFetcher (a recorded run), chosen once
    http         one fetch: conditional GET, retries, size and time limits, file:// from disk
    politeness   the per-host gate, robots.txt, and where a fetch may reach (Reach)
    raw_store    every fetched body, once, under its SHA-256 (a local path or an fsspec URL)
    replay       a recorded run's fetches, read back from the raw store
"""
