"""The guide's content model and its checks, independent of MkDocs.

Everything here takes plain data (file text, dicts) and returns data (findings,
graphs, Markdown strings), so the checks can run inside the MkDocs hook, in the
tests, and as a plain command (`python -m guidekit docs`) without MkDocs.
"""
