/** Which detected statement a selection overlaps. Pure over DOM Ranges. */

/** Whether two ranges share at least one character. */
function overlaps(a: Range, b: Range): boolean {
  try {
    // a starts before b ends, and a ends after b starts.
    return (
      a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0
    );
  } catch {
    // Ranges in different documents or detached nodes.
    return false;
  }
}

/**
 * Index of the statement whose range the selection overlaps most, or -1. "Most" is measured by
 * the length of the shared text, so a selection spanning the end of one quote and most of the next
 * belongs to the next.
 */
export function overlappingStatement(
  selection: Range,
  ranges: readonly (Range | null | undefined)[],
): number {
  if (selection.collapsed) return -1;
  let best = -1;
  let bestLength = 0;
  for (const [i, range] of ranges.entries()) {
    if (!range || !overlaps(selection, range)) continue;
    const shared = range.cloneRange();
    if (selection.compareBoundaryPoints(Range.START_TO_START, range) > 0) {
      shared.setStart(selection.startContainer, selection.startOffset);
    }
    if (selection.compareBoundaryPoints(Range.END_TO_END, range) < 0) {
      shared.setEnd(selection.endContainer, selection.endOffset);
    }
    const length = shared.toString().length;
    if (length > bestLength) {
      best = i;
      bestLength = length;
    }
  }
  return best;
}
