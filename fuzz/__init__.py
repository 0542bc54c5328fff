"""Fuzz targets for cybrief and a runner for them (python fuzz/run.py --help)."""
