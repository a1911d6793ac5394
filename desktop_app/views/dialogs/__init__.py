"""Dialogs shared by several screens; pages import them from here, never from each other."""
