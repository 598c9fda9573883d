"""The minutes of a meeting, gathered with their lettered actions (data), printed and in Word."""
