"""Batch builds: this shard's jobs, unchanged outputs kept, the others built in worker processes.

Each worker process builds many jobs, so WeasyPrint's import and font set-up are paid once per
worker, not once per output (measured: ten variants in one process 1.0 s, in ten
processes 6.9 s). Workers only return outputs; the caller writes them all at the end, so a build
with any failure writes nothing.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import hashlib
import io
import multiprocessing
import multiprocessing.util
import os
import re
import resource
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from zinepress.errors import Problem, Report, ZineError, set_display_root
from zinepress.inputs import Hasher
from zinepress.jobs import Job, Options
from zinepress.manifest import entry_path, read_entries
from zinepress.project import Project
from zinepress.write import Output, Stage

Progress = Callable[[int, int, str], None]
Unit = Callable[[Project, Job, Options, Report], Output | None]   # build.build_job


@dataclass(frozen=True)
class Done:
    """What one job gave back: its output or nothing, its problems, and who built it."""

    index: int
    output: Output | None
    problems: tuple[Problem, ...]
    worker: int                      # process id
    peak_kb: int                     # the worker's peak resident memory so far


def run_batch(project: Project, jobs: list[Job], options: Options, out: Path, report: Report,
              unit: Unit, progress: Progress | None = None, stage: Stage | None = None,
              twin: Callable[[Job], str | None] | None = None) -> list[Output]:
    """Return the outputs of this shard's jobs: unchanged ones kept, the others built.

    With a stage, each built output goes to a temporary file as soon as it arrives, so the
    build holds one output in memory at a time. twin: a key that says a job makes the same
    bytes as another with that key (an instruction sheet in another region): only the first is
    built, in whichever worker, and the others are copies of it.
    """
    jobs = shard(jobs, options.shard)
    outputs, todo = _kept(project, jobs, options, out)
    read_catalogs(project, [jobs[i] for i in todo], report)
    for output in outputs.values():     # in job order: still true, so said again
        _add(report, [_recorded(w) for w in output.warnings])
    copies = twins([jobs[i] for i in todo], list(todo), twin) if twin else {}
    later = {index for found in copies.values() for index in found}
    problems = {}
    for result in execute(project, jobs, [i for i in todo if i not in later], options, unit,
                          progress):
        problems[result.index] = result.problems
        if result.output is not None:   # staged as it arrives: never all outputs in memory
            output = dataclasses.replace(result.output, inputs=todo[result.index])
            for index in copies.get(result.index, ()):
                outputs[index] = _copy(output, jobs[index], todo[index], stage)
            outputs[result.index] = stage.put(output) if stage is not None else output
    for index in sorted(problems):      # reported in job order, whatever order they came in
        _add(report, problems[index])
    return [outputs[i] for i in sorted(outputs)]


def twins(jobs: list[Job], indexes: list[int],
          key: Callable[[Job], str | None]) -> dict[int, list[int]]:
    """Return, by the index of the first job of each kind, the later ones that make its bytes."""
    first: dict[str, int] = {}
    copies: dict[int, list[int]] = {}
    for job, index in zip(jobs, indexes):
        found = key(job)
        if found is not None and first.setdefault(found, index) != index:
            copies.setdefault(first[found], []).append(index)
    return copies


def _copy(output: Output, job: Job, inputs: str, stage: Stage | None) -> Output:
    """Return a copy of an output as another job's: its own place, variant and input hash."""
    copy = dataclasses.replace(output, lang=job.variant.lang, region=job.variant.region,
                               zine=job.zine.slug, edition=job.edition, path=job.path,
                               inputs=inputs)
    return stage.put(copy) if stage is not None else copy


def read_catalogs(project: Project, jobs: list[Job], report: Report) -> None:
    """Read and check the PO files of the jobs to build, here, once: each problem said once.

    A kept job's PO files are not read: its input hash says they are as when it was built, and
    that build had no error (it would have written nothing) and recorded its warnings, a
    copied translation's among them, with the output. So a build with nothing to build reports
    the same problems without parsing a PO file.
    """
    for job in jobs:
        project.translations(job.zine, job.variant.lang, report)
        project.words(job.variant.lang, report)


def _kept(project: Project, jobs: list[Job], options: Options,
          out: Path) -> tuple[dict[int, Output], dict[int, str]]:
    """Return the unchanged outputs by job index, and the input hash of every job to build."""
    hasher = Hasher(project, options, dt.date.today())
    previous = {} if options.force else read_entries(out)
    kept, todo = {}, {}
    for index, job in enumerate(jobs):
        digest = hasher.job(job)
        output = unchanged(previous, out, project.root, job, digest)
        if output is None:
            todo[index] = digest
        else:
            kept[index] = output
    return kept, todo


def shard(jobs: list[Job], part: tuple[int, int] | None) -> list[Job]:
    """Return part I of N: every N-th job in output-path order, from the I-th; the same anywhere."""
    if part is None:
        return jobs
    number, count = part
    ordered = sorted(range(len(jobs)), key=lambda i: str(jobs[i].path))
    chosen = set(ordered[number - 1::count])
    return [job for i, job in enumerate(jobs) if i in chosen]


def unchanged(previous: dict[str, dict], out: Path, root: Path, job: Job,
              digest: str) -> Output | None:
    """Return the earlier output when its inputs and its file are as the manifest recorded."""
    entry = previous.get(entry_path(out, job.path, root))
    if not _sound(entry) or entry["inputs"] != digest:
        return None
    try:
        with (out / job.path).open("rb") as handle:
            found = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None
    if found != entry["sha256"]:
        return None   # changed or damaged since: build it again
    return Output(job.zine.slug, job.edition, job.variant.lang, job.variant.region,
                  job.layout.name, job.paper, job.path, b"", entry["pages"], entry["sheets"],
                  tuple(entry["warnings"]), digest, built=False, file=out / job.path,
                  sha256=found, sides=entry["sides"])


def _sound(entry: object) -> bool:
    """Tell whether a manifest entry has every field a kept output takes from it, well typed.

    The manifest is a record, not an input: an entry that lacks one (an older zinepress, an
    edited file) only means the output is built again.
    """
    if not isinstance(entry, dict):
        return False
    counts = [entry.get(k) for k in ("pages", "sheets")]
    return (all(type(n) is int and n >= 0 for n in counts) and entry.get("sides") in (1, 2)
            and all(isinstance(entry.get(k), str) for k in ("inputs", "sha256"))
            and isinstance(entry.get("warnings"), list)
            and all(isinstance(w, str) for w in entry["warnings"]))


def execute(project: Project, jobs: list[Job], indexes: list[int], options: Options, unit: Unit,
            progress: Progress | None = None) -> Iterator[Done]:
    """Build the jobs at these indexes, in this process or in a pool of worker processes."""
    workers = min(options.workers or _cpu_count(), len(indexes))
    if workers <= 1:
        for number, index in enumerate(indexes, 1):
            if progress:
                progress(number, len(indexes), jobs[index].label)
            yield _build_one(project, jobs[index], options, unit, index)
        return
    _import_renderers()
    # Largest first, so that no worker is left with a long job at the end.
    indexes = sorted(indexes, key=lambda i: -len(jobs[i].zine.editions[jobs[i].edition]))
    pool = _context().Pool(workers, _start_worker, (project, jobs, options, unit))
    try:
        for number, done in enumerate(pool.imap_unordered(_work, indexes), 1):
            if progress:
                progress(number, len(indexes), jobs[done.index].label)
            yield done
        pool.close()    # let the workers end normally, so that they clean up after themselves
        pool.join()
    finally:
        pool.terminate()


def _import_renderers() -> None:
    """Import WeasyPrint and pikepdf once, before the fork, so that no worker imports them again.

    Nothing imports them at start-up (a build with nothing to do never needs them, issue 16).
    """
    import pikepdf  # noqa: F401
    import weasyprint  # noqa: F401


def sides(pdf: bytes, sheets: int) -> int:
    """Return 2 when the PDF has a front and a back page for each sheet, else 1.

    Counted where the output is made, and recorded in the manifest, so that saying how to print
    an unchanged output opens no PDF (issue 16).
    """
    import pikepdf   # where outputs are built, it is loaded already

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return 2 if len(document.pages) == 2 * sheets else 1


def parse_shard(text: str) -> tuple[int, int] | None:
    """Return (I, N) from 'I/N' with 1 <= I <= N, or None when the text is not that."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match:
        return None
    number, count = int(match[1]), int(match[2])
    return (number, count) if 1 <= number <= count else None


_WORKER: tuple[Project, list[Job], Options, Unit] | None = None
_INHERITED: list[object] = []


def _start_worker(project: Project, jobs: list[Job], options: Options, unit: Unit) -> None:
    from zinepress.render.fonts import font_config   # WeasyPrint: only where jobs are built

    global _WORKER
    _WORKER = (project, jobs, options, unit)
    set_display_root(project.root)
    # A FontConfiguration deletes its font folder when collected: one forked from the parent
    # must stay alive here, or the parent's folder goes. This process makes its own, and drops
    # it when it ends normally, which removes its folder.
    if font_config.cache_info().currsize:
        _INHERITED.append(font_config())
    font_config.cache_clear()
    multiprocessing.util.Finalize(None, _drop_fonts, exitpriority=10)
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C: the parent stops the pool


def _drop_fonts() -> None:
    from zinepress.render.fonts import font_config

    font_config.cache_clear()
    gc.collect()     # the configuration sits in reference cycles: collect it now, not never


def _work(index: int) -> Done:
    assert _WORKER is not None, "worker started without its jobs"
    project, jobs, options, unit = _WORKER
    return _build_one(project, jobs[index], options, unit, index)


def _build_one(project: Project, job: Job, options: Options, unit: Unit, index: int) -> Done:
    report = Report()
    try:
        output = unit(project, job, options, report)
    except ZineError as exc:
        report.extend(exc.problems)
        output = None
    if output is not None and not output.sides:
        output = dataclasses.replace(output, sides=sides(output.data, output.sheets))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return Done(index, output, tuple(report.problems), os.getpid(), peak)


def _context() -> multiprocessing.context.BaseContext:
    # fork: workers start with the loaded project and WeasyPrint already imported.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


_RECORDED = re.compile(r"(?P<path>.*?)(?::(?P<line>\d+))?: warning: (?P<message>.*)", re.S)


def _recorded(text: str) -> Problem:
    """Return a warning recorded in the manifest as the problem it was printed from."""
    match = _RECORDED.fullmatch(text)
    if not match:
        return Problem("manifest.json", None, text, "warning")
    line = int(match["line"]) if match["line"] else None
    return Problem(match["path"], line, match["message"], "warning")


def _add(report: Report, problems: list[Problem] | tuple[Problem, ...]) -> None:
    known = set(report.problems)
    for problem in problems:
        if problem not in known:
            known.add(problem)
            report.problems.append(problem)
