"""The content model: item types, fields, relations, grades; reading pages (front matter, Markdown)
and the graph they make. No MkDocs."""
