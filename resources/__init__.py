"""kpidesk's resources (translations, print stylesheet, icons), installed as the package
``kpidesk.resources``; ``kpidesk.gui.resources.resource_path`` finds them from a source
checkout, an installed package or a PyInstaller build."""
