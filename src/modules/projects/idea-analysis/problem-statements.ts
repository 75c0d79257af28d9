const PROBLEM_CUE =
  /\b(problems?|pain|hard|difficult|struggl\w*|frustrat\w*|wast\w*|lose|losing|lost|miss(?:ed|es|ing)?|manual(?:ly)?|spreadsheets?|too (?:long|slow|expensive|hard|many|much)|can't|cannot|no (?:way|easy|simple|good|single|central)|lack\w*|expensive|tedious|error-prone|messy|scattered|forget\w*|currently|nowadays)\b/i;

/** A sentence that describes today's pain ("agents waste hours on …") rather than what the product should do. */
export function isProblemStatement(sentence: string): boolean {
  return PROBLEM_CUE.test(sentence);
}
