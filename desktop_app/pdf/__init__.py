"""ReportLab documents with correct Arabic (reads plain data; no Qt, no database session)."""
