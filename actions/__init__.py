"""Rasa custom actions: thin adapters that read the tracker, call one leadqual service, and answer."""
