extensions = ["meerzorg_law.sphinxext"]
meerzorg_regeling = "regeling"
meerzorg_casussen = []
