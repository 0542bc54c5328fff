"""cybrief: structured briefs of Chinese policy press conferences, and the queries that answer from them."""

__version__ = "1.0.0"

__all__ = ["__version__", "CybriefError", "Library", "open_library", "load_brief"]


def __getattr__(name: str):
    # The public API is imported on first use so that `cybrief --help` stays fast.
    if name in ("Library", "open_library"):
        from cybrief import library

        return getattr(library, name)
    if name == "load_brief":
        from cybrief.brief.load import load_brief

        return load_brief
    if name == "CybriefError":
        from cybrief.errors import CybriefError

        return CybriefError
    raise AttributeError(f"module 'cybrief' has no attribute {name!r}")
