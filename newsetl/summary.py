"""The run summary printed at the end of `newsetl run`: rows per table (and how many are new), the articles
of this batch (new, changed, already known), and the outcome of every source."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table


def skipped_items(counts: dict[str, int]) -> str:
    """"; 3 items without a link, 2 with a link that is not http(s) skipped", or "" when none were."""
    parts = [f"{n:,} {what}" for n, what in ((counts.get("skipped_no_url", 0), "items without a link"),
                                             (counts.get("skipped_bad_scheme", 0),
                                              "with a link that is not http(s)")) if n]
    return f"; {', '.join(parts)} skipped" if parts else ""


def print_summary(summary, console: Console | None = None) -> None:
    console = console or Console()
    seconds = (summary.finished_at - summary.started_at).total_seconds()
    if summary.status == "skipped":
        console.print(f"run {summary.run_id} skipped: another run of its schedule group is still in progress")
        return
    counts = summary.articles

    tables = Table(title="Warehouse", title_justify="left")
    tables.add_column("table")
    tables.add_column("rows", justify="right")
    tables.add_column("new this run", justify="right")
    for name, (rows, added) in summary.table_rows.items():
        tables.add_row(name, f"{rows:,}", f"{added:,}")
    console.print(tables)

    console.print(
        f"articles this run: {counts['items']:,} items -> {counts['articles']:,} articles: "
        f"[bold]{counts['new']:,} new[/], {counts['changed']:,} changed, "
        f"{counts['unchanged']:,} already known" + skipped_items(counts))
    if counts["new"] == 0 and counts["changed"] == 0:
        console.print("nothing new: the warehouse already holds everything these sources offer")

    sources = Table(title="Sources", title_justify="left")
    for column, justify in (("source", "left"), ("outcome", "left"), ("items", "right"),
                            ("pages", "right"), ("pages failed", "right"), ("error", "left")):
        sources.add_column(column, justify=justify, overflow="fold")
    for s in summary.sources:
        style = "red" if s["error"] else None
        sources.add_row(s["name"], s["outcome"], str(s["items"]), str(s["pages"]), str(s["pages_failed"]),
                        s["error"] or "", style=style)
    console.print(sources)

    failing = {name: n for name, n in summary.checks.items() if n}
    checks = (f"[red]{len(failing)} failing: {failing}[/]" if failing
              else f"all {len(summary.checks)} passed")
    console.print(f"data-quality checks: {checks}")
    if summary.stale_feeds:
        stale = Table(title=f"Feeds with no new article in {summary.stale_hours:g} h", title_justify="left")
        for column in ("feed", "outlet", "last outcome", "last new article (UTC)", "hours"):
            stale.add_column(column)
        for f in summary.stale_feeds:
            stale.add_row(f["feed"], f["outlet"] or "", f["last_outcome"] or "",
                          str(f["last_new_article_at"] or "never"),
                          "" if f["hours_since_new_article"] is None else f"{f['hours_since_new_article']:g}",
                          style="yellow")
        console.print(stale)
    stages = summary.stage_seconds
    console.print(f"run {summary.run_id} {summary.status} in {seconds:.1f} s"
                  + (f" (search index {stages['search_index']:.2f} s, publish {stages['publish']:.2f} s, "
                     f"lock wait {summary.lock_wait_seconds:.2f} s)" if "publish" in stages else ""))
