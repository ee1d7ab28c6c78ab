extensions = ["meerzorg_law.sphinxext"]
language = "nl"
meerzorg_regeling = "regeling"
meerzorg_casussen = ["gevallen"]
meerzorg_hoofduitkomsten = ["recht", "reden"]
