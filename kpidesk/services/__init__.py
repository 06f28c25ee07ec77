"""Use cases — the only API the GUI and the CLI call: open a company, compute a period,
import and export, back up and restore, build the demo. Never Qt."""
