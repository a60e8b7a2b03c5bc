"""A tiny reader for the vocabulary's text blocks.

A block is a header line (`a | b | c`) followed by `key: value` lines; `- text` lines
are list items under the key `-`, and lines indented by two spaces continue the
previous value. Blocks are separated by blank lines.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Block:
    head: tuple[str, ...]
    fields: dict[str, tuple[str, ...]]

    def one(self, key: str) -> str:
        values = self.fields.get(key, ())
        return values[0] if values else ""

    def many(self, key: str) -> tuple[str, ...]:
        return self.fields.get(key, ())

    def part(self, index: int) -> tuple[str, ...]:
        """The comma-separated items of header part `index` (empty if missing)."""
        if index >= len(self.head):
            return ()
        return tuple(item.strip() for item in self.head[index].split(",") if item.strip())


def read_blocks(text: str) -> tuple[Block, ...]:
    blocks = []
    for chunk in text.strip().split("\n\n"):
        lines = chunk.splitlines()
        fields: dict[str, list[str]] = {}
        key = ""
        for line in lines[1:]:
            if line.startswith("  ") and key:
                fields[key][-1] += " " + line.strip()
                continue
            if line.startswith("- "):
                key, value = "-", line[2:]
            else:
                key, _, value = line.partition(":")
            fields.setdefault(key.strip(), []).append(value.strip())
        head = tuple(part.strip() for part in lines[0].split("|"))
        blocks.append(Block(head, {k: tuple(v) for k, v in fields.items()}))
    return tuple(blocks)
