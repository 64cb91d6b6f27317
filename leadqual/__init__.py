"""leadqual: qualifies sales prospects in conversation and scores their appetence.

This package is the pure core. It never imports rasa, rasa_sdk or sanic: the Rasa
actions, NLU components and channels under ``actions/`` and ``addons/`` wrap it.
"""
