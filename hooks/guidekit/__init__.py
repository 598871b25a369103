"""Plain functions that turn the validated guide data into Markdown and HTML.

Nothing in this package imports MkDocs except `errors` (for `PluginError`), so every function can be
tested with plain data. The thin hook files one level up adapt MkDocs events to these functions.
"""
