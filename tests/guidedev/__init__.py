"""What the tests and the scripts (scripts/) share: building and serving the site, driving Chromium, the
page-weight audit and the search probe. Installed into .venv with the project (`make install-dev` runs
`pip install -e .`), so both import it by name, like `guidekit`."""
