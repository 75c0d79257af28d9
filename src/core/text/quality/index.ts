/**
 * The quality gate for generated human text: doubled words, template tokens, table syntax in prose, metadata in
 * titles, sentences without a verb, impossible verb forms and empty headings, found, named and (where mechanical)
 * repaired.
 */
export { checkText, describeFailures, gateTexts, repairText, type GateFailure, type GateResult, type ProseField, type ProseKind } from './gate.js';
export { markdownPieces } from './markdown.js';
export type { ProblemCode, TextProblem } from './problems.js';
