/**
 * The shape of a file name and of an address's part: lowercase kebab-case
 * ASCII. Apart from fields.ts so that browser scripts (the comparison's
 * address) read it without the schemas.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
