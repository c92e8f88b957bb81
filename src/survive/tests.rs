//! Survivorship tests: blocks kept together, alternates, sources, stable IDs.
