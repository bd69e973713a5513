"""The one-page emergency sheet: who the person is, the risks a crew must know, and whom to call."""
