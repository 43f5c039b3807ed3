/** The rules about one recommendation alone (see entry.ts): those of its file alone, and those that read the day, the criteria and the structures. */
import type { Entry } from '../content.ts';
import { personalDataIssues } from './personal-data.ts';
import { SLUG_PATTERN } from '../../schemas/fields.ts';
import { day, frenchDate, record, suggest, type EntryRuleContext, type Report } from './entry.ts';

export function checkRecommendation(entry: Entry<unknown>, report: Report, ctx: EntryRuleContext) {
  const r = record(entry.data);
  const project = record(r.project);
  const verification = record(r.verification);

  // references-resolve
  if (typeof r.provider === 'string' && SLUG_PATTERN.test(r.provider) && !ctx.providerIds.has(r.provider)) {
    report(
      entry,
      ['provider'],
      `aucune structure n’a l’identifiant « ${r.provider} ».${suggest(ctx, r.provider, ctx.providerIds)} Le nom du fichier de la fiche (sans « .md ») est son identifiant.`,
      'error',
      'choisissez {noun} dans la liste.',
    );
  }

  // dates-not-in-future, dates-in-order: nothing that already happened lies in the future.
  const end = day(project.end);
  if (end && end > ctx.today) {
    report(
      entry,
      ['project', 'end'],
      `le projet se termine le ${frenchDate(end)}, dans le futur : une recommandation porte sur un accompagnement terminé.`,
    );
  }
  const verified = day(verification.date);
  if (verified) {
    if (verified > ctx.today) {
      report(entry, ['verification', 'date'], `la date de vérification (${frenchDate(verified)}) est dans le futur.`);
    } else if (end && verified < end) {
      report(
        entry,
        ['verification', 'date'],
        `la vérification (${frenchDate(verified)}) précède la fin du projet (${frenchDate(end)}) : on vérifie un accompagnement terminé.`,
      );
    }
  }

  // every-criterion-rated
  const ratings: unknown = r.ratings;
  if (ctx.known.criteria && ratings && typeof ratings === 'object' && !Array.isArray(ratings)) {
    const criteria = ctx.criteria.map((c) => c.slug);
    for (const key of Object.keys(ratings)) {
      // A key that is not even a slug was already refused by the schema.
      if (!ctx.known.criteria.has(key) && SLUG_PATTERN.test(key)) {
        report(
          entry,
          ['ratings', key],
          `« ${key} » n’est pas un critère connu.${suggest(ctx, key, criteria)} Critères possibles : ${criteria.join(', ')}.`,
        );
      }
    }
    for (const criterion of ctx.criteria) {
      if (!(criterion.slug in ratings)) {
        report(
          entry,
          ['ratings', criterion.slug],
          `il manque la note du critère « ${criterion.slug} » : ajoutez « ${criterion.slug}: » suivi d’une note de 1 à 5, ou de « null » s’il ne vous concerne pas.`,
          'error',
          `choisissez une note de 1 à 5, ou « Non concerné », pour la question « ${criterion.label} ».`,
        );
      }
    }
  }
}

/** no-personal-data-in-recommendations: a testimony publishes nobody’s contact details. The file alone decides. */
export function checkRecommendationFile(entry: Entry<unknown>, report: Report) {
  // no-personal-data-in-recommendations
  for (const issue of personalDataIssues(entry.body)) {
    report({ ...entry, locate: () => ({ line: entry.bodyLine + issue.line - 1, column: issue.column }) }, ['body'], issue.message);
  }
  // No field either: the association's name, city or project title name nobody's address or phone.
  forEachString(entry.data, [], (path, value) => {
    if (path[0] === 'association' && path[1] === 'website') return;
    if (personalDataIssues(value).length > 0) {
      report(
        entry,
        [...path],
        `ce champ contient une adresse e-mail ou un numéro de téléphone : retirez-le, une recommandation parle au nom de l’association et ne publie les coordonnées de personne.`,
        'error',
        '{noun} contient une adresse e-mail ou un numéro de téléphone : retirez-les, une recommandation parle au nom de l’association et ne publie les coordonnées de personne.',
      );
    }
  });
}

/** Calls `visit` on every text value of an entry's data, with its path (valid during the call only). */
function forEachString(data: unknown, path: PropertyKey[], visit: (path: readonly PropertyKey[], value: string) => void): void {
  if (typeof data === 'string') visit(path, data);
  else if (Array.isArray(data)) {
    data.forEach((item, index) => {
      path.push(index);
      forEachString(item, path, visit);
      path.pop();
    });
  } else if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      path.push(key);
      forEachString(value, path, visit);
      path.pop();
    }
  }
}
