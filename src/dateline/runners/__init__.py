"""Runners join readers, the pipeline and a store. They partition work; they do not analyse."""
