"""Use cases over the database, with no Qt: the GUI and the CLI both call these functions."""
