# Written by `clausier pack sign`: the publisher's key, and its signature over this
# pack's files (clause files, `pack.toml`, the files its tests read). Do not edit.
version = 1
key = "ed25519:Xkk8LnAWmaM8v6GxD/X55R9W/sV0xIiMfz0mSqeswvg="
signature = "abcxc0q1sUpMnA9pcGFmFo5gdhNmJBD4puEVUQ+E3n4XxSez4ecXxT71tSyiskDzsjUzC/OwPeERlb1wh9qNJbBCQ=="
