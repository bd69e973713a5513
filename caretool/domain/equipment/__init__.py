"""The machines and aids of late-stage care: what is in use, its settings and who supplies it."""
