"""Pure text functions: Arabic normalisation, phones, national IDs, check-in codes, reference data."""
