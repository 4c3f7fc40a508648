"""The web app (Django). The only part of resguardo that imports Django."""
