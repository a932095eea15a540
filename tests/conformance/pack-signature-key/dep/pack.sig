# Written by `clausier pack sign`: the publisher's key, and its signature over this
# pack's files (clause files, `pack.toml`, the files its tests read). Do not edit.
version = 1
key = "ed25519:oQk5Ozt5kOA6IQ1nHVHg1QeIlFUrafbd6Grm+XhJMnA="
signature = "EQdTOnI/DqaMGTUEBT6rbYFeWf7HGVrOblSySi3XOQsVKqNzGu6a9POv4f/zmV8liL9C+WRZjw6e30UtlE9pBw=="
