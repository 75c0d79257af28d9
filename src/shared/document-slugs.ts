/** Document slugs: lowercase ASCII words joined by hyphens, up to 200 characters. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,199}$/;
export const SLUG_MAX_LENGTH = 200;
