"""Settings for one CLI invocation."""

from __future__ import annotations

from dataclasses import replace

from ..config import Settings


class AppState:
    settings: Settings | None = None

    def configure(self, *, db: str | None, model: str | None) -> None:
        s = Settings.from_env()
        if db:
            s = replace(s, db=db)
        if model:
            s = replace(s, model=model)
        self.settings = s

    def get(self) -> Settings:
        if self.settings is None:
            self.settings = Settings.from_env()
        return self.settings


app_state = AppState()
