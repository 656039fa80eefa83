"""One module per output. Renderers take computed figures and return text; they never
compute figures themselves and never print."""
