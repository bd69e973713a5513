"""Advance decisions: what the person has decided about resuscitation, ventilation and a feeding tube."""
