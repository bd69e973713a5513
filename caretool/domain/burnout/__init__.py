"""Caregiver burnout risk: a transparent points model over what the family already logs.

- model: the factors, the one thresholds table and the level (pure, no store)
- selfcheck: the weekly self-check questions, scoring and crisis help
- service: reads the entries through the store and assembles the assessment with tips
"""
