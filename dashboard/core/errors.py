"""The one base of every exception the dashboard raises, so that each edge catches one type.

DashboardError                      carries a message key and its parameters
  AccountError (ValueError)         services/accounts: a user or password request refused
  NotAllowed (PermissionError)      services/accounts: the account may not do this
  NoFigures (LookupError)           services/reporting: nothing stored to report on
  UnknownSnapshot (LookupError)     services/snapshots
  CommentRefused (ValueError)       services/comments: empty, too long, no such target
  ItemRefused (ValueError)          services/item_names: a rename of a named item refused
  BackupError                       services/backup: no, a damaged or a foreign backup
  BadLine (ValueError)              core/journal_lines: a journal line damaged or too new
  StoreError                        store/errors
    DatabaseBusy                    another process holds the database file
    DatabaseDamaged, DatabaseMissing  the database file unreadable, or gone
    DiskFull, FolderReadOnly        a write failed: no space, or not allowed
    JournalDamaged                  store/journal: a damaged line, or lines missing
    FolderConflict                  store/records: the journal swapped for another's
    JournalBehind                   services/journal: the database holds lines it lacks
    FolderMismatch, JournalMissing  services/database: database and data folder differ
  MissingFont (RuntimeError)        export/fonts: no CJK font for PDF and PNG
  IngestError                       core/problems: a file was refused; .problems lists all
    CatalogueError                  targets.csv or seasonal_profiles.csv was refused
  CellError (ValueError)            ingest/cells: one cell cannot be read
  BadSheet (ValueError)             ingest/sheet_extent: a worksheet's XML is damaged or forged
  UnknownIndicator, UnknownEntity,
    AmbiguousIndicator (LookupError)  ingest/resolve: a name that is not one target
  UnknownUnit, IncompatibleUnits (ValueError)  core/units
  BadSettings (ValueError)          core/settings: a threshold setting refused
  NotShared (LookupError)           core/entity_ranking: a target no two areas hold

Library code raises; only the edges (cli.main, ui/errors.py) turn an error into words, in
the person's language: `err.text(lang)`. `str(err)` is the English text.
"""

from dashboard.core.messages import text


class DashboardError(Exception):
    def __init__(self, key: str, **params):
        self.key, self.params = key, params
        super().__init__(key)

    def __str__(self) -> str:
        # Worded when read, not when raised: ingest raises one per refused context, and
        # a file of 199,000 unknown names would word 400,000 messages nobody reads.
        return self.text("en")

    def text(self, lang: str) -> str:
        return text(self.key, lang, **self.params)
