"""The rules across fields, run once the model is built (and on a plan whose errors
can be set aside)."""
