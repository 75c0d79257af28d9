import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { diffMarkdown } from './diff.js';

const labels = { from: 'spec.md (rev 1)', to: 'spec.md (rev 2)' };

describe('diffMarkdown', () => {
  it('gives an empty diff for equal texts', () => {
    expect(diffMarkdown('# Same\n', '# Same\n', labels)).toEqual({ unified: '', stats: { added: 0, removed: 0 } });
  });

  it('shows a changed line as removed and added, with context and file headers', () => {
    const before = '# Spec\n\nUsers log in with email.\n\n## Limits\n\nNone.\n';
    const after = '# Spec\n\nUsers log in with a passkey.\n\n## Limits\n\nNone.\n';
    const { unified, stats } = diffMarkdown(before, after, labels);
    expect(stats).toEqual({ added: 1, removed: 1 });
    expect(unified).toContain('--- spec.md (rev 1)');
    expect(unified).toContain('+++ spec.md (rev 2)');
    expect(unified).toContain('-Users log in with email.');
    expect(unified).toContain('+Users log in with a passkey.');
    expect(unified).toContain(' # Spec');
    expect(unified).toMatch(/^@@ -1,6 \+1,6 @@$/m);
    expect(applyPatch(before, unified)).toBe(after);
  });

  it('counts additions to and removals from empty texts, and a missing final newline', () => {
    expect(diffMarkdown('', 'a\nb\n', labels).stats).toEqual({ added: 2, removed: 0 });
    expect(diffMarkdown('a\nb\nc\n', '', labels).stats).toEqual({ added: 0, removed: 3 });
    const noNewline = diffMarkdown('a\n', 'a\nb', labels);
    expect(noNewline.stats).toEqual({ added: 1, removed: 0 });
    expect(noNewline.unified).toContain('\\ No newline at end of file');
    expect(applyPatch('a\n', noNewline.unified)).toBe('a\nb');
  });

  it('diffs large texts with scattered changes into separate hunks', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `Line ${i}`);
    const changed = [...lines];
    changed[10] = 'Changed 10';
    changed[4000] = 'Changed 4000';
    changed.splice(2000, 1);
    const before = `${lines.join('\n')}\n`;
    const after = `${changed.join('\n')}\n`;
    const { unified, stats } = diffMarkdown(before, after, labels);
    expect(stats).toEqual({ added: 2, removed: 3 });
    expect(unified.match(/^@@ /gm)).toHaveLength(3);
    expect(applyPatch(before, unified)).toBe(after);
  });
});
