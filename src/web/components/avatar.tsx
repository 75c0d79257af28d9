import { hueOf, initialsOf } from '../lib/format';

export function Avatar({ name, seed, size = 24, square = false }: { name: string; seed?: string; size?: number; square?: boolean }) {
  const hue = hueOf(seed ?? name);
  return (
    <span
      className={square ? 'avatar avatar-square' : 'avatar'}
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        fontSize: Math.max(9, Math.round(size * 0.4)),
        background: `hsl(${hue} 55% 46%)`,
      }}
    >
      {initialsOf(name)}
    </span>
  );
}
