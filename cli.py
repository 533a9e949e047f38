#!/usr/bin/env python3
"""Run zinepress from a checkout: `python cli.py …` does what the `zine` command does."""
from zinepress.cli import main

if __name__ == "__main__":
    main()
