"""Custom NLU components, registered with Rasa's recipe when imported from config.yml."""
