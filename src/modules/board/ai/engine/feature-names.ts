/**
 * The dimensions an option is read on (features.ts reads them from labels, kinds.ts shifts them by the kind of
 * option): their own module, so both can name them without importing each other.
 */
export const features = ['scale', 'speed', 'reversibility', 'cost', 'upside', 'control', 'risk'] as const;
export type Feature = (typeof features)[number];
export type Features = Record<Feature, number>;
