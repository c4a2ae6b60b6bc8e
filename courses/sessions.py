"""What the reading path keeps in a visitor's session, by key.

A neutral module, so reads (selectors) and writes (services) both use the names
without one importing the other.
"""

LESSONS_DONE_SESSION_KEY = "pause.lessons_done"  # ["module/lesson", …] for a visitor without an account
REGION_SESSION_KEY = "pause.region"  # the region the reader chose, for the help and law pages
# The help finder's "how old was the person in the image?" answer, from the POST to the results page
# that follows it, then forgotten (the answers never go in the address, so not in the history).
HELP_AGE_SESSION_KEY = "pause.help_age"
