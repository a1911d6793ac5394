"""Reusable widgets: searchable pick lists, optional dates, form rows with inline errors."""
