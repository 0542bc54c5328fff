"""A chart's SVG as a PNG picture, drawn by resvg (a Rust renderer in a wheel: no system library needed)."""

from __future__ import annotations

from cybrief.errors import UsageError

ZOOM = 2  # twice the SVG's size: sharp on high-density screens and in slides


def png_bytes(svg: str) -> bytes:
    """The SVG drawn as PNG with the system's fonts; needs the optional resvg-py package (cybrief[png])."""
    try:
        import resvg_py
    except ImportError:
        raise UsageError("--png needs the resvg-py package: pip install 'cybrief[png]' (or save --svg instead)") from None
    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg, zoom=ZOOM))
    except ValueError as exc:  # resvg refused the image: a bug of cybrief's, not the user's input
        raise RuntimeError(f"resvg could not draw the chart: {exc}") from None
