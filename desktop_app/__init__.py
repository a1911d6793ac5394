"""Tashbeek: an offline registry of partners and people, trainings, attendance and Arabic certificates."""

__version__ = "0.1.0"
APP_NAME = "Tashbeek"
