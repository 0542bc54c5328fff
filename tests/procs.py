"""Running cybrief in real child processes: in a pseudo-terminal, or bound by file permissions even as root."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CYBRIEF = [sys.executable, "-m", "cybrief"]


def run_in_pty(argv: list[str], env: dict[str, str] | None = None, timeout: float = 60, columns: int = 300) -> tuple[int, bytes]:
    """Run a command with stdout and stderr on a pseudo-terminal `columns` wide; return its exit code and bytes."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    try:
        child = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    finally:
        os.close(slave)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], timeout)
            if not ready:
                child.kill()
                raise TimeoutError(f"{argv} printed nothing for {timeout} s")
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
    return child.wait(timeout=timeout), b"".join(chunks)


def terminal_env(**extra: str) -> dict[str, str]:
    """The environment of an interactive terminal: no colour overrides, a known width, no preferences, and no
    pager (a pager would wait for keys that never come) unless `extra` names one."""
    dropped = ("NO_COLOR", "FORCE_COLOR", "CYBRIEF_DEBUG", "COLUMNS", "LINES", "CYBRIEF_LANG", "CYBRIEF_FORMAT", "PAGER",
               "LESS", "CYBRIEF_LIBRARY")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(TERM="xterm-256color", CYBRIEF_PAGER="cat")
    env.update(extra)
    return env


def drop_file_override() -> None:
    """In a child running as root: give up the capabilities that let root read and write any file
    (CAP_DAC_OVERRIDE = 1, CAP_DAC_READ_SEARCH = 2), so that permissions bind root as they bind anyone."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def permissions_bind(folder: Path) -> bool:
    """Whether a child started with `as_plain_user()` is refused a file with mode 000."""
    probe = folder / "permission-probe"
    probe.write_text("x")
    probe.chmod(0)
    try:
        done = subprocess.run([sys.executable, "-c", f"open({str(probe)!r}).read()"], capture_output=True, **as_plain_user())
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        probe.unlink()
    return done.returncode != 0 and b"PermissionError" in done.stderr


def as_plain_user() -> dict:
    """subprocess keyword arguments that make file permissions bind the child, root or not."""
    return {"preexec_fn": drop_file_override} if os.geteuid() == 0 else {}
