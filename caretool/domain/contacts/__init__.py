"""The care team's contacts: who to call, in which order, and the numbers as the family typed them."""
