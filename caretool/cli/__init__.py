"""Typer commands: parse, call one service function, hand the result to a view."""
