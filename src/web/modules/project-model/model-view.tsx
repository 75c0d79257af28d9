import { useState, type ReactNode } from 'react';
import { PencilIcon, PlusIcon } from '../../components/icons';
import type { Correct, ModelActor, ModelAttribute, ModelEntity, ProjectModel } from './client';
import { attributeTypeLabel, attributeTypeOptions, InlineForm, InlineInput, InlineSelect, RemoveButton, Sources } from './model-edits';

type Props = { model: ProjectModel; canEdit: boolean; busy: boolean; correct: Correct };

function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId: string }) {
  return (
    <section className="card model-section" aria-label={title} data-testid={testId}>
      <h2 className="section-title">
        {title} {count !== undefined && <span className="muted">{count}</span>}
      </h2>
      {children}
    </section>
  );
}

function Nothing({ children }: { children: ReactNode }) {
  return <p className="muted model-nothing">{children}</p>;
}

/** The model, section by section, with corrections in place for editors. */
export function ModelView({ model, canEdit, busy, correct }: Props) {
  const entityName = (id: string | undefined) => model.entities.find((e) => e.id === id)?.name ?? id ?? '';
  const actorName = (id: string) => (id === 'system' ? 'System' : (model.actors.find((a) => a.id === id)?.name ?? id));
  const edit = canEdit ? { busy, correct } : null;
  const remove = (list: 'useCases' | 'rules' | 'metrics' | 'constraints' | 'glossary' | 'entities' | 'actors', id: string) =>
    void correct({ kind: 'remove-item', list, id });

  return (
    <div className="model-view" data-testid="model-view">
      {(model.summary || model.problem) && (
        <Section title="Summary" testId="model-summary">
          {model.summary && <p className="prose">{model.summary}</p>}
          {model.problem && (
            <p className="prose">
              <strong>Problem: </strong>
              {model.problem}
            </p>
          )}
        </Section>
      )}

      <Section title="Actors" count={model.actors.length} testId="model-actors">
        {model.actors.length === 0 && <Nothing>No actors yet: who uses the product, and which outside systems it talks to.</Nothing>}
        <ul className="model-items model-items-wide">
          {model.actors.map((actor) => (
            <li key={actor.id} className="model-item" data-testid="model-actor">
              <div className="model-item-head">
                <strong>{actor.name}</strong>
                <span className="tag">{actor.kind}</span>
                {edit && (
                  <div className="model-item-actions">
                    <ActorEdit actor={actor} busy={busy} correct={correct} />
                    <RemoveButton what={`actor ${actor.name}`} onRemove={() => remove('actors', actor.id)} disabled={busy} />
                  </div>
                )}
              </div>
              {actor.description && <p className="model-text">{actor.description}</p>}
              {actor.needs.length > 0 && (
                <ul className="model-needs" aria-label={`What ${actor.name} needs`}>
                  {actor.needs.map((need, i) => (
                    <li key={i}>{need}</li>
                  ))}
                </ul>
              )}
              <Sources sources={actor.sources} />
            </li>
          ))}
        </ul>
        {edit && <AddActor busy={busy} correct={correct} />}
      </Section>

      <Section title="Entities" count={model.entities.length} testId="model-entities">
        {model.entities.length === 0 && <Nothing>No entities yet: the records the product keeps.</Nothing>}
        <ul className="model-items model-entities">
          {model.entities.map((entity) => (
            <EntityItem key={entity.id} entity={entity} model={model} entityName={entityName} edit={edit} onRemove={() => remove('entities', entity.id)} />
          ))}
        </ul>
      </Section>

      <Section title="Use cases" count={model.useCases.length} testId="model-use-cases">
        {model.useCases.length === 0 && <Nothing>No use cases yet: what each actor does with the product.</Nothing>}
        <ul className="model-items">
          {model.useCases.map((useCase) => (
            <li key={useCase.id} className="model-item" data-testid="model-use-case">
              <div className="model-item-head">
                <strong>{useCase.name}</strong>
                <span className="tag">{useCase.priority}</span>
                {edit && (
                  <div className="model-item-actions">
                    <RemoveButton what={`use case ${useCase.name}`} onRemove={() => remove('useCases', useCase.id)} disabled={busy} />
                  </div>
                )}
              </div>
              <p className="model-text muted">
                {actorName(useCase.actor)}
                {useCase.entity ? ` · ${entityName(useCase.entity)}` : ''}
              </p>
              {useCase.trigger && <p className="model-text">When: {useCase.trigger}</p>}
              {useCase.steps.length > 0 && (
                <ol className="model-steps">
                  {useCase.steps.map((step, i) => (
                    <li key={i}>
                      <strong>{actorName(step.actor)}</strong> {step.action}
                    </li>
                  ))}
                </ol>
              )}
              {useCase.outcome && <p className="model-text">Then: {useCase.outcome}</p>}
              <Sources sources={useCase.sources} />
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Rules" count={model.rules.length} testId="model-rules">
        {model.rules.length === 0 && <Nothing>No business rules yet.</Nothing>}
        <ul className="model-items">
          {model.rules.map((rule) => (
            <li key={rule.id} className="model-item" data-testid="model-rule">
              <div className="model-item-head">
                <label className="model-confirm">
                  <input
                    type="checkbox"
                    checked={rule.confirmed}
                    disabled={!edit || busy}
                    onChange={(e) => void correct({ kind: 'confirm-rule', ruleId: rule.id, confirmed: e.target.checked })}
                    data-testid="model-rule-confirm"
                  />
                  <span>{rule.text}</span>
                </label>
                {rule.confirmed && <span className="tag tag-accent">confirmed</span>}
                {edit && (
                  <div className="model-item-actions">
                    <RemoveButton what="this rule" onRemove={() => remove('rules', rule.id)} disabled={busy} />
                  </div>
                )}
              </div>
              {rule.entity && <p className="model-text muted">{entityName(rule.entity)}</p>}
              <Sources sources={rule.sources} />
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Success metrics" count={model.metrics.length} testId="model-metrics">
        {model.metrics.length === 0 && <Nothing>No success metrics yet.</Nothing>}
        <ul className="model-items">
          {model.metrics.map((metric) => (
            <li key={metric.id} className="model-item">
              <div className="model-item-head">
                <span>
                  <strong>{metric.name}</strong>
                  {metric.target && <span className="muted"> — {metric.target}</span>}
                </span>
                {edit && (
                  <div className="model-item-actions">
                    <RemoveButton what={`metric ${metric.name}`} onRemove={() => remove('metrics', metric.id)} disabled={busy} />
                  </div>
                )}
              </div>
              <Sources sources={metric.sources} />
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Constraints" count={model.constraints.length} testId="model-constraints">
        {model.constraints.length === 0 && <Nothing>No constraints yet: platform, privacy, scale, budget.</Nothing>}
        <ul className="model-items">
          {model.constraints.map((constraint) => (
            <li key={constraint.id} className="model-item">
              <div className="model-item-head">
                <span className="tag">{constraint.category}</span>
                <span>{constraint.text}</span>
                {edit && (
                  <div className="model-item-actions">
                    <RemoveButton what="this constraint" onRemove={() => remove('constraints', constraint.id)} disabled={busy} />
                  </div>
                )}
              </div>
              <Sources sources={constraint.sources} />
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Glossary" count={model.glossary.length} testId="model-glossary">
        {model.glossary.length === 0 && <Nothing>No terms yet.</Nothing>}
        <dl className="model-glossary">
          {model.glossary.map((term) => (
            <div key={term.term} className="model-item">
              <dt>
                <strong>{term.term}</strong>
                {edit && <RemoveButton what={`term ${term.term}`} onRemove={() => remove('glossary', term.term)} disabled={busy} />}
              </dt>
              <dd>
                {term.definition}
                <Sources sources={term.sources} />
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section title="Open questions" count={model.openQuestions.length} testId="model-questions">
        {model.openQuestions.length === 0 && <Nothing>Nothing is left open.</Nothing>}
        <ul className="model-items">
          {model.openQuestions.map((question) => (
            <li key={question.id} className="model-item" data-testid="model-question">
              <p className="model-text">{question.question}</p>
              {edit && <AnswerQuestion questionId={question.id} busy={busy} correct={correct} />}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

function ActorEdit({ actor, busy, correct }: { actor: ModelActor; busy: boolean; correct: Correct }) {
  const [name, setName] = useState(actor.name);
  const [kind, setKind] = useState(actor.kind);
  return (
    <InlineForm
      label="Edit"
      icon={<PencilIcon size={13} />}
      title={`Edit actor ${actor.name}`}
      disabled={busy}
      testId="model-edit-actor"
      onSubmit={() => correct({ kind: 'update-actor', actorId: actor.id, name: name.trim(), actorKind: kind })}
    >
      {() => (
        <>
          <InlineInput label="Name" value={name} onChange={setName} autoFocus testId="model-actor-name" />
          <InlineSelect<ModelActor['kind']> label="Kind" value={kind} options={[['person', 'A person'], ['system', 'An outside system']]} onChange={setKind} testId="model-actor-kind" />
        </>
      )}
    </InlineForm>
  );
}

function AddActor({ busy, correct }: { busy: boolean; correct: Correct }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ModelActor['kind']>('person');
  return (
    <InlineForm
      label="Add an actor"
      icon={<PlusIcon size={13} />}
      title="Add an actor"
      disabled={busy}
      testId="model-add-actor"
      onSubmit={async () => {
        const saved = await correct({ kind: 'add-actor', actor: { name: name.trim(), kind } });
        if (saved) setName('');
        return saved;
      }}
    >
      {() => (
        <>
          <InlineInput label="Name" value={name} onChange={setName} autoFocus />
          <InlineSelect<ModelActor['kind']> label="Kind" value={kind} options={[['person', 'A person'], ['system', 'An outside system']]} onChange={setKind} />
        </>
      )}
    </InlineForm>
  );
}

function EntityItem({
  entity,
  model,
  entityName,
  edit,
  onRemove,
}: {
  entity: ModelEntity;
  model: ProjectModel;
  entityName(id: string | undefined): string;
  edit: { busy: boolean; correct: Correct } | null;
  onRemove(): void;
}) {
  const relationships = model.relationships.filter((r) => r.from === entity.id || r.to === entity.id);
  return (
    <li className="model-item" data-testid="model-entity" data-entity-id={entity.id}>
      <div className="model-item-head">
        <strong data-testid="model-entity-name">{entity.name}</strong>
        {edit && (
          <div className="model-item-actions">
            <RenameEntity entity={entity} {...edit} />
            {model.entities.length > 1 && <MergeEntity entity={entity} others={model.entities.filter((e) => e.id !== entity.id)} {...edit} />}
            <RemoveButton what={`entity ${entity.name}`} onRemove={onRemove} disabled={edit.busy} />
          </div>
        )}
      </div>
      {entity.description && <p className="model-text">{entity.description}</p>}
      {entity.attributes.length > 0 && (
        <table className="model-attributes">
          <caption className="sr-only">Attributes of {entity.name}</caption>
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Type</th>
              {edit && (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {entity.attributes.map((attribute) => (
              <tr key={attribute.name} data-testid="model-attribute">
                <td>
                  {attribute.name}
                  {attribute.required && <span className="muted"> (required)</span>}
                </td>
                <td>{typeLabel(attribute, entityName)}</td>
                {edit && (
                  <td className="model-attribute-actions">
                    <RemoveButton
                      what={`attribute ${attribute.name}`}
                      onRemove={() => void edit.correct({ kind: 'remove-attribute', entityId: entity.id, name: attribute.name })}
                      disabled={edit.busy}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entity.states.length > 0 && (
        <p className="model-text">
          <span className="muted">States: </span>
          {entity.states.join(' → ')}
        </p>
      )}
      {relationships.length > 0 && (
        <ul className="model-relationships" aria-label={`Relationships of ${entity.name}`}>
          {relationships.map((r, i) => (
            <li key={i}>
              {entityName(r.from)} {r.label} {entityName(r.to)} <span className="muted">({r.cardinality})</span>
            </li>
          ))}
        </ul>
      )}
      {edit && <AddAttribute entity={entity} {...edit} />}
      <Sources sources={entity.sources} />
    </li>
  );
}

function typeLabel(attribute: ModelAttribute, entityName: (id: string | undefined) => string): string {
  if (attribute.type === 'reference' && attribute.references) return `reference to ${entityName(attribute.references)}`;
  if (attribute.type === 'enum' && attribute.values?.length) return `one of ${attribute.values.join(', ')}`;
  return attributeTypeLabel(attribute.type);
}

function RenameEntity({ entity, busy, correct }: { entity: ModelEntity; busy: boolean; correct: Correct }) {
  const [name, setName] = useState(entity.name);
  return (
    <InlineForm
      label="Rename"
      icon={<PencilIcon size={13} />}
      title={`Rename entity ${entity.name}`}
      disabled={busy}
      testId="model-rename-entity"
      onSubmit={() => correct({ kind: 'rename-entity', entityId: entity.id, name: name.trim() })}
    >
      {() => <InlineInput label="New name" value={name} onChange={setName} autoFocus testId="model-entity-new-name" />}
    </InlineForm>
  );
}

function MergeEntity({ entity, others, busy, correct }: { entity: ModelEntity; others: ModelEntity[]; busy: boolean; correct: Correct }) {
  const [into, setInto] = useState(others[0]!.id);
  return (
    <InlineForm
      label="Merge into…"
      title={`Merge entity ${entity.name} into another`}
      disabled={busy}
      testId="model-merge-entity"
      onSubmit={() => correct({ kind: 'merge-entities', from: entity.id, into })}
    >
      {() => (
        <>
          <InlineSelect label={`Merge ${entity.name} into`} value={into} options={others.map((o) => [o.id, o.name] as const)} onChange={setInto} testId="model-merge-into" />
          <p className="muted model-hint">Everything that refers to {entity.name} will refer to the entity you choose; their attributes and states are combined.</p>
        </>
      )}
    </InlineForm>
  );
}

function AddAttribute({ entity, busy, correct }: { entity: ModelEntity; busy: boolean; correct: Correct }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<ModelAttribute['type']>('text');
  const [required, setRequired] = useState(false);
  return (
    <InlineForm
      label="Add an attribute"
      icon={<PlusIcon size={13} />}
      title={`Add an attribute to ${entity.name}`}
      disabled={busy}
      testId="model-add-attribute"
      onSubmit={async () => {
        const saved = await correct({ kind: 'add-attribute', entityId: entity.id, attribute: { name: name.trim(), type: type === 'reference' ? 'text' : type, required } });
        if (saved) setName('');
        return saved;
      }}
    >
      {() => (
        <>
          <InlineInput label="Name" value={name} onChange={setName} autoFocus testId="model-attribute-name" />
          <InlineSelect<ModelAttribute['type']> label="Type" value={type} options={attributeTypeOptions.filter(([t]) => t !== 'reference')} onChange={setType} testId="model-attribute-type" />
          <label className="model-check">
            <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} /> Required
          </label>
        </>
      )}
    </InlineForm>
  );
}

function AnswerQuestion({ questionId, busy, correct }: { questionId: string; busy: boolean; correct: Correct }) {
  const [answer, setAnswer] = useState('');
  const [addAs, setAddAs] = useState<'none' | 'rule' | 'constraint'>('none');
  return (
    <InlineForm
      label="Answer"
      title="Answer the question"
      disabled={busy}
      testId="model-answer-question"
      onSubmit={() => correct({ kind: 'answer-question', questionId, answer: answer.trim(), addAs })}
    >
      {() => (
        <>
          <InlineInput label="Answer" value={answer} onChange={setAnswer} autoFocus multiline testId="model-answer" />
          <InlineSelect<'none' | 'rule' | 'constraint'>
            label="Also record it as"
            value={addAs}
            options={[
              ['none', 'Nothing more'],
              ['rule', 'A business rule'],
              ['constraint', 'A constraint'],
            ]}
            onChange={setAddAs}
          />
        </>
      )}
    </InlineForm>
  );
}
