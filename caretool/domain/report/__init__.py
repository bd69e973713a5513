"""The weekly summary report: numbers (build), reading the store (service), and the rules.

`build` is pure: it turns a household, a list of records and what the medication and burnout
services said into one plain dict, the single source for every format (text, md, html, json).
"""
