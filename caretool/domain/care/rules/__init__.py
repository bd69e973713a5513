"""The red-flag rules, one module per area; each module's RULES lists its rules (see care/flags.py)."""

from __future__ import annotations

from caretool.domain.care.flags import Rule
from caretool.domain.care.rules import breathing, care_logs, general, medicines, swallowing, weight

# Order matters only for ties: panels are sorted by urgency, then by this order.
ALL: tuple[Rule, ...] = (*swallowing.RULES, *breathing.RULES, *care_logs.RULES, *medicines.RULES,
                         *weight.RULES, *general.RULES)
BY_ID: dict[str, Rule] = {rule.id: rule for rule in ALL}
