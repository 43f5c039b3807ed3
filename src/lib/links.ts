/**
 * Contributors link to other pages of the site as `/annuaire/…`. When the
 * site lives under a path (`/emancipasso/`), those links get the path in
 * front, in the sanitised HTML of Markdown bodies.
 */
export function withBase(html: string, base: string = import.meta.env.BASE_URL): string {
  if (base === '/' || !base) return html;
  return html.replace(/(<a\s[^>]*?href=")\/(?!\/)/g, `$1${base}`);
}
