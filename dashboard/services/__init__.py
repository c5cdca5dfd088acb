"""Use cases shared by the command line and the pages: reporting, uploading, snapshots,
accounts, exports and opening (or rebuilding) the database."""
