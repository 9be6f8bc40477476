"""The run summary printed at the end of `newsetl run`: rows per table (and how many are new), the articles
of this batch (new, changed, already known), and the outcome of every source."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from newsetl.output import output_console

# what a network error comes down to, for one line of the summary (the full text stays in `fetches.error`)
NETWORK_CAUSES = (("Connection refused", "connection refused"), ("timed out", "timed out"),
                  ("Name or service not known", "host not found"),
                  ("Temporary failure in name resolution", "host not found"),
                  ("CERTIFICATE_VERIFY_FAILED", "TLS certificate not trusted"),
                  ("Connection reset", "connection reset"), ("Max retries exceeded", "unreachable"))
BRIEF_LENGTH = 100


def brief(error: str | None) -> str:
    """A source's error in one short line: the URL and what it came down to for a network error, else the
    message's first line, cut at BRIEF_LENGTH characters."""
    if not error:
        return ""
    first = error.splitlines()[0]
    if " fetching " in first:
        url = first.split(" fetching ", 1)[1].split(": ", 1)[0]
        cause = next((short for marker, short in NETWORK_CAUSES if marker in error), "network error")
        first = f"{cause}: {url}"
    return first if len(first) <= BRIEF_LENGTH else first[:BRIEF_LENGTH - 1] + "…"


def print_dry_run(summary, console: Console) -> None:
    """`reprocess --dry-run`: each table's rows now, after a reprocess, and the change; nothing written."""
    tables = Table(title="reprocess --dry-run: what a reprocess would change (nothing was written)",
                   title_justify="left")
    for column, justify in (("table", "left"), ("rows now", "right"), ("after reprocess", "right"),
                            ("change", "right")):
        tables.add_column(column, justify=justify)
    for name, (after, change) in summary.table_rows.items():
        tables.add_row(name, f"{after - change:,}", f"{after:,}", f"{change:+,}" if change else "0",
                       style="yellow" if change < 0 else None)
    console.print(tables)
    counts = summary.articles
    console.print(f"replayed: {counts['items']:,} items -> {counts['articles']:,} articles")


def skipped_items(counts: dict[str, int]) -> str:
    """"; 3 items without a link, 2 with a link that is not http(s) skipped", or "" when none were."""
    parts = [f"{n:,} {what}" for n, what in ((counts.get("skipped_no_url", 0), "items without a link"),
                                             (counts.get("skipped_bad_scheme", 0),
                                              "with a link that is not http(s)")) if n]
    return f"; {', '.join(parts)} skipped" if parts else ""


def nothing_new_line(sources: list[dict]) -> str:
    """What a run that added and changed nothing means: everything is known already only if every source
    was read and gave its items; a source that failed or gave none (a listing page with no card found) is
    named, never hidden behind "nothing new"."""
    missing = [s["name"] for s in sources if s["error"] or s["outcome"] == "no_items"]
    if not missing:
        return "nothing new: the warehouse already holds everything these sources offer"
    named = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
    return (f"nothing new from the sources that were read; {len(missing)} gave nothing "
            f"({named}): see their outcome below")


def print_summary(summary, console: Console | None = None) -> None:
    console = console or output_console()
    seconds = (summary.finished_at - summary.started_at).total_seconds()
    if summary.status == "skipped":
        console.print(f"run {summary.run_id} skipped: another run of its schedule group is still in progress")
        return
    counts = summary.articles
    if summary.status == "dry_run":
        print_dry_run(summary, console)
        return

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
        console.print(nothing_new_line(summary.sources))

    sources = Table(title="Sources", title_justify="left")
    for column, justify in (("source", "left"), ("outcome", "left"), ("items", "right"),
                            ("pages", "right"), ("pages failed", "right"), ("error", "left")):
        sources.add_column(column, justify=justify, overflow="fold")
    for s in summary.sources:
        warning = s.get("warning")
        style = "red" if s["error"] else "yellow" if warning else None
        outcome = "ok, with warnings" if warning and s["outcome"] == "ok" else s["outcome"]
        sources.add_row(s["name"], outcome, str(s["items"]), str(s["pages"]), str(s["pages_failed"]),
                        brief(s["error"] or warning), style=style)
    console.print(sources)

    if summary.rejected_items:
        skipped = Table(title=f"Items skipped ({len(summary.rejected_items)}; all in rejected_items)",
                        title_justify="left")
        for column in ("source", "stage", "link as given", "reason"):
            skipped.add_column(column, overflow="fold")
        for item in summary.rejected_items[:10]:
            skipped.add_row(item.get("source") or item["feed_id"] or "", item["stage"],
                            (item["item_url"] or "")[:200], item["reason"][:200], style="yellow")
        console.print(skipped)

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
    console.print(f"run {summary.run_id} {summary.status} in {seconds:.1f} s, started "
                  f"{summary.started_at:%Y-%m-%d %H:%M:%S} UTC"
                  + (f" ({stage_times(stages)}; lock wait {summary.lock_wait_seconds:.2f} s)"
                     if stages else ""))


def stage_times(stages: dict[str, float]) -> str:
    """Where a run's time went, stage by stage in the order they ran: "prepare 0.31 s, fetch 40.12 s, ..."
    (stage names as the flow laps them: fetch, merge_wait, transform, entities, stories, load, search_index,
    views_checks, publish)."""
    return ", ".join(f"{stage.replace('_', ' ')} {secs:.2f} s" for stage, secs in stages.items())
