"""Rendering: Rich for people, JSON/Markdown/HTML for files. No business rules here."""
