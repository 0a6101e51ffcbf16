"""Sites and schedules kept in the archive: each site's definition, checked; when it is due;
the sites file (TOML); and the `sites` commands."""
