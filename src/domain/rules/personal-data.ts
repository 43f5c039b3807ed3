/** Personal contact details in a text, found without reading it as Markdown (no-personal-data-in-recommendations). */
import type { BodyIssue } from './text.ts';

/** Personal contact details have no place in a testimony: it speaks for an association. */
export function personalDataIssues(markdown: string): BodyIssue[] {
  const issues: BodyIssue[] = [];
  // Every text of every recommendation goes through here: most hold neither
  // « @ » nor a « 0 » or « + », without which there is nothing to look for.
  const mayHoldEmail = markdown.includes('@');
  if (!mayHoldEmail && !markdown.includes('0') && !markdown.includes('+')) return issues;
  const lines = markdown.split('\n');
  lines.forEach((line, index) => {
    // The address stops before a final dot: « écrivez à claire@exemple.org. »
    const email = mayHoldEmail ? /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(line) : null;
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
