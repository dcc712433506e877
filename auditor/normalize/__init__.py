"""One parser per value kind, shared by every adapter.

Each parser takes the text of a fact and returns its normalized value, or None when the text is
not of its kind; none of them raises on arbitrary text.
"""
