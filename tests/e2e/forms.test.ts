/**
 * The no-account forms in Chromium, on the built site, at 375 and 1280 px:
 * a three-person cooperative proposes its listing, an association recommends
 * the structure that helped it. Each sees every mistake at once, in words
 * about what they typed, then one last step that sends the entry (e-mail
 * first); the file the form writes passes `npm run check`. A draft survives
 * a reload; without JavaScript the page still gives a complete path. axe
 * finds nothing in any state, and the page with the form's code stays within
 * its budget.
 */
import { routes } from '../../src/domain/routes.ts';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_PAGE_BUDGET_BYTES, formPages, measurePages } from '../../scripts/budget.ts';
import { addMonths, todayInFrance } from '../../src/domain/text/dates.ts';
import { draftKey } from '../../src/forms/policy.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const DIST = path.resolve(process.env.DIST_DIR ?? path.join(root, 'dist'));
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const enabled = browserAvailable();
const NBSP = '\u00A0';
const NNBSP = '\u202F';

let site: StaticSite;
let browser: Browser;
let work: string;

/** Runs `npm run check` on the demo content plus one file. */
async function checkWith(folder: string, file: string, text: string) {
  const dir = path.join(work, `contenu-${path.basename(file, '.md')}-${Math.random().toString(36).slice(2)}`);
  await cp(path.join(root, 'content'), dir, { recursive: true });
  await writeFile(path.join(dir, folder, file), text);
  return run(process.execPath, ['scripts/check.ts', '--content', dir], { cwd: root }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

async function open(
  width: number,
  pathname: string,
  javaScriptEnabled = true,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, javaScriptEnabled });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}${pathname}`);
  return { context, page, errors };
}

async function send(page: Page) {
  await page.getByRole('button', { name: 'Vérifier mes réponses' }).click();
}

async function axe(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(
    violations.map(
      (v) =>
        `${state} : ${v.id} (${v.impact}) ${v.help} → ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' ; ')}`,
    ),
  ).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/**
 * Every message the form shows, beside its field and in the summary, with the
 * name of its field: none repeats that name, none speaks of quotes, HTML,
 * « mailto: » or identifiers, each keeps French spacing before « : ; ? ! ».
 */
async function expectFormWords(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.form-error')].map((error) => {
      const fieldset = error.closest('fieldset');
      const control = error.previousElementSibling as HTMLElement | null;
      const label = fieldset?.contains(control) && control?.id ? document.querySelector(`label[for="${control.id}"]`) : null;
      const name = (label ?? (fieldset && !control?.id ? fieldset.querySelector('legend') : null) ?? fieldset?.querySelector('legend'))
        ?.textContent;
      return { message: error.textContent!, field: (name ?? '').replace(/\s*\(facultatif\)\s*$/, '').trim() };
    }),
  );
  const summary = await page.locator('[data-summary] li').allTextContents();
  expect(summary.length).toBeGreaterThan(0);
  for (const text of [...shown.map((s) => s.message), ...summary]) {
    expect(text, text).not.toMatch(/["“”]|guillemet|HTML|mailto:|identifiant|\(\w+\)\s?:/i);
    expect(text, text).not.toMatch(/[^\u00A0\u202F][:;?!](\s|$)/u);
  }
  for (const { message, field } of shown) {
    if (field.length > 3)
      expect(message.toLowerCase().split(field.toLowerCase()).length - 1, `${field} → ${message}`).toBeLessThanOrEqual(1);
  }
  // One sentence per problem, the same beside the field and in the summary.
  for (const { message } of shown) for (const part of message.split(/(?<=\.) (?=[A-ZÀ-Ý])/)) expect(summary.join('\n')).toContain(part);
  return summary;
}

/** The last step: its heading, the ways in order, the e-mail's address, subject and body. */
async function lastStep(page: Page, what: 'votre fiche' | 'votre recommandation') {
  const heading = page.getByRole('heading', { name: `Dernière étape${NBSP}: envoyez ${what}` });
  await heading.waitFor();
  expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
  const ways = page.locator('.form-ways > li');
  expect(await ways.locator('h3').allTextContents()).toEqual([
    'Par e-mail (le plus simple)',
    `Sur GitHub, si vous avez un compte`,
    'En pièce jointe',
  ]);
  const mail = new URL((await ways.nth(0).getByRole('link', { name: 'Écrire au comité' }).getAttribute('href'))!);
  expect(mail.protocol).toBe('mailto:');
  expect(mail.pathname).toBe('contact@emancipasso.example.org');
  // The file itself is behind a disclosure, and what happens next is said.
  expect(await page.locator('details.form-file').getAttribute('open')).toBeNull();
  expect(await page.locator('.form-result h3').last().textContent()).toBe('Et ensuite\u202F?');
  expect(await page.locator('.form-result').textContent()).toContain('sous trois semaines environ');
  return {
    subject: mail.searchParams.get('subject')!,
    body: mail.searchParams.get('body')!,
    forge: await ways.nth(1).getByRole('link').getAttribute('href'),
  };
}

/** The file the form produced: the download, which must equal the text shown. */
async function download(page: Page): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le fichier' }).click()]);
  const text = await readFile((await file.path())!, 'utf8');
  await page.getByText('Voir le texte préparé').click();
  expect(await page.getByLabel('Le fichier, tel que le comité le recevra').inputValue()).toBe(text);
  return { name: file.suggestedFilename(), text };
}

beforeAll(async () => {
  if (!enabled) return;
  if (!existsSync(path.join(DIST, 'proposer', 'index.html')))
    throw new Error(`Pas de site construit dans ${DIST} : lancez « npm run build ».`);
  site = await serveStatic(DIST, '/');
  browser = await launchBrowser();
  work = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-forms-'));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const DESCRIPTION =
  'L’Atelier numérique d’essai, une coopérative de trois personnes, accompagne les associations lyonnaises qui quittent les outils des GAFAM : diagnostic de leurs usages, choix de logiciels libres, formation des bénévoles et des salarié·es, puis suivi pendant six mois.';

describe.skipIf(!enabled).each([375, 1280])('the no-account forms at %i px', (width) => {
  it('a cooperative proposes its listing: every mistake at once, then one last step that sends it by e-mail', async () => {
    const { context, page, errors } = await open(width, routes.propose());
    await axe(page, 'formulaire vide');

    // Sent empty: a summary that takes the focus, one message per question, none about files.
    await send(page);
    const summary = page.locator('[data-summary]');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const all = await expectFormWords(page);
    expect(all).toEqual(
      expect.arrayContaining([
        'Indiquez le nom de la structure.',
        'Choisissez le type de structure.',
        `Indiquez où vous accompagnez les associations${NBSP}: partout en France, à distance, dans des régions ou des départements.`,
        'Cochez au moins un service.',
        'Choisissez la disponibilité.',
        `Cochez la case pour signer la charte${NBSP}: l’annuaire ne présente que des structures qui l’ont signée.`,
      ]),
    );
    await axe(page, 'erreurs');
    await summary.getByRole('link', { name: 'Indiquez le nom de la structure.' }).click();
    expect(await page.getByLabel('Nom de la structure', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);

    // Filled as the cooperative would, with two slips: an address without https, no starting price on quotation.
    await page.getByLabel('Nom de la structure', { exact: true }).fill('Atelier numérique d’essai');
    await page.getByLabel('Type de structure').selectOption({ label: 'Coopérative (SCOP, SCIC, CAE)' });
    await page.getByLabel('Site web').fill('http://atelier-essai.example.org');
    await page.getByLabel('E-mail de contact').fill('contact@atelier-essai.example.org');
    await page.getByLabel('Ville').fill('Lyon');
    await page.getByLabel('Code postal').fill('69001');
    // A postcode shared by two départements leaves the choice, and names them; one of its own fills the field.
    await page.getByLabel('Code postal').fill('01200');
    await page.getByLabel('Code postal').press('Tab');
    await expect
      .poll(() => page.locator('#champ-location-department-compris').textContent())
      .toBe(
        `Le code postal 01200 est utilisé dans plusieurs départements${NBSP}: Ain (01) et Haute-Savoie (74)${NNBSP}; écrivez le vôtre.`,
      );
    expect(await page.getByLabel('Département', { exact: true }).inputValue()).toBe('');
    await page.getByLabel('Code postal').fill('69001');
    // The siège's département follows from its postcode, said under the field.
    await page.getByLabel('Code postal').press('Tab');
    const department = page.getByLabel('Département', { exact: true });
    await expect.poll(() => department.inputValue()).toBe('Rhône');
    expect(await page.locator('#champ-location-department-compris').textContent()).toBe(
      `D’après le code postal 69001. Compris${NBSP}: Rhône (69).`,
    );
    await page.getByRole('checkbox', { name: 'À distance' }).check();
    // Places are typed by name or number; what the form understood is said back, and what it could not read too.
    const departments = page.getByLabel(/^Départements/);
    await departments.fill('69, isere, Haute, Rhne');
    await departments.press('Tab');
    const understood = page.locator('#champ-area-departments-compris');
    await expect.poll(() => understood.textContent()).toContain(`Compris${NBSP}: Rhône (69) et Isère (38).`);
    expect(await understood.textContent()).toContain(`«${NBSP}Rhne${NBSP}» n’est pas reconnu`);
    await page.getByLabel(/^Régions/).fill('Bretagne');
    // Said as the person types, once they pause.
    await expect.poll(() => page.locator('#champ-area-regions-compris').textContent()).toBe(`Compris${NBSP}: Bretagne.`);
    const services = page.getByRole('group', { name: /^Services/ });
    await services.getByRole('checkbox', { name: 'Diagnostic des outils et des usages' }).check();
    await services.getByRole('checkbox', { name: 'Formation des utilisateur·ices' }).check();
    await page.getByLabel(/^Logiciels libres/).fill('nextcloud');
    await page
      .getByRole('group', { name: /Tailles/ })
      .getByRole('checkbox', { name: /^Petites associations/ })
      .check();
    // French is written already; a language is added by its name.
    const languages = page.getByLabel(/^Langues/);
    expect(await languages.inputValue()).toBe('Français');
    await languages.fill('Français, breton');
    await page.getByLabel('Modèle de tarif').selectOption({ label: 'Sur devis' });
    await page.getByLabel('Accueil de nouvelles associations').selectOption({ label: 'Liste d’attente' });
    await page.getByLabel(/^Attente/).fill('6');
    await page.getByLabel('Description').fill(DESCRIPTION);
    await page.getByRole('checkbox', { name: /Je signe la charte/ }).check();
    await send(page);
    await summary.waitFor();
    const slips = await expectFormWords(page);
    expect(slips).toEqual([
      `Indiquez l’adresse du site web en entier, en commençant par https://.`,
      `Les départements${NBSP}: «${NBSP}Rhne${NBSP}» n’est pas reconnu, vérifiez l’orthographe ou écrivez le nom ou le numéro («${NBSP}Rhône${NBSP}» ou «${NBSP}69${NBSP}»)${NNBSP}; «${NBSP}Haute${NBSP}» peut désigner Hautes-Alpes (05), Haute-Corse (2B), Haute-Garonne (31) et Haute-Loire (43), entre autres, précisez lequel.`,
      `Indiquez le prix de départ, en euros${NBSP}: les critères de l’annuaire demandent un ordre de grandeur, sauf pour un accompagnement gratuit ou à prix libre.`,
    ]);
    // Said once, beside the field: what the form understood stays under it.
    expect(await understood.textContent()).toBe(`Compris${NBSP}: Rhône (69) et Isère (38).`);
    expect(await departments.getAttribute('aria-invalid')).toBe('true');
    expect(await departments.getAttribute('aria-describedby')).toContain('champ-area-departments-erreur');

    await page.getByLabel('Site web').fill('https://atelier-essai.example.org');
    await departments.fill('69 38');
    await page.getByLabel(/^À partir de/).fill('150');
    await send(page);
    const mail = await lastStep(page, 'votre fiche');
    expect(await summary.isHidden()).toBe(true);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await axe(page, 'dernière étape');

    expect(mail.subject).toBe(`Proposition de fiche${NBSP}: Atelier numérique d’essai`);
    const forge = new URL(mail.forge!);
    expect(`${forge.origin}${forge.pathname}`).toBe('https://github.com/emancipasso/annuaire/new/main');
    expect(forge.searchParams.get('filename')).toBe('content/providers/atelier-numerique-d-essai.md');

    // The recommendation link: the name, shown as text, carried along with the slug.
    const link = new URL(await page.getByLabel('Le lien à envoyer aux associations que vous avez accompagnées').inputValue());
    expect(`${link.pathname}`).toBe('/recommander/');
    expect(link.searchParams.get('structure')).toBe('atelier-numerique-d-essai');
    expect(link.searchParams.get('nom')).toBe('Atelier numérique d’essai');

    expect(await page.evaluate((key) => localStorage.getItem(key), draftKey('providers'))).not.toBeNull();
    const file = await download(page);
    expect(mail.body).toContain(file.text);
    expect(forge.searchParams.get('value')).toBe(file.text);
    // Once the file is on its way, the draft is gone, and the page says so.
    expect(await page.evaluate((key) => localStorage.getItem(key), draftKey('providers'))).toBeNull();
    expect(await page.locator('.form-result [data-out="status"]').textContent()).toContain('brouillon est effacé');

    expect(file.name).toBe('atelier-numerique-d-essai.md');
    const today = todayInFrance();
    expect(file.text).toContain(`charter_signed: ${today}\n`);
    expect(file.text).toContain(`updated: ${today}\n`);
    // The availability is dated the day the listing is sent, as its review.
    expect(file.text).toContain(`availability:\n  status: liste-attente\n  wait_weeks: 6\n  stated: ${today}\n`);
    expect(file.text).toContain('department: "69"');
    expect(file.text).toMatch(/regions: \["?53"?\]/);
    expect(file.text).toMatch(/departments: \["?69"?, "?38"?\]/);
    expect(file.text).toContain('tools: [nextcloud]');
    expect(file.text).toContain('languages: [fr, br]');
    const check = await checkWith('providers', file.name, file.text);
    expect(check.code, check.stdout).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an association recommends the structure that helped it, named by its link', async () => {
    // A structure not published yet is named by its link: its name, as text, never as HTML.
    const name = 'Isula Libera <i>coop</i>';
    const { context, page, errors } = await open(width, `recommander/?structure=isula-libera&nom=${encodeURIComponent(name)}`);
    const provider = page.getByLabel('Structure recommandée');
    expect(await provider.inputValue()).toBe('isula-libera');
    expect(await provider.locator('option:checked').textContent()).toBe(`${name} (pas encore publiée)`);
    expect(await page.locator('select[name="provider"] i').count()).toBe(0);

    // A future end date is said together with the missing answers, not after them.
    const end = addMonths(todayInFrance(), -2);
    await page.getByLabel('Fin', { exact: true }).fill(addMonths(todayInFrance(), 2));
    // « Corse » names two départements: the form asks which, in the field's words, and says what it understood of none.
    await page.getByLabel(/^Département/).fill('Corse');
    await send(page);
    await page.locator('[data-summary]').waitFor();
    const first = await expectFormWords(page);
    expect(first).toContain(
      `Le département${NBSP}: «${NBSP}Corse${NBSP}» peut désigner Corse-du-Sud (2A) et Haute-Corse (2B), précisez lequel.`,
    );
    expect(first.some((m) => /^Le projet se termine le .*, dans le futur/.test(m))).toBe(true);
    expect(first).toEqual(
      expect.arrayContaining(['Indiquez le nom de l’association.', `Dites si vous recommanderiez cette structure${NBSP}: oui ou non.`]),
    );
    await axe(page, 'erreurs');

    await page.getByLabel('Nom de l’association').fill('Amicale des jardins de Bréquigny (essai)');
    await page.getByLabel(/^Numéro RNA/).fill('W351234567');
    // Without a thought for codes: the name, as it comes.
    await page.getByLabel(/^Département/).fill('ille et vilaine');
    await page.getByLabel('Le projet').fill('Quitter Google Drive pour Nextcloud');
    await page.getByLabel('Début', { exact: true }).fill(addMonths(end, -3));
    await page.getByLabel('Fin', { exact: true }).fill(end);
    await page.getByRole('group', { name: 'Services reçus' }).getByRole('checkbox', { name: 'Hébergement de services' }).check();
    await page.getByLabel(/^Logiciels mis en place/).fill('Nextcloud');
    // One way to say a criterion does not apply: « Non concerné ». One left unanswered is asked for.
    const questions = page.locator('[data-kind="rating"]');
    const count = await questions.count();
    for (let i = 0; i < count - 1; i++)
      await questions
        .nth(i)
        .getByRole('radio', { name: i === 2 ? 'Non concerné' : '4' })
        .check();
    await page
      .getByRole('group', { name: 'Recommanderiez-vous cette structure ?'.replace(' ?', `${NBSP}?`) })
      .getByRole('radio', { name: 'Oui' })
      .check();
    // Too short a testimony: « trop court », in the masculine of « le témoignage ».
    await page.getByLabel('Témoignage').fill('Très bien.');
    await send(page);
    const second = await expectFormWords(page);
    const lastQuestion = (await questions
      .nth(count - 1)
      .locator('legend')
      .textContent())!.trim();
    expect(second).toHaveLength(2);
    expect(second[0]).toMatch(
      new RegExp(`^Choisissez une note de 1 à 5, ou «.Non concerné.», pour la question «.${lastQuestion.slice(0, 30)}`),
    );
    expect(second[1]).toBe(`Le témoignage est trop court${NBSP}: au moins 50 caractères (actuellement 10).`);

    await questions
      .nth(count - 1)
      .getByRole('radio', { name: '5' })
      .check();
    await page
      .getByLabel('Témoignage')
      .fill(
        'Isula Libera nous a aidés à quitter Google Drive : deux ateliers le samedi matin, une fiche pour chaque bénévole, et des réponses rapides ensuite.',
      );
    await send(page);
    const mail = await lastStep(page, 'votre recommandation');
    await axe(page, 'dernière étape');
    expect(mail.subject).toBe(
      'Recommandation de Isula Libera <i>coop</i> (pas encore publiée) par Amicale des jardins de Bréquigny (essai)',
    );
    const file = await download(page);
    expect(mail.body).toContain(file.text);
    expect(file.name).toBe('isula-libera--amicale-des-jardins-de-brequigny-essai.md');
    expect(file.text).toMatch(/verification:\n {2}status: pending/);
    expect(file.text).toContain('department: "35"');
    expect(file.text).toContain('tools: [nextcloud]');
    expect(file.text).toMatch(
      /support: null|documentation: null|formation: null|besoins-compris: null|delais-budget: null|autonomie: null|transparence: null/,
    );
    const check = await checkWith('recommendations', file.name, file.text);
    expect(check.code, check.stdout).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without JavaScript: the commented blank file and the e-mail, a complete path', async () => {
    for (const [pathname, template] of [
      [routes.propose(), '# Nom de la structure (obligatoire)'],
      [routes.recommend(), '# Structure recommandée (obligatoire)'],
    ] as const) {
      const { context, page } = await open(width, pathname, false);
      const paths = page.locator('.form-paths');
      expect(await paths.getByRole('heading', { level: 3 }).textContent()).toMatch(
        /^Sans JavaScript\u00A0: envoyer votre (fiche|recommandation)$/,
      );
      expect(await page.getByRole('button', { name: 'Vérifier mes réponses' }).count()).toBe(0);
      const items = paths.locator('ol > li');
      // The e-mail first: the blank file to download, the committee's address with a subject.
      const firstLinks = items.nth(0).getByRole('link');
      const templateHref = (await firstLinks.nth(0).getAttribute('href'))!;
      const blank = await (await fetch(new URL(templateHref, `${site.url}${pathname}`))).text();
      expect(blank).toContain(template);
      const mail = new URL((await firstLinks.nth(1).getAttribute('href'))!);
      expect(mail.pathname).toBe('contact@emancipasso.example.org');
      expect(mail.searchParams.get('subject')).toMatch(/^(Proposition de fiche|Recommandation)$/);
      // Long lists are typed, names or numbers: a text field with its hint, that works as well without JavaScript.
      const department = page.getByLabel(/^Département/).first();
      expect(await department.evaluate((el) => [el.tagName, (el as HTMLInputElement).type])).toEqual(['INPUT', 'text']);
      expect(await page.locator(`#${await department.getAttribute('id')}-aide`).textContent()).toMatch(/«\u00A0Rhône/);
      await department.fill('Rhône, 38');
      expect(await department.inputValue()).toBe('Rhône, 38');
      // The blank file says the committee takes names where codes are too many to list.
      expect(blank).toContain('Si vous ne connaissez pas les codes, écrivez les noms');
      // Then the forge, for those with an account.
      expect(await items.nth(1).getByRole('link', { name: 'Créer le fichier sur GitHub' }).count()).toBe(1);
      expect(await paths.textContent()).toContain('vous répond sous trois semaines environ');
      await context.close();
    }
  });

  it('keeps a draft in this browser: a reload brings every answer back, « Effacer mon brouillon » empties it', async () => {
    for (const pathname of [routes.propose(), routes.recommend()]) {
      const { context, page, errors } = await open(width, pathname);
      const values = () =>
        page.evaluate(() =>
          [...document.querySelectorAll<HTMLInputElement>('form[data-entry-form] [name]')].map((c) =>
            c.type === 'checkbox' || c.type === 'radio' ? `${c.name}=${c.value}:${c.checked}` : `${c.name}=${c.value}`,
          ),
        );
      const empty = await values();
      // Every kind of control: text, list, boxes, radio buttons, date, number, long text.
      const texts = page.locator(
        'form[data-entry-form] input[type="text"], form[data-entry-form] input[type="email"], form[data-entry-form] input[type="url"]',
      );
      for (let i = 0; i < (await texts.count()); i++) if (await texts.nth(i).isVisible()) await texts.nth(i).fill(`réponse ${i}`);
      const selects = page.locator('form[data-entry-form] select');
      for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 2 });
      const boxes = page.locator('form[data-entry-form] input[type="checkbox"]:visible');
      for (let i = 0; i < (await boxes.count()); i += 3) await boxes.nth(i).check();
      const radios = page.locator('form[data-entry-form] input[type="radio"]');
      for (let i = 0; i < (await radios.count()); i += 4) await radios.nth(i).check();
      const dates = page.locator('form[data-entry-form] input[type="date"]');
      if ((await dates.count()) > 0) await dates.first().fill('2026-03-01');
      await page.locator('form[data-entry-form] textarea').first().fill('Un texte commencé, à ne pas perdre.');
      const typed = await values();
      expect(typed).not.toEqual(empty);

      await page.reload();
      expect(await values()).toEqual(empty);
      const resume = page.getByRole('button', { name: /^Reprendre mon brouillon du \d{1,2} \p{L}+$/u });
      await resume.waitFor();
      await axe(page, 'brouillon proposé');
      await resume.click();
      expect(await values()).toEqual(typed);
      expect(await page.locator('[data-draft-status]').textContent()).toContain('brouillon est repris');

      // Said under the form, in one sentence, with the button to forget it.
      expect(await page.locator('.form-draft-note').textContent()).toContain('gardées dans ce navigateur seulement, jamais envoyées');
      await page.getByRole('button', { name: 'Effacer mon brouillon' }).click();
      expect(await values()).toEqual(empty);
      expect(
        await page.evaluate(
          (type) => localStorage.getItem(`emancipasso-brouillon-${type}`),
          pathname === routes.propose() ? 'providers' : 'recommendations',
        ),
      ).toBeNull();
      await page.reload();
      expect(await page.locator('[data-draft-offer]').isHidden()).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe.skipIf(!enabled)('the weight of the form pages', () => {
  it(`stays within ${FORM_PAGE_BUDGET_BYTES / 1000} kB with the code the form loads when used, and is Ecoindex A`, async () => {
    const pages = formPages(await measurePages(DIST));
    expect(pages.map((p) => p.file).sort()).toEqual([`${routes.propose()}index.html`, `${routes.recommend()}index.html`]);
    for (const page of pages) {
      console.log(
        `${page.file} : ${(page.weight / 1000).toFixed(1)} ko au chargement + ${((page.onDemand + page.onDemandLargestPiece) / 1000).toFixed(1)} ko à l’usage du formulaire = ${(page.withForm / 1000).toFixed(1)} ko`,
      );
      expect(page.onDemand).toBeGreaterThan(0);
      expect(page.withForm).toBeLessThanOrEqual(FORM_PAGE_BUDGET_BYTES);
      // The promise of every page type, the forms included: Ecoindex A, as npm run budget estimates it.
      console.log(`${page.file} : ${page.elements} éléments, ${page.requests} requêtes, Ecoindex ${page.ecoindex} (${page.grade})`);
      expect(page.grade, `${page.file} : ${page.elements} éléments`).toBe('A');
      // The import comes only with « Importer… », on the provider form alone; the page with it holds the budget too.
      if (page.type === 'propose') {
        console.log(
          `${page.file} : import ${(page.onDemandImport / 1000).toFixed(1)} ko à l’ouverture de « Importer », ${((page.weight + page.onDemandImport) / 1000).toFixed(1)} ko avec la page, ${(page.withImport / 1000).toFixed(1)} ko avec les vérifications`,
        );
        expect(page.onDemandImport).toBeGreaterThan(0);
        expect(page.weight + page.onDemandImport).toBeLessThanOrEqual(FORM_PAGE_BUDGET_BYTES);
      } else expect(page.onDemandImport).toBe(0);
    }
  });
});

describe.skipIf(!enabled)('importing what a provider already publishes, at 375 px', () => {
  const sample = (name: string) => readFile(path.join(root, 'tests/fixtures/import', name), 'utf8');
  const report = (page: Page) => page.locator('[data-import-report]');
  const importText = async (page: Page, text: string) => {
    await page.getByLabel(/^Le texte du fichier/).fill(text);
    await page.getByRole('button', { name: 'Préremplir le formulaire' }).click();
    const heading = report(page).locator('h3');
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    return heading.textContent();
  };
  const value = (page: Page, path: string) => page.locator(`[data-path="${path}"]`).inputValue();
  const ticked = (page: Page, name: string) =>
    page.$$eval(`input[name="${name}"]:checked`, (boxes) => boxes.map((box) => (box as HTMLInputElement).value));

  it('prefills the form from a librehost.json, then from ChatonsInfos files, lists what it left out, and sends nothing', async () => {
    const { context, page, errors } = await open(375, routes.propose());
    const origin = new URL(site.url).origin;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    // The import's code comes only when the disclosure opens.
    await Promise.all([
      page.waitForResponse((response) => /\/prefill\.[\w-]+\.js$/.test(response.url())),
      page.getByText('Importer depuis librehost.json ou ChatonsInfos').click(),
    ]);
    const loaded = requests.length;

    expect(await importText(page, await sample('librehost.json'))).toBe(
      `Formulaire prérempli depuis librehost.json, 1${NBSP}fichier lu${NBSP}: 9${NBSP}champs remplis.`,
    );
    expect(await value(page, 'name')).toBe('Le Nuage d’Armor');
    expect(await value(page, 'structure')).toBe('collectif');
    expect(await value(page, 'website')).toBe('https://nuage-armor.example.org/');
    expect(await value(page, 'contact.email')).toBe('contact@nuage-armor.example.org');
    expect(await value(page, 'contact.form')).toBe('https://nuage-armor.example.org/contact/');
    expect(await value(page, 'body')).toMatch(/^Des services libres, hébergés en Bretagne/);
    // Languages and tools are written by name, after what the field held (« Français »).
    expect(await value(page, 'languages')).toBe('Français, Breton, Anglais');
    expect(await value(page, 'tools')).toBe('Nextcloud, Etherpad, Jitsi Meet');
    expect(await ticked(page, 'services')).toEqual(['hebergement']);
    const filled = await report(page).locator('ul').first().locator('li').allTextContents();
    expect(filled).toContain(`Logiciels libres${NBSP}: Nextcloud, Jitsi Meet, Etherpad (depuis services).`);
    expect(await report(page).locator('h4').textContent()).toMatch(/^Non repris \(\d+\u00A0clés\)$/);
    const leftOut = await report(page).locator('ul').last().locator('li').allTextContents();
    expect(leftOut).toContain(`services = Zammad${NBSP}: logiciel absent de la liste de l’annuaire${NBSP}: citez-le dans la description.`);
    expect(leftOut).toContain(
      `communicationLanguages = eo${NBSP}: langue que le formulaire ne propose pas${NBSP}: précisez-la dans la description.`,
    );
    await axe(page, 'import librehost.json');

    // ChatonsInfos, on an emptied form where the person has typed a name of their own: kept.
    await page.getByRole('button', { name: 'Effacer mon brouillon' }).click();
    await page.locator('[data-path="name"]').fill('Octets');
    const files = `${await sample('chatons-organization.properties')}\n${await sample('chatons-services.properties')}`;
    expect(await importText(page, files)).toBe(
      `Formulaire prérempli depuis ChatonsInfos, 4${NBSP}fichiers lus${NBSP}: 7${NBSP}champs remplis.`,
    );
    expect(await value(page, 'name')).toBe('Octets');
    expect(await value(page, 'structure')).toBe('association');
    expect(await value(page, 'contact.form')).toBe('');
    expect(await value(page, 'body')).toContain("Association d'éducation populaire au numérique libre");
    expect(await ticked(page, 'networks')).toEqual(['chatons']);
    expect(await value(page, 'tools')).toBe('Nextcloud, Etherpad');
    const chatonsFilled = await report(page).locator('ul').first().locator('li').allTextContents();
    expect(chatonsFilled).toContain(`Nom de la structure${NBSP}: déjà rempli, laissé tel quel (depuis organization.name).`);
    const chatonsLeftOut = await report(page).locator('ul').last().locator('li').allTextContents();
    expect(chatonsLeftOut).toContain(
      `software.name = Zammad${NBSP}: logiciel absent de la liste de l’annuaire${NBSP}: citez-le dans la description.`,
    );
    expect(chatonsLeftOut.some((line) => line.startsWith('organization.contact.url = http://octets-des-pres.example.org/contact'))).toBe(
      true,
    );
    await axe(page, 'import ChatonsInfos');

    // A broken paste changes nothing and says what to check.
    expect(await importText(page, '{ "name": "Coupé')).toMatch(/mal formé/);
    expect(await value(page, 'name')).toBe('Octets');

    // Nothing went anywhere: after the import's code, only the site's own scripts (the form's checks, loaded
    // when it is first used), none of the addresses the pasted files hold, nothing to another site.
    expect(requests.slice(loaded).filter((url) => !/^\/_astro\/[\w.-]+\.js$/.test(new URL(url).pathname))).toEqual([]);
    expect(requests.every((url) => new URL(url).origin === origin)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without JavaScript: the disclosure leads to which key goes in which field', async () => {
    const { context, page } = await open(375, routes.propose(), false);
    await page.getByText('Importer depuis librehost.json ou ChatonsInfos').click();
    expect(await page.getByLabel(/^Le texte du fichier/).isVisible()).toBe(false);
    await page.getByRole('link', { name: 'quelle clé va dans quel champ' }).click();
    expect(new URL(page.url()).pathname).toBe(`/${routes.importGuide()}`);
    const table = page.locator('table.import-guide');
    expect(await table.locator('caption').textContent()).toContain('quelle clé va dans quel champ');
    const rows = await table.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    expect(rows).toContainEqual(['Nom de la structure', 'name', 'organization.name']);
    expect(rows).toContainEqual(['Logiciels libres', 'services', 'software.name']);
    // axe needs JavaScript; the width is measured all the same.
    expect(await table.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(375);
    await context.close();
  });
});
