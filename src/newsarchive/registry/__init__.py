"""The outlet registry: which outlets to crawl, where their feeds and sitemaps are."""

from newsarchive.registry.loader import (
    KINDS,
    Outlet,
    Registry,
    RegistryError,
    UnknownOutletError,
    default_registry_path,
    load_registry,
)

__all__ = [
    "KINDS",
    "Outlet",
    "Registry",
    "RegistryError",
    "UnknownOutletError",
    "default_registry_path",
    "load_registry",
]
