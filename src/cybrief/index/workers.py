"""Worker processes that parse brief files for the index builder, so that a large build uses every core.

Each worker is a plain `python` child running serve(): it reads tasks (lists of jobs for
rows.rows) from its stdin and writes their results to its stdout, both as length-prefixed marshal
data. Plain children, not multiprocessing: a multiprocessing child imports the caller's main module again,
which breaks any script that calls cybrief without an `if __name__ == "__main__"` guard, and forking a
process that holds threads and an open database is unsafe.

The caller gets the results in the order of its jobs. Tasks go round the workers in turn, `ahead` of what the
caller has consumed. Each worker has a thread that writes its tasks (the caller must never block writing
the next task to it) and one that reads its results as they come, so that it goes on parsing while the
caller is busy (writing a batch of briefs to the index, which takes a second or two).
"""

from __future__ import annotations

import marshal
import os
import queue
import struct
import subprocess
import sys
import threading
from collections import deque

AHEAD = 3  # tasks in flight per worker, unless the caller asks for more
_SIZE = struct.Struct("<Q")

_BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from cybrief.index.workers import serve; serve()"


def parsed(jobs, workers: int, task: int, ahead: int = AHEAD):
    """rows.rows(job) for every job, in order, computed by `workers` child processes, each given `ahead` tasks of
    `task` jobs beyond those consumed (as many as it parses while the caller is busy).

    Closed before the end (an error, Ctrl-C, the caller stopping), it kills the workers at once: one may be
    blocked writing a result nobody will read, and would never see its input end.
    """
    pool: list[_Worker] = []
    finished = False
    try:
        pool += [_Worker() for _ in range(workers)]
        jobs = iter(jobs)
        sent: deque = deque()  # (worker, number of jobs) in the order sent
        turn = 0
        while True:
            while len(sent) < workers * ahead:
                chunk = [job for _, job in zip(range(task), jobs)]
                if not chunk:
                    break
                pool[turn].send(chunk)
                sent.append((pool[turn], len(chunk)))
                turn = (turn + 1) % workers
            if not sent:
                finished = True
                return
            worker, count = sent.popleft()
            results = worker.receive()
            if len(results) != count:
                raise OSError("an index worker answered out of turn")
            yield from results
    finally:
        for worker in pool:
            worker.close(kill=not finished)


class _Worker:
    def __init__(self):
        package_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        self.process = subprocess.Popen(
            [sys.executable, "-c", _BOOT, package_parent], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        self.tasks: queue.Queue = queue.Queue()
        self.results: queue.Queue = queue.Queue()
        self.writer = threading.Thread(target=self._write, daemon=True)
        self.writer.start()
        self.reader = threading.Thread(target=self._collect, daemon=True)
        self.reader.start()

    def send(self, jobs: list) -> None:
        self.tasks.put(jobs)

    def _write(self) -> None:
        stream = self.process.stdin
        try:
            while (jobs := self.tasks.get()) is not None:
                data = marshal.dumps(jobs)
                stream.write(_SIZE.pack(len(data)) + data)
                stream.flush()
        except (OSError, ValueError):
            pass  # the worker is gone: receive() says so
        finally:
            try:
                stream.close()
            except OSError:
                pass

    def _collect(self) -> None:
        """Read results until the worker's output ends (then None); unmarshalled here, beside the caller's work."""
        stream = self.process.stdout
        try:
            while (data := _read(stream)) is not None:
                self.results.put(marshal.loads(data))
        except (OSError, ValueError, EOFError, TypeError):
            pass  # the worker was stopped, or wrote what no worker writes: receive() says it stopped
        finally:
            self.results.put(None)

    def receive(self) -> list:
        answer = self.results.get()
        if answer is None:
            raise OSError("an index worker stopped")
        kind, value = answer
        if kind == "error":
            raise RuntimeError(f"an index worker failed: {value}")
        return value

    def close(self, kill: bool = False) -> None:
        """Let the worker finish (the writer closes its stdin: it sees the end and exits), or kill it."""
        self.tasks.put(None)
        if kill:
            self.process.kill()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover - a stuck worker
            self.process.kill()
            self.process.wait()
        self.reader.join()  # its output ended with the process: closed only once nothing reads it
        self.process.stdout.close()


def _read(stream) -> bytes | None:
    head = stream.read(_SIZE.size)
    if len(head) < _SIZE.size:
        return None
    (size,) = _SIZE.unpack(head)
    data = stream.read(size)
    return data if len(data) == size else None


def serve() -> None:
    """A worker's loop: tasks in on stdin, results out on stdout, until stdin ends."""
    import signal

    from cybrief.index.rows import rows

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the caller, which then closes our stdin
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while (data := _read(source)) is not None:
        try:
            answer = ("rows", [rows(job) for job in marshal.loads(data)])
        except Exception as exc:  # a bug: the caller raises it
            answer = ("error", f"{type(exc).__name__}: {exc}")
        out = marshal.dumps(answer)
        sink.write(_SIZE.pack(len(out)) + out)
        sink.flush()
