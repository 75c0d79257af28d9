import { useNavigate } from 'react-router-dom';
import { FileTextIcon, QuoteIcon, SparklesIcon } from '../../components/icons';
import { citationPath } from './citations';
import type { ChatCitation } from './client';

const kindLabels = { section: 'Section', diagram: 'Diagram', wireframe: 'Wireframe', model: 'Project model' } as const;

/** The sources an answer cites; each opens its document section, diagram, wireframe or the project model. */
export function CitationChips({ projectId, citations }: { projectId: string; citations: ChatCitation[] }) {
  const navigate = useNavigate();
  if (citations.length === 0) return null;
  return (
    <ul className="chat-citations" aria-label="Sources cited">
      {citations.map((citation, index) => {
        const path = citationPath(projectId, citation);
        // The section heading says most about what was cited; the document title is in the tooltip.
        const label = citation.heading ?? citation.title;
        const full = citation.heading ? `${citation.title} › ${citation.heading}` : citation.title;
        const Icon = citation.kind === 'section' ? FileTextIcon : citation.kind === 'diagram' ? SparklesIcon : QuoteIcon;
        return (
          <li key={citation.id}>
            <button
              type="button"
              className="chat-citation"
              data-testid="chat-citation"
              data-kind={citation.kind}
              title={`${kindLabels[citation.kind]}: ${full} [${citation.id}]`}
              disabled={!path}
              onClick={() => path && void navigate(path)}
            >
              <span className="chat-citation-number">{index + 1}</span>
              <Icon size={13} />
              <span className="chat-citation-label">{label}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
