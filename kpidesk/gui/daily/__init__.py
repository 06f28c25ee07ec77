"""The store manager's sections: the daily entry form (one day, per seller) and the month
grid (a month of days at a glance)."""
