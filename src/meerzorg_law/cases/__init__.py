"""Cases (casussen): YAML -> validated Case values -> results per version."""
