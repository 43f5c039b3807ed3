/**
 * Whether a body needs the Markdown reader at all (markdown.ts), without
 * reading it as Markdown: light enough for the browser.
 */

export interface BodyIssue {
  /** Line and column within the body (1-based). */
  line: number;
  column: number;
  message: string;
  /** The same, as the no-account forms say it (`{noun}` stands for the body's noun). */
  form?: string;
}

/**
 * Raw HTML needs « < »; links, images and definitions need « [ » or « < »;
 * GFM turns bare « www. » and « scheme:// » into links. Text with none of
 * these holds nothing to refuse, and most testimonies are such plain text.
 */
export const MIGHT_HOLD_MARKUP = /[<[]|www\.|:\/\//i;

/**
 * Narrower: what markdown.ts could refuse. A bare « https://… » becomes a
 * link that is always accepted, and a bare e-mail address a « mailto: » link;
 * only « < », « [ », « www. » (read as http://) and « http:// » can give a
 * refused tag, image or link. A body without them needs no Markdown reader.
 */
export function mightBeRefused(markdown: string): boolean {
  return /[<[]|www\.|http:\/\//i.test(markdown);
}
