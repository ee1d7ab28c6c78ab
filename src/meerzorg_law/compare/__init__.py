"""Comparison of versions: outcomes per case with their causes (trace diff), and the renvooi of the text."""
