/**
 * A route of src/domain/routes.ts as a link of this build: the base path in
 * front (`/emancipasso/annuaire/`). For pages, components and browser scripts.
 */
export function href(route: string): string {
  return `${import.meta.env.BASE_URL}${route}`;
}
