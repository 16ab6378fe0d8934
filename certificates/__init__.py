"""Certificates: issued once per completed course, rendered to PDF/A by WeasyPrint, verifiable."""
