"""Find article URLs: feeds, sitemaps, robots.txt and links on home and section pages."""
