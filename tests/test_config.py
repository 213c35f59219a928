"""One config: newsgraph's config.cfg holds every setting that changes output; a user's file
overrides it; the output settings' digest changes with them and only with them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.config import DEFAULT_CONFIG, DEFAULT_SETTINGS, ConfigError, load_settings
from newsgraph.stages.factories import STAGES, build_pipeline

TEXT = ('"We will drive fascism away," separatist leader Denis Pushilin told the miners in '
        "Donetsk on Wednesday.")


def test_the_default_config_names_every_stage_and_its_settings():
    assert DEFAULT_SETTINGS.stages == STAGES == ("dateline", "entities", "references",
                                                "published", "times", "quotes", "events")
    assert DEFAULT_SETTINGS.components["entities"] == {"max_role_tokens": 16}
    assert DEFAULT_SETTINGS.components["dateline"] == {"lines": 6}
    nlp = build_pipeline()
    for stage in STAGES:  # the factories' settings are the config's, not a copy of them
        assert nlp.get_pipe_config(stage) | {} == {
            "factory": f"newsgraph_{stage}", **DEFAULT_SETTINGS.components[stage]}


def test_the_digest_follows_output_settings_only(tmp_path: Path):
    assert DEFAULT_SETTINGS.with_run(workers=4, batch_size=8).digest == DEFAULT_SETTINGS.digest
    other = load_settings(overrides={"components.entities.max_role_tokens": 3})
    assert other.digest != DEFAULT_SETTINGS.digest
    cleaner = load_settings(overrides={"clean.short_words": 12})
    assert cleaner.clean.short_words == 12 and cleaner.digest != DEFAULT_SETTINGS.digest
    assert len(DEFAULT_SETTINGS.digest) == 12


def test_unknown_settings_are_refused_with_their_name(tmp_path: Path):
    with pytest.raises(ConfigError, match=r"unknown setting.*shortwords"):
        load_settings(overrides={"clean.shortwords": 12})
    with pytest.raises(ConfigError, match="unknown section"):
        load_settings(overrides={"cleaning.short_words": 12})
    with pytest.raises(ConfigError, match="max_role_token"):
        build_pipeline(STAGES, {"entities": {"max_role_token": 3}})


def test_a_config_file_changes_what_extract_writes(tmp_path: Path):
    from newsgraph.cli import main

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    config = tmp_path / "roles.cfg"
    config.write_text("[components]\n\n[components.entities]\nmax_role_tokens = 1\n", "utf-8")
    runner = CliRunner()

    def roles(*options: str) -> list[str]:
        result = runner.invoke(main, ["extract", str(article), "-q", *options])
        assert result.exit_code == 0, result.output
        record = json.loads(result.stdout)
        return [role for entity in record["entities"] for role in entity.get("roles", [])]

    assert roles() == ["separatist leader"]
    assert roles("--config", str(config)) == []  # a two-word title is past the limit of one
    broken = tmp_path / "broken.cfg"
    broken.write_text("[components]\n\n[components.entities]\nmax_roles = 1\n", "utf-8")
    refused = runner.invoke(main, ["extract", str(article), "--config", str(broken)])
    assert refused.exit_code == 1 and "max_roles" in refused.stderr
    assert "Traceback" not in refused.output


def test_the_shipped_config_is_the_package_data():
    assert DEFAULT_CONFIG.name == "config.cfg" and DEFAULT_CONFIG.parent.name == "newsgraph"
    assert "[components.events]" in DEFAULT_CONFIG.read_text("utf-8")
