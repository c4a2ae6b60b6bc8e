"""What the reading path keeps in a visitor's session, by key.

A neutral module, so reads (selectors) and writes (services) both use the names
without one importing the other.
"""

LESSONS_DONE_SESSION_KEY = "pause.lessons_done"  # ["module/lesson", …] for a visitor without an account
REGION_SESSION_KEY = "pause.region"  # the region the reader chose, for the help and law pages
