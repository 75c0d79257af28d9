/**
 * A diagram may configure Mermaid from inside its code, with `%%{init: {...}}%%` directives and a YAML front matter
 * `config:` block. Some settings become CSS in the rendered SVG (themeCSS, font families, theme variables), and CSS
 * can load files: `"themeCSS": ".node { background: url(http://…) }"` made every browser that opened the diagram
 * fetch a foreign URL. Others would undo the security level Atelier renders with.
 *
 * The check reads the configuration Mermaid itself extracted while parsing (the worker in mermaid-validator.ts sends
 * it back), so JSON escapes, single quotes, several directives and front matter are all seen as Mermaid applies
 * them. Plain settings such as `"theme": "dark"` stay allowed.
 */

/** Settings a diagram may not set at all: CSS of its own, or how Mermaid guards the page. */
const FORBIDDEN_SETTINGS: ReadonlyArray<[string, string]> = [
  ['themeCSS', 'a diagram may not carry its own CSS, which could load files from other sites; use "theme" and "themeVariables" colours instead'],
  ['securityLevel', 'Atelier renders every diagram with its own security level'],
  ['secure', 'Atelier renders every diagram with its own security settings'],
  ['dompurifyConfig', 'Atelier renders every diagram with its own sanitizer settings'],
  ['startOnLoad', 'Atelier decides when diagrams render'],
  ['maxTextSize', 'Atelier sets the size limits'],
  ['maxEdges', 'Atelier sets the size limits'],
];
const FORBIDDEN = new Map(FORBIDDEN_SETTINGS.map(([name, reason]) => [name.toLowerCase(), reason]));
/** The same settings as written in a directive or front matter line (`"securityLevel": …`, `securityLevel: …`). */
const FORBIDDEN_WRITTEN = new RegExp(`\\b(${FORBIDDEN_SETTINGS.map(([name]) => name).join('|')})\\b['"]?\\s*:`, 'i');

/** A font list as CSS writes it: names, quotes, commas, spaces and dashes; nothing that could end the declaration. */
const FONT_LIST = /^[\w\s"',.-]*$/;

/** What in a written configuration line could load something or run script. */
const LOADS_OR_RUNS_WRITTEN = /url\s*\(|@import|image-set|expression\s*\(|:\/\/|javascript:/i;

/** What in a value could load something (url(), @import, image-set(), an address), run script, or spell those with escapes. */
const LOADS_OR_RUNS = /url\s*\(|@import|image-set|image\s*\(|src\s*\(|expression\s*\(|:\/\/|javascript:|[<\\]/i;

const LOADS_REASON = 'a setting may not hold url(), @import, a web address, javascript: or escapes, which could load files from other sites';

export type ConfigRefusal = { ok: false; line: number | null; message: string };

/** What was found (`sets "themeCSS"`, `contains "url("`), why it may not stay, and its line when read from the text. */
type Finding = { what: string; setting: string; reason: string; line?: number };

function findProblem(value: unknown, path: string[]): Finding | null {
  const key = path[path.length - 1]?.toLowerCase() ?? '';
  const setting = path.join('.');
  const what = `sets "${setting}"`;
  const forbidden = FORBIDDEN.get(key);
  if (forbidden) return { what, setting, reason: forbidden };
  if (typeof value === 'string') {
    if (key.endsWith('fontfamily') && !FONT_LIST.test(value)) return { what, setting, reason: 'a font family must be a plain list of font names' };
    if (LOADS_OR_RUNS.test(value)) return { what, setting, reason: LOADS_REASON };
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) {
      const found = findProblem(inner, [...path, name]);
      if (found) return found;
    }
  }
  return null;
}

/** The 1-based lines of the front matter and of the `%%{ … }%%` directives, where configuration is written. */
function configurationLines(lines: string[]): number[] {
  const result: number[] = [];
  let inFrontMatter = lines[0]?.trim() === '---';
  let inDirective = false;
  lines.forEach((line, index) => {
    if (inFrontMatter) {
      result.push(index + 1);
      if (index > 0 && line.trim() === '---') inFrontMatter = false;
      return;
    }
    if (line.includes('%%{')) inDirective = true;
    if (inDirective) result.push(index + 1);
    if (line.includes('}%%')) inDirective = false;
  });
  return result;
}

/**
 * Mermaid drops some settings before its parser hands the configuration back (securityLevel, theme variables that are
 * not plain colours): they do no harm, but an author who wrote them should hear they are refused, not find them
 * silently ignored. So the configuration lines are read as written too, JSON's \\u escapes decoded. The front
 * matter's title is text, not configuration, and is not read.
 */
function writtenProblem(lines: string[]): Finding | null {
  for (const line of configurationLines(lines)) {
    const text = lines[line - 1]!.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    if (/^\s*title\s*:/i.test(text)) continue;
    const setting = FORBIDDEN_WRITTEN.exec(text)?.[1];
    if (setting) return { what: `sets "${setting}"`, setting, reason: FORBIDDEN.get(setting.toLowerCase())!, line };
    const loads = LOADS_OR_RUNS_WRITTEN.exec(text)?.[0];
    if (loads) return { what: `contains "${loads}"`, setting: loads, reason: LOADS_REASON, line };
  }
  return null;
}

/** The first configuration line naming `setting`'s last key, else the first configuration line. */
function lineOf(lines: string[], setting: string): number | null {
  const candidates = configurationLines(lines);
  const key = setting.split('.').pop()!.toLowerCase();
  return candidates.find((line) => lines[line - 1]!.toLowerCase().includes(key)) ?? candidates[0] ?? null;
}

/**
 * A refusal naming the setting and its line when the configuration Mermaid read from `code` (`config`) sets
 * something a diagram may not; null when it is harmless.
 */
export function checkMermaidConfig(config: unknown, code: string): ConfigRefusal | null {
  const lines = code.split(/\r\n|\r|\n/);
  const found = findProblem(config, []) ?? writtenProblem(lines);
  if (!found) return null;
  return {
    ok: false,
    line: found.line ?? lineOf(lines, found.setting),
    message: `The diagram's Mermaid configuration (an %%{init}%% directive or front matter "config") ${found.what}, which is not allowed: ${found.reason}. Remove it; plain settings such as "theme" may stay.`,
  };
}
