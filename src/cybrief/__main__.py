"""Entry point for `python -m cybrief`."""

import sys

from cybrief.cli.quick import main

if __name__ == "__main__":  # not when a worker process that builds the index imports it again
    sys.exit(main())
