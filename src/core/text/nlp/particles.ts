/** The particles of phrasal verbs: "pick up", "check in", "hand over", "move on", "give away". */
export const PARTICLES = new Set(['up', 'in', 'out', 'off', 'back', 'down', 'over', 'on', 'away']);

/** Particles that stay with their verb before an object ("pick up a tool", "drop off a bike"); "in"/"on" there are prepositions. */
export const OBJECT_PARTICLES = new Set(['up', 'off', 'out', 'back', 'down', 'away']);

/**
 * The particles the tagger's corrections read as a verb's after a word: all but "on", which more often opens a place
 * ("sign on a tablet"), and "away".
 */
export const RETAG_PARTICLES = new Set([...PARTICLES].filter((particle) => particle !== 'on' && particle !== 'away'));
