"""The KPI matrix section: the editor of a store's monthly KPI matrix and its plans."""
