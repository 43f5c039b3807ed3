/**
 * zod's own messages are English (« Invalid input… », or just « Invalid
 * input » when no locale is loaded, as with zod/mini); the schemas' messages
 * are French.
 */
export function isCustom(message: string | undefined): message is string {
  return !!message && !/^(Invalid|Too (small|big)|Expected|Unrecognized)/i.test(message);
}
