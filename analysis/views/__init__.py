"""What the notebooks show: widgets, plots, HTML views, the findings and the static report.
Views call the functions that compute; they never compute themselves."""
