"""Run the command line: ``python -m yingshang``."""

from .cli import main

raise SystemExit(main())
