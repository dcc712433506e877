"""Extraction: recognise each document's template and turn it into claims with evidence."""

from auditor.extract.base import Adapter, Collector
from auditor.extract.registry import ADAPTERS, adapter_named, extract_document, recognise

__all__ = ["ADAPTERS", "Adapter", "Collector", "adapter_named", "extract_document", "recognise"]
