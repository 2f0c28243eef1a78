"""The pages the build generates (index cards, overview, self-check, glossary, editors' markers) and the item panel."""
