"""Fit stage: find panels whose content runs past their page. Nothing is ever clipped silently."""
from __future__ import annotations

import weasyprint

from zinepress.errors import Report
from zinepress.jobs import Job
from zinepress.model import Panel
from zinepress.render.document import describe, overflows


def check_fit(document: weasyprint.Document, panels: tuple[Panel, ...], job: Job,
              report: Report) -> bool:
    """Report every panel that does not fit its page; return whether all fit."""
    found = overflows(document, [p.id for p in panels])
    for overflow in found:
        panel = job.zine.panel(overflow.panel_id) if _known(job, overflow.panel_id) else None
        report.error(job.zine.yaml_path, panel.line if panel else None,
                     f"panel '{overflow.panel_id}' does not fit its page in {job.zine.slug} "
                     f"({job.variant.lang}, layout {job.layout.name}, {job.paper}): it runs over "
                     f"by about {describe(overflow)}; shorten it or split it into two panels")
    return not found


def _known(job: Job, panel_id: str) -> bool:
    return any(p.id == panel_id for p in job.zine.panels)
