import { createTwoFilesPatch } from 'diff';

export type DiffLine =
  | { kind: 'context'; text: string; oldNo: number; newNo: number }
  | { kind: 'added'; text: string; newNo: number }
  | { kind: 'removed'; text: string; oldNo: number };

export type DiffHunk = { header: string; section: string; lines: DiffLine[] };

/** One row of a side-by-side view: the old line on the left, the new one on the right (either may be missing). */
export type SplitRow =
  | { kind: 'context'; text: string; oldNo: number; newNo: number }
  | { kind: 'change'; left: { text: string; no: number } | null; right: { text: string; no: number } | null };

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@(.*)$/;

/** The hunks of a unified diff; file headers and "\ No newline at end of file" notes are left out. */
export function parseUnifiedDiff(unified: string): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let current: DiffHunk | null = null;
  let oldNo = 0;
  let newNo = 0;
  for (const line of unified.split('\n')) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      oldNo = Number(header[1]);
      newNo = Number(header[2]);
      current = { header: line, section: header[3]?.trim() ?? '', lines: [] };
      hunks.push(current);
      continue;
    }
    if (!current) continue;
    if (line.startsWith('+')) current.lines.push({ kind: 'added', text: line.slice(1), newNo: newNo++ });
    else if (line.startsWith('-')) current.lines.push({ kind: 'removed', text: line.slice(1), oldNo: oldNo++ });
    else if (line.startsWith(' ')) current.lines.push({ kind: 'context', text: line.slice(1), oldNo: oldNo++, newNo: newNo++ });
  }
  return hunks;
}

/** Pairs each run of removed lines with the added lines that follow it, for a side-by-side view. */
export function splitRows(hunk: DiffHunk): SplitRow[] {
  const rows: SplitRow[] = [];
  let removed: Array<{ text: string; no: number }> = [];
  let added: Array<{ text: string; no: number }> = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      rows.push({ kind: 'change', left: removed[i] ?? null, right: added[i] ?? null });
    }
    removed = [];
    added = [];
  };
  for (const line of hunk.lines) {
    if (line.kind === 'removed') {
      if (added.length) flush();
      removed.push({ text: line.text, no: line.oldNo });
    } else if (line.kind === 'added') {
      added.push({ text: line.text, no: line.newNo });
    } else {
      flush();
      rows.push(line);
    }
  }
  flush();
  return rows;
}

/** A unified diff of two texts computed in the browser (for an edit not saved yet), with its line counts. */
export function diffTexts(oldText: string, newText: string, labels: { from: string; to: string }): { unified: string; added: number; removed: number } {
  if (oldText === newText) return { unified: '', added: 0, removed: 0 };
  const unified = createTwoFilesPatch(labels.from, labels.to, oldText, newText, undefined, undefined, { context: 3 });
  let added = 0;
  let removed = 0;
  for (const hunk of parseUnifiedDiff(unified)) {
    for (const line of hunk.lines) {
      if (line.kind === 'added') added++;
      else if (line.kind === 'removed') removed++;
    }
  }
  return { unified, added, removed };
}
