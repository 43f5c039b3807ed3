/**
 * The no-account forms in Chromium, on the built site: a provider's listing
 * and an association's recommendation are filled in as a person would; the
 * mistakes are shown next to their fields with a summary; the file the form
 * produces (downloaded, and in the text box) passes `npm run check`. Without
 * JavaScript, the page gives the three other ways.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurePages, PAGE_BUDGET_BYTES } from '../../scripts/budget.ts';
import { addMonths, todayInFrance } from '../../src/domain/text/dates.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const DIST = path.resolve(process.env.DIST_DIR ?? path.join(root, 'dist'));
const enabled = browserAvailable();

let site: StaticSite;
let browser: Browser;
let work: string;

/** Runs `npm run check` on the demo content plus one file. */
async function checkWith(folder: string, file: string, text: string) {
  const dir = path.join(work, `contenu-${path.basename(file, '.md')}`);
  await cp(path.join(root, 'content'), dir, { recursive: true });
  await writeFile(path.join(dir, folder, file), text);
  return run(process.execPath, ['scripts/check.ts', '--content', dir], { cwd: root }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

async function submit(page: Page, label: string) {
  await page.getByRole('button', { name: label }).click();
}

/** The file the form produced: the download, which must equal the text shown. */
async function producedFile(page: Page): Promise<{ name: string; text: string }> {
  await page.getByRole('heading', { name: 'Votre fichier est prêt' }).waitFor();
  const shown = await page.getByLabel('Le fichier').inputValue();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le fichier' }).click(),
  ]);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toBe(shown);
  return { name: download.suggestedFilename(), text };
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

describe.skipIf(!enabled)('les formulaires sans compte', () => {
  it('proposer : signale chaque erreur près de son champ, puis produit une fiche qui passe la vérification', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}proposer/`);

    // Sent empty, with a web address without https: a summary that takes the focus, links to the fields, messages beside them.
    await page.getByLabel('Site web').fill('http://atelier-essai.example.org');
    await submit(page, 'Préparer ma fiche');
    const summary = page.locator('[data-summary]');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => summary.getByRole('link').count()).toBeGreaterThan(5);
    const website = page.getByLabel('Site web');
    expect(await website.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await website.getAttribute('aria-describedby'))!.split(' ');
    const message = await page.locator(`#${describedBy.at(-1)}`).textContent();
    expect(message).toContain('commence par «\u00A0https://\u00A0»');
    await summary.getByRole('link', { name: /^Site web/ }).click();
    expect(await website.evaluate((el) => el === document.activeElement)).toBe(true);

    await website.fill('https://atelier-essai.example.org');
    await page.getByLabel('Nom de la structure').fill('Atelier numérique d’essai');
    await page.getByLabel('Type de structure').selectOption('cooperative');
    await page.getByLabel('E-mail de contact').fill('contact@atelier-essai.example.org');
    await page.getByLabel('Ville').fill('Lyon');
    await page.getByLabel('Code postal').fill('69001');
    await page.getByLabel('Département', { exact: true }).fill('69');
    await page.getByRole('checkbox', { name: 'À distance' }).check();
    await page.getByRole('group', { name: 'Services' }).getByRole('checkbox', { name: 'Diagnostic des outils et des usages' }).check();
    await page.getByRole('group', { name: 'Services' }).getByRole('checkbox', { name: 'Formation des utilisateur·ices' }).check();
    await page
      .getByRole('group', { name: /Logiciels libres/ })
      .getByRole('checkbox', { name: 'Nextcloud' })
      .check();
    await page
      .getByRole('group', { name: /Tailles/ })
      .getByRole('checkbox', { name: /^Petites associations/ })
      .check();
    await page.getByLabel('Modèle de tarif').selectOption('devis');
    await page.getByLabel(/^À partir de/).fill('150');
    await page.getByLabel('Fiche revue le').fill(todayInFrance());
    await page
      .getByLabel('Description')
      .fill(
        'L’Atelier numérique d’essai accompagne les associations lyonnaises qui quittent les outils des GAFAM : diagnostic de leurs usages, choix de logiciels libres, formation des bénévoles et des salarié·es, puis suivi pendant six mois pour que chacun·e soit à l’aise.',
      );
    await submit(page, 'Préparer ma fiche');
    const file = await producedFile(page);
    expect(file.name).toBe('atelier-numerique-d-essai.md');
    expect(await page.locator('[data-summary]').isHidden()).toBe(true);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    // What publishes the listing comes next: the link to send to the associations it accompanied.
    expect(await page.locator('[data-out="next"]').textContent()).toContain(`${site.url}recommander/?structure=atelier-numerique-d-essai`);

    // The forge's new-file page, filled in; the committee's address as the last resort.
    const forge = await page.getByRole('link', { name: /^Proposer le fichier sur GitHub/ }).getAttribute('href');
    const url = new URL(forge!);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/emancipasso/annuaire/new/main');
    expect(url.searchParams.get('filename')).toBe('content/providers/atelier-numerique-d-essai.md');
    expect(url.searchParams.get('value')).toBe(file.text);
    expect(await page.getByRole('link', { name: 'Écrire au comité' }).getAttribute('href')).toMatch(
      /^mailto:contact@emancipasso\.example\.org\?subject=/,
    );

    expect(file.text).toContain('name: Atelier numérique d’essai');
    expect(file.text).toContain('postcode: "69001"');
    const check = await checkWith('providers', file.name, file.text);
    expect(check.code, check.stdout).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('recommander : le questionnaire produit une recommandation en attente de vérification qui passe la vérification', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // « Recommander cette structure » links name the structure in the address…
    await page.goto(`${site.url}recommander/?structure=octets-solidaires`);
    expect(await page.getByLabel('Structure recommandée').inputValue()).toBe('octets-solidaires');
    // …and a structure not published yet is named only by the link it sent: the page itself never lists it.
    expect(await page.locator('select[name="provider"] option[value="isula-libera"]').count()).toBe(0);
    await page.goto(`${site.url}recommander/?structure=isula-libera`);
    expect(await page.getByLabel('Structure recommandée').inputValue()).toBe('isula-libera');

    await page.getByLabel('Nom de l’association').fill('Amicale des jardins de Bréquigny (essai)');
    await page.getByLabel(/^Numéro RNA/).fill('W351234567');
    await page.getByLabel('Le projet').fill('Quitter Google Drive pour Nextcloud');
    const end = addMonths(todayInFrance(), -2);
    await page.getByLabel('Début', { exact: true }).fill(addMonths(end, -3));
    await page.getByLabel('Fin', { exact: true }).fill(end);
    await page.getByRole('group', { name: 'Services reçus' }).getByRole('checkbox', { name: 'Hébergement de services' }).check();
    await page
      .getByRole('group', { name: /Logiciels mis en place/ })
      .getByRole('checkbox', { name: 'Nextcloud' })
      .check();
    // The criteria, asked as questions; one left unanswered, one « not concerned ».
    await page.getByRole('group', { name: 'La structure a-t-elle bien compris vos besoins ?' }).getByRole('radio', { name: '5' }).check();
    await page
      .getByRole('group', { name: /délais et le budget/ })
      .getByRole('radio', { name: '4' })
      .check();
    await page
      .getByRole('group', { name: /support répond/ })
      .getByRole('radio', { name: 'Non concerné' })
      .check();
    await page.getByRole('group', { name: 'Recommanderiez-vous cette structure ?' }).getByRole('radio', { name: 'Oui' }).check();
    // Too short a testimony first: refused with the check's words.
    await page.getByLabel('Témoignage').fill('Très bien.');
    await submit(page, 'Préparer ma recommandation');
    await page.locator('[data-summary]').waitFor();
    expect(await page.getByLabel('Témoignage').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-summary]').textContent()).toContain('au moins 50 caractères');

    await page
      .getByLabel('Témoignage')
      .fill(
        'Isula Libera nous a aidés à quitter Google Drive : deux ateliers le samedi matin, une fiche pour chaque bénévole, et des réponses rapides ensuite.',
      );
    await submit(page, 'Préparer ma recommandation');
    const file = await producedFile(page);
    expect(file.name).toBe('isula-libera--amicale-des-jardins-de-brequigny-essai.md');
    expect(file.text).toMatch(/verification:\n {2}status: pending/);
    expect(file.text).toMatch(/besoins-compris: 5/);
    expect(file.text).toMatch(/support: null/);
    expect(file.text).toMatch(/autonomie: null/);
    const check = await checkWith('recommendations', file.name, file.text);
    expect(check.code, check.stdout).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sans JavaScript : les trois autres chemins, et les questions restent lisibles', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}proposer/`);
    expect(await page.getByRole('heading', { name: 'Sans JavaScript' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Préparer ma fiche' }).count()).toBe(0);
    expect(await page.getByLabel('Nom de la structure').isVisible()).toBe(true);
    const forge = new URL((await page.getByRole('link', { name: 'Créer le fichier sur GitHub' }).getAttribute('href'))!);
    expect(forge.searchParams.get('filename')).toBe('content/providers/nom-de-la-structure.md');
    const templateHref = (await page.getByRole('link', { name: 'Télécharger le modèle' }).getAttribute('href'))!;
    const template = await (await fetch(new URL(templateHref, site.url))).text();
    expect(forge.searchParams.get('value')).toBe(template);
    expect(template).toContain('# Nom de la structure (obligatoire)');
    expect(template).toMatch(/^name:$/m);
    expect(await page.locator('main').getByRole('link', { name: 'contact@emancipasso.example.org' }).getAttribute('href')).toBe(
      'mailto:contact@emancipasso.example.org',
    );
    await context.close();
  });

  it(`pèse moins de ${PAGE_BUDGET_BYTES / 1000} ko au chargement ; les vérifications ne viennent qu’à l’usage du formulaire`, async () => {
    const pages = (await measurePages(DIST)).filter((p) => /^(proposer|recommander)\/index\.html$/.test(p.file));
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      console.log(
        `${page.file} : ${(page.weight / 1000).toFixed(1)} ko au chargement, ${(page.onDemand / 1000).toFixed(1)} ko à l’usage du formulaire, ${page.elements} éléments, Ecoindex ${page.ecoindex} (${page.grade})`,
      );
      expect(page.weight).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
      expect(page.onDemand).toBeGreaterThan(0);
    }
  });
});
