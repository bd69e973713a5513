"""Progression: the numbers ALS clinics follow (the functional rating, breathing tests, weight),
their trends and stages, and the decisions they call for.

items       the 12 ALSFRS-R items: numbers and short neutral names only (no item wording is bundled)
staging     King's stage estimated from the items (Balendra 2014) and MiToS stage (Chiò 2015)
rate        ΔFS since onset and the least-squares slope between ratings
body        weight change from the baseline and over 1, 3 and 6 months; BMI
lungs       the FVC trend
prompts     decision prompts: "talk to the care team about X at the next visit"
service     reading the months a command needs and putting it all together
interview   `caretool rating add` asked item by item

Every function here is pure except those in service, which take the store they are handed.
"""
