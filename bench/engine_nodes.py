"""OpenSearch nodes of our own, started and stopped from Python: for fault tests and benches.

Used by ``tests/test_search_faults_live.py`` (one node, paused and killed) and
``bench/search_failover.py`` (two nodes in a cluster on loopback, one killed). Each node runs the
distribution ``.ci/search-engine start opensearch`` unpacks (``$PORTAL_SEARCH_RUN/dist``, by
default ``/tmp/portal-search/dist/opensearch-3.3.2``; that script also fetches it from Maven Central
and adds the ``analysis-common`` module), in the foreground as a child process, with its own
ports, its own configuration, data and logs in a directory of its own (kept across a restart of
the node: the same data), Temurin 25 (``SEARCH_ENGINE_JAVA_HOME``) and a 512 MB heap. The engine
refuses to run as root: as root, the node runs as the system user ``portal-search`` (the one the
script creates). Nothing here downloads anything.

    node = Node("faults-1", http_port=9210, transport_port=9310, workdir=tmp)
    node.start(); node.wait_for_status("yellow")
    node.pause(); ...; node.resume()        # SIGSTOP / SIGCONT: the node hangs, then goes on
    node.kill(); node.start()               # SIGKILL, then the same node on the same data
    node.stop()                             # SIGTERM (SIGKILL after a grace period)
"""

import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import Path

OPENSEARCH_VERSION = "3.3.2"
ENGINE_USER = "portal-search"
DEFAULT_JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64"
HEAP = os.environ.get("SEARCH_ENGINE_HEAP", "512m")
_STATUS_ORDER = {"red": 0, "yellow": 1, "green": 2}


def distribution(version: str = OPENSEARCH_VERSION) -> Path:
    """Where ``.ci/search-engine start opensearch`` unpacks OpenSearch (the same variables)."""
    run = os.environ.get("PORTAL_SEARCH_RUN") or str(Path(os.environ.get("TMPDIR") or "/tmp") / "portal-search")  # noqa: S108
    return Path(run) / "dist" / f"opensearch-{version}"


def java_home() -> Path:
    return Path(os.environ.get("SEARCH_ENGINE_JAVA_HOME") or DEFAULT_JAVA)


def missing() -> str | None:
    """Why no node can be started here (no distribution, no Java, no engine user), or None."""
    home = distribution()
    if not (home / "bin" / "opensearch").exists():
        return f"no OpenSearch distribution at {home}: run `bash .ci/search-engine start opensearch` once"
    if not (home / "modules" / "analysis-common").is_dir():
        return f"{home} has no analysis-common module: unpack it with .ci/search-engine"
    if not (java_home() / "bin" / "java").exists():
        return f"no Java at {java_home()}: set SEARCH_ENGINE_JAVA_HOME to a JDK 21+"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(ENGINE_USER)
        except KeyError:
            return f"running as root and no user {ENGINE_USER!r}: .ci/search-engine creates it"
    return None


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def http_json(url: str, timeout: float = 2.0):
    """GET ``url`` as JSON; None when nothing answers (refused, timeout, an error status)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return json.loads(response.read())
    except (OSError, urllib.error.URLError, ValueError):
        return None


class NodeError(RuntimeError):
    pass


class Node:
    """One OpenSearch node on 127.0.0.1: a child process of this one."""

    def __init__(
        self,
        name: str,
        *,
        http_port: int,
        transport_port: int,
        workdir: Path | str,
        cluster: str = "portal-faults",
        seeds: Iterable[int] = (),
        cluster_managers: Iterable[str] = (),
        heap: str = HEAP,
        java_options: Iterable[str] = (),
    ):
        """``seeds`` (transport ports) and ``cluster_managers`` (node names) make it a member of a
        cluster (``discovery.seed_hosts``, ``cluster.initial_cluster_manager_nodes``); without
        them the node is a cluster of its own (``discovery.type=single-node``). ``java_options``
        are added to the JVM's (e.g. ``-XX:TieredStopAtLevel=1``: starts faster, runs slower)."""
        self.name = name
        self.http_port = http_port
        self.transport_port = transport_port
        self.cluster = cluster
        self.seeds = list(seeds)
        self.cluster_managers = list(cluster_managers)
        self.heap = heap
        self.java_options = list(java_options)
        self.home = distribution()
        self.dir = Path(workdir) / name
        self.process: subprocess.Popen | None = None
        self.paused = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    # --- starting -------------------------------------------------------------------------------

    def _prepare(self) -> None:
        """Configuration, data and log directories: made once, kept across restarts (same data)."""
        config = self.dir / "config"
        if config.exists():
            return
        for sub in ("data", "logs", "tmp"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        shutil.copytree(self.home / "config", config)
        options = config / "jvm.options"
        options.write_text(
            options.read_text()
            .replace("file=logs/", f"file={self.dir}/logs/")
            .replace("HeapDumpPath=data", f"HeapDumpPath={self.dir}/data")
            .replace("ErrorFile=logs/", f"ErrorFile={self.dir}/logs/")
        )
        if os.geteuid() == 0:
            engine = pwd.getpwnam(ENGINE_USER)
            for path in [self.dir, *self.dir.rglob("*")]:
                os.chown(path, engine.pw_uid, engine.pw_gid)

    def _settings(self) -> list[str]:
        settings = {
            "cluster.name": self.cluster,
            "node.name": self.name,
            "network.host": "127.0.0.1",
            "http.port": self.http_port,
            "transport.port": self.transport_port,
            "path.data": self.dir / "data",
            "path.logs": self.dir / "logs",
            "cluster.routing.allocation.disk.threshold_enabled": "false",
        }
        if self.seeds:
            settings["discovery.seed_hosts"] = ",".join(f"127.0.0.1:{port}" for port in self.seeds)
            settings["cluster.initial_cluster_manager_nodes"] = ",".join(self.cluster_managers)
        else:
            settings["discovery.type"] = "single-node"
        return [f"-E{key}={value}" for key, value in settings.items()]

    def start(self) -> None:
        """Start the node (again, on the same data, after ``kill`` or ``stop``); returns at once."""
        if self.running():
            raise NodeError(f"{self.name} runs already (pid {self.pid})")
        reason = missing()
        if reason:
            raise NodeError(reason)
        for port in (self.http_port, self.transport_port):
            if port_in_use(port):
                raise NodeError(f"port {port} is in use: {self.name} cannot start")
        self._prepare()
        java = str(java_home())
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.dir),
            "OPENSEARCH_JAVA_HOME": java,
            "JAVA_HOME": java,
            "OPENSEARCH_PATH_CONF": str(self.dir / "config"),
            "OPENSEARCH_JAVA_OPTS": " ".join([f"-Xms{self.heap}", f"-Xmx{self.heap}", *self.java_options]),
            "OPENSEARCH_TMPDIR": str(self.dir / "tmp"),
        }
        user = {"user": ENGINE_USER, "group": pwd.getpwnam(ENGINE_USER).pw_gid} if os.geteuid() == 0 else {}
        with open(self.dir / "logs" / "console.log", "ab") as console:
            # bin/opensearch execs java in the foreground: the child's pid is the engine's own,
            # so SIGSTOP / SIGKILL reach the engine itself.
            self.process = subprocess.Popen(  # noqa: S603 - our distribution, our arguments
                [str(self.home / "bin" / "opensearch"), *self._settings()],
                cwd=self.dir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a ^C to the test or bench is not the node's
                **user,
            )
        self.paused = False

    # --- state ----------------------------------------------------------------------------------

    def info(self, path: str = "", timeout: float = 2.0):
        return http_json(f"{self.url}/{path.lstrip('/')}", timeout=timeout)

    def health(self, timeout: float = 2.0) -> dict | None:
        """``_cluster/health`` as this node sees it (``local``: answers without a cluster manager)."""
        return self.info("_cluster/health?local=true", timeout=timeout)

    def status(self) -> str | None:
        health = self.health()
        return health.get("status") if health else None

    def wait_for(self, predicate, timeout: float = 120.0, interval: float = 0.2, what: str = "") -> float:
        """Poll ``predicate()`` until true; the seconds it took. Raises if the node exits or time runs out."""
        started = time.monotonic()
        while True:
            if predicate():
                return time.monotonic() - started
            if self.process is not None and self.process.poll() is not None:
                raise NodeError(f"{self.name} exited ({self.process.returncode}): {self.log_tail()}")
            if time.monotonic() - started > timeout:
                raise NodeError(f"{self.name}: not {what or predicate} within {timeout:.0f}s: {self.log_tail()}")
            time.sleep(interval)

    def wait_for_status(self, status: str = "yellow", timeout: float = 120.0, nodes: int | None = None) -> float:
        """Until the cluster, as this node sees it, is ``status`` or better (and has ``nodes``)."""

        def ok():
            health = self.health()
            if not health or _STATUS_ORDER.get(health.get("status"), -1) < _STATUS_ORDER[status]:
                return False
            return nodes is None or health.get("number_of_nodes") == nodes

        return self.wait_for(ok, timeout, what=f"{status}" + (f" with {nodes} nodes" if nodes else ""))

    def log_tail(self, lines: int = 15) -> str:
        log = self.dir / "logs" / "console.log"
        if not log.exists():
            return "(no log)"
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])

    # --- faults ---------------------------------------------------------------------------------

    def signal(self, sig: int) -> None:
        if not self.running():
            raise NodeError(f"{self.name} is not running")
        os.kill(self.process.pid, sig)

    def pause(self) -> None:
        """SIGSTOP: the process hangs; the kernel still accepts connections and buffers requests."""
        self.signal(signal.SIGSTOP)
        self.paused = True

    def resume(self) -> None:
        self.signal(signal.SIGCONT)
        self.paused = False

    def kill(self) -> None:
        """SIGKILL, as a crash or the OOM killer would: no shutdown, files as they are."""
        self.signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.paused = False

    def stop(self, grace: float = 30.0) -> None:
        """SIGTERM (after SIGCONT if paused), SIGKILL if still there after ``grace`` seconds. Idempotent."""
        if not self.running():
            return
        if self.paused:
            self.resume()
        self.process.terminate()
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)


def workdir(prefix: str = "portal-search-nodes-") -> Path:
    """A directory for nodes' files, readable by the engine user (pytest's tmp_path is not)."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


def cluster(names: list[str], http_ports: list[int], transport_ports: list[int], root: Path, **options) -> list[Node]:
    """Nodes that form one cluster on loopback (each seeds the others; all are cluster-manager eligible)."""
    return [
        Node(
            name,
            http_port=http,
            transport_port=transport,
            workdir=root,
            seeds=transport_ports,
            cluster_managers=names,
            **options,
        )
        for name, http, transport in zip(names, http_ports, transport_ports, strict=True)
    ]
