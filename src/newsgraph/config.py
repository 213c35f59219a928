"""newsgraph's one config: `config.cfg` (spaCy's config format) read into `Settings`.

Every value that changes what is extracted or stored comes from here: the stages and their
factories' settings, the cleaner's thresholds, the cross-article resolution; `[run]` holds how
a run is carried out (batch size, workers, time limit), which never changes a record.
`Settings.digest` is a hash of the output settings: the store keeps it with each article, so a
change of settings is seen as a change of the article.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from newsgraph.boilerplate import CleanSettings
from newsgraph.errors import NewsgraphError

DEFAULT_CONFIG = Path(__file__).with_name("config.cfg")
SPACY_MAX_LENGTH = 1_000_000
"""spaCy's own limit on one text (`nlp.max_length`, error E088)."""
RUN_SECTION = "run"
"""The one section that never changes output (and is left out of the digest)."""


class ConfigError(NewsgraphError, ValueError):
    """A config file or override that newsgraph cannot use; the message says which value."""


@dataclass(frozen=True)
class RunSettings:
    batch_size: int = 16
    workers: int = 1
    timeout: float | None = 60
    max_bytes: int = 20 * 1024 * 1024
    max_chars: int = 100_000
    max_lines: int = 5_000
    max_tokens: int = 30_000
    kept_words: int = 100_000

    def __post_init__(self) -> None:
        check_max_chars(self.max_chars)


def check_max_chars(max_chars: int) -> None:
    """An article's character limit must stay below spaCy's own (past it spaCy raises E088
    and the whole batch fails), so both the config and the batch function refuse it."""
    if not 0 < max_chars < SPACY_MAX_LENGTH:
        raise ConfigError(f"[run] max_chars must be between 1 and {SPACY_MAX_LENGTH - 1} "
                          f"(spaCy's limit is {SPACY_MAX_LENGTH}), not {max_chars}")


@dataclass(frozen=True)
class ResolveSettings:
    event_window_days: int = 3
    similar_names_at: float = 0.85


@dataclass(frozen=True)
class ScaleSettings:
    """`newsgraph run` (docs/scale.md): how a scale-out run is carried out; never output."""

    part_size: int = 256
    ray_workers: int = 2
    ray_num_cpus: float = 0.5
    ray_retries: int = 1


@dataclass(frozen=True)
class Settings:
    """The settings of one run, as read from a config file (see `load_settings`)."""

    run: RunSettings = field(default_factory=RunSettings)
    stages: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()
    components: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    clean: CleanSettings = field(default_factory=CleanSettings)
    resolve: ResolveSettings = field(default_factory=ResolveSettings)
    busy_timeout_ms: int = 120_000
    scale: ScaleSettings = field(default_factory=ScaleSettings)

    def output(self) -> dict[str, Any]:
        """Every setting that can change a record or a stored row, as plain JSON."""
        return {
            "pipeline": {"stages": list(self.stages), "imports": list(self.imports)},
            "components": {name: dict(values) for name, values in self.components.items()
                           if name in self.stages},
            "clean": asdict(self.clean),
            "resolve": asdict(self.resolve),
        }

    @property
    def digest(self) -> str:
        """A short hash of `output()`: equal digests, equal extraction."""
        text = json.dumps(self.output(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    def with_run(self, **values: Any) -> Settings:
        """The same settings with some `[run]` values replaced (None leaves one as it is)."""
        chosen = {key: value for key, value in values.items() if value is not None}
        return replace(self, run=replace(self.run, **chosen))


def load_settings(path: str | Path | None = None,
                  overrides: Mapping[str, Any] | None = None) -> Settings:
    """Settings from a config file (newsgraph's own `config.cfg` when `path` is None), with
    `overrides` as dotted keys ("run.workers": 2, "components.quotes.min_direct_words": 3).
    A missing key takes newsgraph's default; an unknown one is an error (a typo must not be
    silently ignored)."""
    from confection import Config

    try:
        default = Config().from_disk(DEFAULT_CONFIG)
        config = default if path is None else default.merge(Config().from_disk(path))
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot read the config {path}: {error}") from error
    for dotted, value in (overrides or {}).items():
        *sections, key = dotted.split(".")
        target = config
        for section in sections:
            target = target.setdefault(section, {})
        target[key] = value
    return _settings(config, path or DEFAULT_CONFIG)


def _settings(config: Mapping[str, Any], path: str | Path) -> Settings:
    known = {"run", "pipeline", "clean", "components", "resolve", "store", "scale"}
    unknown = set(config) - known
    if unknown:
        raise ConfigError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}")
    clean = dict(config.get("clean", {}))
    pipeline = dict(config.get("pipeline", {}))
    return Settings(
        run=_section(RunSettings, config.get("run", {}), "run", path),
        stages=tuple(pipeline.pop("stages", ())),
        imports=tuple(pipeline.pop("imports", ())),
        components={name: dict(values) for name, values in config.get("components", {}).items()},
        clean=_section(CleanSettings, clean, "clean", path),
        resolve=_section(ResolveSettings, config.get("resolve", {}), "resolve", path),
        busy_timeout_ms=int(config.get("store", {}).get("busy_timeout_ms", 120_000)),
        scale=_section(ScaleSettings, config.get("scale", {}), "scale", path),
    )


def _section(kind: type, values: Mapping[str, Any], name: str, path: str | Path) -> Any:
    allowed = {item.name for item in fields(kind)}
    unknown = set(values) - allowed
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) in [{name}]: {', '.join(sorted(unknown))}"
                          f" (known: {', '.join(sorted(allowed))})")
    return kind(**values)


DEFAULT_SETTINGS = load_settings()
"""newsgraph's own settings, read once."""


def stage_defaults(stage: str) -> dict[str, Any]:
    """A stage's settings as newsgraph's config.cfg gives them (its factory's defaults)."""
    return dict(DEFAULT_SETTINGS.components.get(stage, {}))
