import { describe, expect, it } from 'vitest';
import { fuseRankings, snippetHtml } from './search.service.js';

const start = '\uE000';
const end = '\uE001';

describe('snippetHtml', () => {
  it('escapes everything but the match markers, which become <mark>', () => {
    expect(snippetHtml(`a < b & "c" > 'd' ${start}word${end}`)).toBe('a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39; <mark>word</mark>');
    expect(snippetHtml('<mark>not ours</mark>')).toBe('&lt;mark&gt;not ours&lt;/mark&gt;');
  });

  it('reads Markdown as one line of text', () => {
    const headline = `## Goals\n- **Grow** ${start}repeat${end} orders\n1. See [the plan](https://example.com/plan)\n\n| a | b |\n|---|---|\n| \`x\` | y |`;
    expect(snippetHtml(headline)).toBe('Goals Grow <mark>repeat</mark> orders See the plan a · b x · y');
  });
});

describe('fuseRankings', () => {
  const hit = (id: string) => ({ documentId: id, blockId: 'intro' });

  it('adds 1 / (60 + rank) per ranking, so a section found by both comes first', () => {
    const fused = fuseRankings(
      [
        { kind: 'text', hits: [hit('a'), hit('b')] },
        { kind: 'vector', hits: [hit('c'), hit('b')] },
      ],
      10,
    );
    expect(fused.map((f) => [f.documentId, f.matchedBy])).toEqual([
      ['b', ['text', 'vector']],
      ['a', ['text']],
      ['c', ['vector']],
    ]);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 62, 10);
    expect(fuseRankings([{ kind: 'text', hits: [hit('a'), hit('b')] }], 1)).toHaveLength(1);
  });
});
