"""Herstelplan: start the program (GUI, or a headless command; see `python main.py --help`)."""

import sys

from planner.app import main

if __name__ == "__main__":
    sys.exit(main())
