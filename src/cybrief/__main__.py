"""Entry point for `python -m cybrief`."""

from cybrief.cli import main

main()
