/**
 * What a body is checked for without reading it as Markdown: personal
 * contact details in a testimony, and whether the Markdown reader is needed
 * at all (markdown.ts). Light enough for the browser.
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

/** Personal contact details have no place in a testimony: it speaks for an association. */
export function personalDataIssues(markdown: string): BodyIssue[] {
  const issues: BodyIssue[] = [];
  const lines = markdown.split('\n');
  lines.forEach((line, index) => {
    // The address stops before a final dot: « écrivez à claire@exemple.org. »
    const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(line);
    if (email) {
      issues.push({
        line: index + 1,
        column: email.index + 1,
        message: `le témoignage contient une adresse e-mail (« ${email[0]} ») : retirez-la, une recommandation ne publie les coordonnées de personne.`,
      });
    }
    const phone = /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/.exec(line);
    if (phone) {
      issues.push({
        line: index + 1,
        column: phone.index + 1,
        message: 'le témoignage contient un numéro de téléphone : retirez-le, une recommandation ne publie les coordonnées de personne.',
      });
    }
  });
  return issues;
}
