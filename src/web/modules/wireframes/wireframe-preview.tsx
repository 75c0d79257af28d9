import type { Wireframe } from './client';
import { previewDocument } from './preview-document';

/**
 * A wireframe rendered in an iframe that can do nothing: `sandbox=""` grants no scripts, no same origin, no forms,
 * no popups and no navigation of the page around it, and the srcdoc's CSP forbids every request. The markup was
 * sanitized on save; this is the second wall.
 */
export function WireframePreview({
  wireframe,
  width,
  title,
  className,
  testId = 'wireframe-preview',
  lazy = false,
}: {
  wireframe: Pick<Wireframe, 'title' | 'htmlContent' | 'cssContent'>;
  width?: number;
  title?: string;
  className?: string;
  testId?: string;
  lazy?: boolean;
}) {
  return (
    <iframe
      sandbox=""
      srcDoc={previewDocument(wireframe)}
      title={title ?? `Preview of ${wireframe.title}`}
      className={className ?? 'wireframe-frame'}
      style={width ? { width: `${width}px` } : undefined}
      referrerPolicy="no-referrer"
      loading={lazy ? 'lazy' : undefined}
      data-testid={testId}
    />
  );
}
