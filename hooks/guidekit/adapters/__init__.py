"""Everything that knows MkDocs, Material or a plugin: messages, patches, redirects, dates, files, build state."""
