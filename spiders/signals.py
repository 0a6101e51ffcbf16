"""The news spider's own signal: what it starts from, for the components recording the crawl."""

# Sent once as the spider starts, with plan=CrawlPlan.
crawl_planned = object()
