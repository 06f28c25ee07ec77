"""What several sections share: number cells and delegates, the spreadsheet view and TSV,
undo commands, workers, the store chooser, the period selector and lock bar, titled tables,
the audit table model and the texts of problems and daily figures."""
