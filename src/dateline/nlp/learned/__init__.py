"""Models learned from data, applied without their training libraries (weights under data/)."""
