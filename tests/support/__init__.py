"""Fixture builders shared by the tests and the benchmarks (which put the repository root on
``sys.path`` to import them). Everything here makes files from nothing; no binary is committed."""
