"""Build-time Python for the Intervisiehandboek: data/ -> validated models -> pages and JSON."""

from .env import define_env

__all__ = ["define_env"]
