"""The editor itself: yaml-language-server (what VS Code's YAML extension runs), spoken to
over the Language Server Protocol on its standard input and output.

``Editor.errors(texts)`` opens each text as a document whose first line points at the
schema, and returns the errors the server publishes for each (warnings and hints left out).
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any


class Editor:
    def __init__(self, server: Path, schema: Path) -> None:
        self.schema = schema
        self.process = subprocess.Popen([str(server), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buffer = b""
        self.opened = 0
        self._send({"id": 1, "method": "initialize",
                    "params": {"processId": None, "rootUri": None, "capabilities": {}}})
        while (message := self._read(30)) is not None and message.get("id") != 1:
            pass
        if message is None:
            raise RuntimeError("yaml-language-server did not answer initialize")
        self._send({"method": "initialized", "params": {}})
        self._send({"method": "workspace/didChangeConfiguration", "params": {"settings": {
            "yaml": {"validate": True, "schemaStore": {"enable": False}}}}})

    def close(self) -> None:
        self.process.kill()
        self.process.wait()

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self, wait: float) -> dict[str, Any] | None:
        """The next message, or None when the server says nothing for ``wait`` seconds."""
        assert self.process.stdout is not None
        until = time.monotonic() + wait
        while True:
            if b"\r\n\r\n" in self.buffer:
                head, rest = self.buffer.split(b"\r\n\r\n", 1)
                length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length"))
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    message: dict[str, Any] = json.loads(rest[:length])
                    return message
            left = until - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.process.stdout], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 65536)
                if not chunk:
                    return None
                self.buffer += chunk

    def errors(self, texts: list[str]) -> list[list[str]]:
        uris = []
        for text in texts:
            self.opened += 1
            uri = f"file:///npmplan-editor-check/{self.opened}.yaml"
            uris.append(uri)
            self._send({"method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": uri, "languageId": "yaml", "version": 1,
                "text": f"# yaml-language-server: $schema={self.schema}\n{text}"}}})
        found: dict[str, list[str]] = {}
        while len(found) < len(uris) and (message := self._read(60)) is not None:
            if message.get("method") == "workspace/configuration":
                items = len(message["params"]["items"])
                self._send({"id": message["id"], "result": [{"validate": True}] * items})
            elif message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                found[params["uri"]] = [d["message"] for d in params["diagnostics"]
                                        if d.get("severity", 1) == 1]
        # a document may be published again once its schema is loaded: keep the last word
        while (message := self._read(1.0)) is not None:
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                if params["uri"] in found:
                    found[params["uri"]] = [d["message"] for d in params["diagnostics"]
                                            if d.get("severity", 1) == 1]
        missing = [uri for uri in uris if uri not in found]
        if missing:
            raise RuntimeError(f"no diagnostics for {len(missing)} documents")
        return [found[uri] for uri in uris]
