"""The analytics sections: the dashboard, the ratings and the charts."""
