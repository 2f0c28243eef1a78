"""Every check of the content and of the rendered HTML, run in one pass by content.load_content. No MkDocs."""
