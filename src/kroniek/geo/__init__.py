"""Geography: an offline gazetteer of countries, regions and towns, and the names Dutch gives them."""

from .gazetteer import Candidate, Gazetteer, distance_km, load_gazetteer

__all__ = ["Candidate", "Gazetteer", "distance_km", "load_gazetteer"]
