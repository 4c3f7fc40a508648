"""The command line: the only part of resguardo that prints."""
