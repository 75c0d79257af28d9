const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** `2024-05-01` (a calendar date) or an ISO timestamp, shown as a short date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  // A bare date has no time zone: read it as local midnight so it never shifts by a day.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function formatRelative(value: string | null | undefined, now = Date.now()): string {
  if (!value) return '—';
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return value;
  const seconds = Math.round((time - now) / 1000);
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? `${words[0]![0]}${words[words.length - 1]![0]}` : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

/** A stable hue per id, so avatars and project icons keep their colour between visits. */
export function hueOf(seed: string): number {
  let hash = 0;
  for (let i = 0; i < seed.length; i += 1) hash = (hash * 31 + seed.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}

/** A project key suggested from its name: "Mobile banking app" → "MBA", "Atlas" → "ATLAS". */
export function suggestKey(name: string): string {
  const words = name.toUpperCase().replace(/[^A-Z0-9\s]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  let key = words.length === 1 ? words[0]!.slice(0, 5) : words.map((w) => w[0]).join('').slice(0, 6);
  key = key.replace(/^[0-9]+/, '');
  if (key.length === 1) key = (words[0]!.replace(/^[0-9]+/, '').slice(0, 3) || key).padEnd(2, 'X');
  return key.slice(0, 10);
}

export const statusLabels: Record<string, string> = {
  planning: 'Planning',
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
  processing: 'Processing',
  ready: 'Ready',
  archived: 'Archived',
  deleted: 'In trash',
};

export const roleLabels: Record<string, string> = { owner: 'Owner', admin: 'Admin', editor: 'Editor', viewer: 'Viewer' };

export const roleDescriptions: Record<string, string> = {
  owner: 'Full control, including deleting the organization',
  admin: 'Manages members and settings',
  editor: 'Creates and edits projects',
  viewer: 'Reads everything, changes nothing',
};
