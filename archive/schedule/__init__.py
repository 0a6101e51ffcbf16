"""The scheduler: starts the crawls of due sites as child processes (or hands them to scrapyd),
a few at a time, never two of one site, and stops them resumable."""
