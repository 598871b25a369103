"""The guide's build, free of any site engine: load and check the data file, make the generated pages
from templates, fill facts and blocks into every page, check links and unused facts, and add the Korean
search field. Nothing here imports MkDocs (a test imports it all with MkDocs blocked); hooks/guide.py is
the one adapter between MkDocs' events and `build.GuideBuild`."""
