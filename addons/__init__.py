"""Rasa-side extensions that wrap the leadqual core: NLU components and input channels."""
