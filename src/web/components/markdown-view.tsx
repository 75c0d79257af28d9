import { forwardRef, useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown';

/**
 * Rendered document Markdown (sanitized), styled as a readable article. Headings carry section ids, so a link can
 * scroll to a section.
 */
export const MarkdownView = forwardRef<HTMLDivElement, { markdown: string; className?: string; testId?: string; label?: string }>(
  function MarkdownView({ markdown, className, testId = 'markdown', label }, ref) {
    const html = useMemo(() => renderMarkdown(markdown), [markdown]);
    return (
      <div
        ref={ref}
        className={className ? `markdown ${className}` : 'markdown'}
        data-testid={testId}
        aria-label={label}
        // Sanitized by DOMPurify in renderMarkdown.
        dangerouslySetInnerHTML={{ __html: html }}
      />
    );
  },
);
