"""Run a command and measure it as a whole: wall time, CPU time of the process and all its
children, peak memory of them all together, and the CPU the rest of the machine used
meanwhile (the machine is shared: a figure means little without the load it was taken in)."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

_TICK = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Measured:
    """One finished command: its figures, and the machine's while it ran."""

    seconds: float
    cpu_seconds: float  # the process and every child, reaped or not
    own_cpu_seconds: float  # the process alone, without its children
    peak_rss_mb: float  # the most resident memory of the process tree at one time (summed RSS)
    peak_pss_mb: float  # the same counting pages shared between processes once (summed PSS)
    others_cores: float  # cores busy with other processes, on average (not us, not the server)
    load: float  # the 1-minute load average when it started
    returncode: int


def _busy_seconds() -> float:
    """CPU time of the whole machine so far (every core, not idle or waiting for I/O)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[:8])
    return (user + nice + system + irq + softirq + steal) / _TICK


class _Tree:
    """The command's processes as last seen: CPU per pid, and the peak of their summed RSS."""

    def __init__(self, root: psutil.Process):
        self.root = root
        self.cpu: dict[int, float] = {}
        self.peak_rss = 0
        self.peak_pss = 0
        self.samples = 0

    def sample(self) -> None:
        try:
            members = [self.root, *self.root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        rss = pss = 0
        # PSS (the kernel walks every mapping) costs more to read: every fifth sample.
        proportional = self.samples % 5 == 0
        self.samples += 1
        for member in members:
            try:
                with member.oneshot():
                    times = member.cpu_times()
                    rss += member.memory_info().rss
                    pss += member.memory_full_info().pss if proportional else 0
            except psutil.NoSuchProcess:
                continue
            # A child's own time, not its reaped children's: those are counted as themselves.
            self.cpu[member.pid] = max(self.cpu.get(member.pid, 0.0), times.user + times.system)
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)


def cpu_of(processes: list[psutil.Process]) -> float:
    """CPU seconds of these processes and their children (a server's workers)."""
    total = 0.0
    for process in processes:
        try:
            members = [process, *process.children(recursive=True)]
        except psutil.NoSuchProcess:
            continue
        for member in members:
            try:
                times = member.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += times.user + times.system
    return total


def measure(command: list[str], cwd: Path, servers: list[psutil.Process], log: Path) -> Measured:
    """Run command (output to log), sampling its process tree every 0.1 s."""
    load = os.getloadavg()[0]
    busy, served = _busy_seconds(), cpu_of(servers)
    started = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        tree = _Tree(psutil.Process(process.pid))
        while True:
            tree.sample()
            # Reaped here, not by Popen: wait4 gives the kernel's CPU account of the command
            # and of every child it waited for.
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.1)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    cpu = max(usage.ru_utime + usage.ru_stime, sum(tree.cpu.values()))
    machine = _busy_seconds() - busy
    others = machine - cpu - (cpu_of(servers) - served)
    return Measured(
        seconds=seconds, cpu_seconds=cpu, own_cpu_seconds=tree.cpu.get(process.pid, 0.0),
        peak_rss_mb=tree.peak_rss / 2**20,
        peak_pss_mb=tree.peak_pss / 2**20,
        others_cores=max(others, 0.0) / seconds, load=load,
        returncode=process.returncode,
    )  # fmt: skip
