//! Packs on disk: finding their clause files, reading `pack.toml`, hashing, compiling.
