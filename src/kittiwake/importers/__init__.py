"""Importers: other tools' dictionaries (PETRARCH/TABARI, Wikidata) as kittiwake YAML."""
