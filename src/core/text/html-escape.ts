/**
 * HTML escaping as an HTML serializer writes it back: `&`, `<`, `>` and non-breaking spaces in text, and `"` in
 * attribute values (always double-quoted). Markup written this way survives a parse-and-serialize round trip (such
 * as a sanitizer's) byte for byte.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
