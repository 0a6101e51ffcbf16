"""Serve a directory with Debian's nginx on a free 127.0.0.1 port, with its own config in a
temporary folder: started and stopped by the benchmark, nothing of the system's touched."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

NGINX = "/usr/sbin/nginx"

_CONFIG = """
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/xml application/xml application/rss+xml text/plain;
    access_log off;
    sendfile on;
    keepalive_requests 1000000;
    open_file_cache max=1000 inactive=60s;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
        ssi on;
        location /_inc/ {{ internal; }}
    }}
}}
"""


class NginxMissing(RuntimeError):
    """Debian's nginx is not installed."""


@dataclass(frozen=True)
class Served:
    """A running nginx: its base URL and process (for its CPU time)."""

    base: str
    process: subprocess.Popen[bytes]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve_directory(root: Path, port: int) -> Iterator[Served]:
    """nginx serving root on 127.0.0.1:port (server-side includes on) until the block ends."""
    if not shutil.which(NGINX):
        raise NginxMissing(f"{NGINX} not found: apt-get install -y nginx-light")
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as prefix:
        config = Path(prefix) / "nginx.conf"
        config.write_text(_CONFIG.format(prefix=prefix, port=port, root=root.resolve()))
        # The worker runs as nobody: it must be able to read the site.
        for folder in (root, *root.parents):
            if folder.stat().st_mode & 0o005 != 0o005:
                folder.chmod(folder.stat().st_mode | 0o005)
        process = subprocess.Popen(
            [NGINX, "-p", prefix, "-c", str(config), "-g", "daemon off;"],
            stderr=subprocess.PIPE,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_for(base, process)
            yield Served(base, process)
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_for(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"nginx exited: {error}")
        try:
            with urllib.request.urlopen(f"{base}/robots.txt", timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not answer on {base}")
