import { FILE_HEADERS_ONLY, formatPatch, structuredPatch, type StructuredPatch } from 'diff';

export type MarkdownDiff = { unified: string; stats: { added: number; removed: number } };

/** How long a diff may search for the smallest edit before it settles for replacing every line. */
const DIFF_TIMEOUT_MS = 2_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The patch that removes every old line and adds every new one: the answer when the search runs out of time. */
function replaceAll(oldName: string, newName: string, oldText: string, newText: string): StructuredPatch {
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  const lines = [...oldLines.map((l) => `-${l}`), ...newLines.map((l) => `+${l}`)];
  return {
    oldFileName: oldName,
    newFileName: newName,
    oldHeader: undefined,
    newHeader: undefined,
    hunks: [
      {
        oldStart: oldLines.length === 0 ? 0 : 1,
        oldLines: oldLines.length,
        newStart: newLines.length === 0 ? 0 : 1,
        newLines: newLines.length,
        lines,
      },
    ],
  };
}

/**
 * A unified diff (three lines of context) between two Markdown texts, with the number of lines added and removed.
 * Two equal texts give an empty diff.
 */
export function diffMarkdown(oldText: string, newText: string, labels: { from: string; to: string }): MarkdownDiff {
  if (oldText === newText) return { unified: '', stats: { added: 0, removed: 0 } };
  const patch =
    structuredPatch(labels.from, labels.to, oldText, newText, undefined, undefined, { context: 3, timeout: DIFF_TIMEOUT_MS }) ??
    replaceAll(labels.from, labels.to, oldText, newText);
  let added = 0;
  let removed = 0;
  for (const hunk of patch.hunks) {
    for (const line of hunk.lines) {
      if (line.startsWith('+')) added++;
      else if (line.startsWith('-')) removed++;
    }
  }
  return { unified: formatPatch(patch, FILE_HEADERS_ONLY), stats: { added, removed } };
}
