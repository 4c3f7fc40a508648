"""Publish safely: remove what files and texts give away before they are posted (pure)."""
