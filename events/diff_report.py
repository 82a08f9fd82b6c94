"""A diff of the events file written for people: the review's Markdown (a pull request's job summary) and the
entry data/CHANGELOG.md takes, both from one ``events.diff.Diff``."""

from __future__ import annotations

from datetime import date

from events.diff import Described, Diff, Shift

MAX_LISTED = 200  # figures listed per section; a larger change says how many more


def markdown(change: Diff, old: str, new: str) -> str:
    """The review: what viewers will see change, then the figures, then what the new file's check says."""
    lines = [f"## Data review: `{old}` → `{new}`", "",
             f"Rows {change.rows.before} → {change.rows.after}; figures added {len(change.added)}, removed "
             f"{len(change.removed)}, changed {len(change.changed)}.", "", "### What viewers see", ""]
    lines += [f"- **Headline**: {_shift(change.headline)}"]
    lines += [f"- **{a.name}**: {_shift(a)}" for a in change.areas] or [
        "- No area's figure of people detained changed."]
    lines += _figures("Figures added", change.added)
    lines += _figures("Figures removed", change.removed)
    if change.changed:
        lines += ["", "### Figures changed", ""]
        for item in change.changed[:MAX_LISTED]:
            lines.append(f"- `{item.figure.id}` (line {item.figure.line}) {item.figure.title}: {item.figure.value}")
            lines += [f"  - `{c.row}` {c.column}: {_cell(c.before)} → {_cell(c.after)}" for c in item.cells]
            lines += [f"  - source added: `{row}`" for row in item.rows_added]
            lines += [f"  - source removed: `{row}`" for row in item.rows_removed]
        lines += _more(len(change.changed))
    mistakes = [p for p in change.new_problems if not p.is_note]
    notes = [p for p in change.new_problems if p.is_note]
    lines += ["", "### Check of the new file", ""]
    if not change.new_problems:
        lines.append("No new problem and no new note.")
    lines += [f"- line {p.line}, {p.column}: {p.message} [{p.code}]" for p in mistakes]
    lines += [f"- note, line {p.line}, {p.column}: {p.message} [{p.code}]" for p in notes]
    return "\n".join(lines) + "\n"


def changelog(change: Diff, day: date, summary: str = "") -> str:
    """The entry data/CHANGELOG.md takes for this change, newest first under its heading."""
    paragraphs = [f"## {day.isoformat()}: {summary or 'changes to the record'}"]
    if change.added:
        paragraphs.append("**Added.** " + "; ".join(
            f"`{f.id}` ({f.title}: {f.value}, {f.area or 'no place'}, {f.period})" for f in change.added) + ".")
    if change.changed:
        paragraphs.append("**Changed.** " + "; ".join(_changed_words(item) for item in change.changed) + ".")
    if change.removed:
        paragraphs.append("**Removed.** " + "; ".join(f"`{f.id}` ({f.title})" for f in change.removed) + ".")
    shifts = [f"headline {_shift(change.headline)}"] if change.headline.before != change.headline.after else []
    shifts += [f"{a.name} {_shift(a)}" for a in change.areas]
    if shifts:
        paragraphs.append("**On the map.** " + "; ".join(shifts) + ".")
    return "\n\n".join(paragraphs) + "\n"


def insert_entry(changelog_text: str, entry: str) -> str:
    """``entry`` placed above the newest entry of a changelog (after its introduction)."""
    marker = "\n## "
    at = changelog_text.find(marker)
    if at < 0:
        return changelog_text.rstrip("\n") + "\n\n" + entry
    return changelog_text[:at + 1] + entry + "\n" + changelog_text[at + 1:]


def _changed_words(item) -> str:
    cells = ", ".join(f"{c.column} of `{c.row}` {_cell(c.before)} → {_cell(c.after)}" for c in item.cells)
    added = [f"source `{r}` added" for r in item.rows_added]
    removed = [f"source `{r}` removed" for r in item.rows_removed]
    return f"`{item.figure.id}` " + ", ".join(p for p in (cells, *added, *removed) if p)


def _shift(shift: Shift) -> str:
    if shift.before == shift.after:
        return f"{shift.after or 'none'} (unchanged)"
    return f"{shift.before or 'none'} → {shift.after or 'none'}"


def _cell(text: str) -> str:
    return f"`{text}`" if text else "(blank)"


def _figures(heading: str, listed: tuple[Described, ...]) -> list[str]:
    if not listed:
        return []
    lines = ["", f"### {heading}", ""]
    lines += [f"- `{f.id}` (line {f.line}) {f.title}: {f.value} {f.measure.replace('_', ' ')}, "
              f"{f.area or 'no place'}, {f.period}; {f.sources} source{'s' if f.sources != 1 else ''}"
              for f in listed[:MAX_LISTED]]
    return lines + _more(len(listed))


def _more(count: int) -> list[str]:
    return [f"- … and {count - MAX_LISTED} more"] if count > MAX_LISTED else []
