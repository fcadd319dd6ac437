"""Graph stores (see ../shared/DESIGN.md)."""
