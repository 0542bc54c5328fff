"""Entry point for `python -m cybrief`."""

import sys

from cybrief.quick import main

sys.exit(main())
