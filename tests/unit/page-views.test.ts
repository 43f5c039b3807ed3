/**
 * What a project's page and a provider's profile say, in French words, as
 * the pages and the CMS preview render them (`projectView`, `profileView`,
 * `recommendationView`), and what the preview makes of an entry still being
 * filled (`previewData`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../../src/domain/content.ts';
import { buildDirectory, listedProvider, verifiedRecommendations, type ListedProject } from '../../src/domain/directory/index.ts';
import { facetLabels } from '../../src/domain/directory/facets.ts';
import { profileView, recommendationView, unpublishedNotice } from '../../src/domain/directory/profile-view.ts';
import { fundingView, projectView, type ProjectOnPage } from '../../src/domain/project-view.ts';
import { fundingProgress } from '../../src/domain/projects.ts';
import { frenchTypography } from '../../src/domain/text/format.ts';
import { previewData } from '../../src/cms/preview-data.ts';
import { loadContent } from '../../src/loader/index.ts';
import type { Project } from '../../src/schemas/project.ts';
import { projectSchema } from '../../src/schemas/project.ts';
import { providerSchema } from '../../src/schemas/provider.ts';
import { BASE, TODAY } from '../content/helpers.ts';

/** Where a project's page is, and where its « we need it too » goes. */
const onPage = (today: string) => ({
  today,
  need: {
    pageUrl: 'https://annuaire.example.org/projets/agenda-partage/',
    repository: { forge: 'github' as const, url: 'https://github.com/exemple/annuaire', branch: 'main' },
    committeeEmail: 'comite@example.org',
  },
});

let content: Content;
let project: ListedProject;
beforeAll(async () => {
  const loaded = await loadContent(BASE);
  expect(loaded.problems).toEqual([]);
  content = loaded.content;
  project = buildDirectory(content, TODAY).projects[0]!;
});

/** The view's strings with ordinary spaces: French number formats put narrow no-break spaces in them. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null).replace(/[\u00a0\u202f]/g, ' '));

/** The base project with some of its data changed; its maker stays as the directory found it. */
function variant(change: Partial<Project>): ProjectOnPage {
  const data = { ...project.data, ...change };
  return { data, funding: fundingProgress(data), maker: project.maker };
}

describe('a project’s page', () => {
  it('asks who needs it too, with its supporters, the prefilled form and the e-mail, until it is delivered', () => {
    const need = projectView(variant({ supporters: ['Radio Exemple', 'Théâtre Exemple'] }), onPage(TODAY)).need!;
    expect(plain(need.supporters)).toEqual({ count: '2 associations en ont besoin :', names: ['Radio Exemple', 'Théâtre Exemple'] });
    expect(need.button.text).toBe('Nous en avons besoin aussi');
    expect(new URL(need.button.url).searchParams.get('template')).toBe('besoin-projet.yml');
    expect(need.alternative[1]).toMatchObject({
      text: 'écrivez au comité de pilotage',
      url: expect.stringMatching(/^mailto:comite@example\.org\?/),
    });
    expect(projectView(variant({ supporters: [] }), onPage(TODAY)).need!.supporters).toBeUndefined();
    const delivered = projectView(variant({ status: 'livre', supporters: ['Radio Exemple'] }), onPage(TODAY));
    expect(delivered.need).toBeUndefined();
    expect(delivered.facts).toContainEqual({ term: 'Associations qui en ont besoin aussi', list: ['Radio Exemple'] });
  });

  it('says where to give while money is collected, and never collects it itself', () => {
    const view = projectView(project, onPage(TODAY));
    expect(view.status).toBe('En cours de financement');
    expect(view.kind).toBe('Nouvelle fonctionnalité');
    expect(view.contribute.paragraphs).toEqual([
      [
        'Les dons et les contributions passent par ',
        { strong: 'collecte.example.org' },
        frenchTypography('\u00a0: le site Emancip’Asso ne collecte jamais d’argent lui-même. La collecte se termine le 30 juin 2027.'),
      ],
    ]);
    expect(view.contribute.button).toEqual({
      text: 'Contribuer sur collecte.example.org',
      url: 'https://collecte.example.org/agenda-partage',
    });
  });

  it('says how far the funding has come, the deadline, each pledge and each step', () => {
    const view = projectView(project, onPage(TODAY));
    expect(plain(view.funding?.progress)).toEqual({
      label: '1 200 € promis sur 3 000 € (40 %)',
      percent: '40 %',
      max: 3000,
      value: 1200,
      paid: 'dont 500 € déjà versés · il manque 1 800 € de promesses',
    });
    expect(plain(view.funding?.deadline)).toBe('Date limite de la collecte : 30 juin 2027.');
    expect(plain(view.funding?.pledges)).toEqual([
      { funder: 'Chorale Exemple', amount: '500 €', date: '1 mars 2026', paid: 'oui' },
      { funder: 'Vélo Exemple', amount: '700 €', date: '15 avril 2026', paid: 'pas encore' },
    ]);
    expect(plain(view.milestones)).toEqual({
      heading: 'Étapes (1 sur 2 terminées)',
      items: [
        { title: 'Spécification avec les associations', details: ' · 1 000 € · ', state: 'terminée', done: true },
        { title: 'Développement et tests', details: ' · 2 000 € · prévue pour le 31 mars 2027 · ', state: 'à venir', done: false },
      ],
    });
    expect(plain(projectView(project, onPage('2027-07-01')).funding?.deadline)).toBe(
      'Date limite de la collecte : 30 juin 2027 (dépassée).',
    );
  });

  it('gives its facts in the page’s order, the maker linked only when it is published', () => {
    const view = projectView(project, onPage(TODAY));
    // Its supporters are with the request to join them (`need`) while the project can still be asked for.
    expect(view.facts.map((f) => f.term)).toEqual(['Logiciel concerné', 'Proposé par', 'Objectif', 'Réalisé par']);
    expect(view.need!.supporters!.names).toEqual(['Chorale Exemple', 'Vélo Exemple']);
    expect(view.facts[0]).toEqual({ term: 'Logiciel concerné', value: [{ text: 'Nextcloud', url: 'https://nextcloud.com' }] });
    expect(view.facts[3]).toEqual({ term: 'Réalisé par', value: [{ text: 'Nuage des Exemples', route: 'annuaire/nuage-des-exemples/' }] });
    const unpublished = projectView({ ...project, maker: undefined }, onPage(TODAY));
    expect(unpublished.facts[3]).toEqual({ term: 'Réalisé par', value: ['une structure qui n’est pas encore publiée dans l’annuaire'] });
  });

  it('says what a visitor can do in every other state', () => {
    const paragraphs = (change: Partial<Project>) => projectView(variant(change), onPage(TODAY)).contribute.paragraphs;
    expect(paragraphs({ payment_url: undefined })[0]![0]).toContain('La page de collecte n’est pas encore ouverte.');
    expect(paragraphs({ status: 'proposition' })[0]![0]).toContain('Ce projet attend la validation du comité de pilotage');
    expect(projectView(variant({ status: 'proposition' }), onPage(TODAY)).funding).toBeUndefined();
    expect(paragraphs({ status: 'finance' })[0]).toEqual([
      expect.stringContaining('L’objectif est atteint'),
      ' Les contributions restent possibles sur ',
      { text: 'collecte.example.org', url: 'https://collecte.example.org/agenda-partage' },
      '.',
    ]);
    expect(paragraphs({ status: 'livre' })[0]).toEqual([
      expect.stringContaining('Ce projet est livré.'),
      { text: 'Nextcloud', url: 'https://nextcloud.com' },
      '.',
    ]);
    expect(paragraphs({ status: 'abandonne' })[0]![0]).toContain('Ce projet a été abandonné');
  });

  it('says a goal reached as such', () => {
    expect(plain(fundingView({ pledged: 3600, paid: 3600, ratio: 1.2, remaining: 0, milestonesDone: 0 }, 3000))).toMatchObject({
      value: 3000,
      paid: 'tout est versé · objectif atteint en promesses',
    });
  });
});

describe('a provider’s profile', () => {
  const label = () => facetLabels(content.taxonomies);

  it('shows each verified recommendation as the recommendation view says it', () => {
    const directory = buildDirectory(content, TODAY);
    const nuage = directory.providers.find((p) => p.id === 'nuage-des-exemples')!;
    const view = profileView(nuage, { label: label(), vocabularies: content.taxonomies });
    expect(view.recommendations).toEqual(nuage.recommendations.map((r) => recommendationView(r, label())));
    expect(view.recommendations[0]!.received).toMatch(/^Services reçus\u00a0: /);
    expect(view.unpublished).toBeUndefined();
  });

  it('says, before its first verified recommendation, that it will be published with it', () => {
    const waiting = content.providers.find((p) => p.id === 'atelier-en-attente')!;
    const mine = content.recommendations.filter((r) => r.data.provider === waiting.id);
    expect(mine.length).toBeGreaterThan(0);
    const provider = listedProvider(waiting, verifiedRecommendations(mine), ['besoins-compris'], TODAY);
    const view = profileView(provider, { label: label(), vocabularies: content.taxonomies });
    expect(view.badges[0]).toBe('Pas encore de recommandation vérifiée');
    expect(view.unpublished).toBe(unpublishedNotice);
    expect(unpublishedNotice).toBe('Pas encore de recommandation vérifiée : la fiche sera publiée dès la première.');
    expect(view.recommendShare).toBeUndefined();
    expect(view.recommendations).toEqual([]);
    expect(view.ratings).toEqual([]);
  });
});

describe('an entry being filled, as the CMS preview shows it', () => {
  it('takes a valid entry as its schema reads it', () => {
    const data = content.projects[0]!.data;
    expect(previewData(projectSchema, data, TODAY)).toEqual(projectSchema.parse(data));
  });

  it('names each required field still empty, keeps what is valid, and applies defaults', () => {
    const filled = previewData(
      providerSchema,
      { name: 'A', contact: { email: '' }, languages: ['fr', 'b'], services: ['diagnostic'] },
      TODAY,
    );
    expect(filled.name).toBe('Nom de la structure à remplir');
    expect(filled.contact.email).toBe('E-mail de contact à remplir');
    expect(filled.location).toMatchObject({ city: 'Ville à remplir', department: 'Département à remplir' });
    // A date is said in words on the page: today stands in for it.
    expect(filled.updated).toBe(TODAY);
    // A wrong item of a list is left out; defaults apply.
    expect(filled.languages).toEqual(['fr']);
    expect(filled.services).toEqual(['diagnostic']);
    expect(filled.area).toEqual({ national: false, remote: false, regions: [], departments: [] });
    expect(filled.tools).toEqual([]);
    expect(filled.charter_signed).toBeUndefined();
  });

  it('can be shown by the profile’s view, whatever is missing', () => {
    const label = facetLabels(content.taxonomies);
    for (const typed of [{}, { name: 'Atelier du coin', structure: 'collectif', location: { city: 'Brest', department: '29' } }]) {
      const data = previewData(providerSchema, typed, TODAY);
      const view = profileView(listedProvider({ id: 'nouvelle', data, body: '' }, [], [], TODAY), {
        label,
        vocabularies: content.taxonomies,
      });
      expect(view.unpublished).toBe(unpublishedNotice);
      if ('name' in typed) expect(view.lead).toBe('Collectif à Brest (Finistère)');
      else expect(view.lead).toBe('Type de structure à remplir à Ville à remplir (Département à remplir)');
    }
    const project = previewData(projectSchema, { title: 'Tra' }, TODAY);
    const view = projectView({ data: project, funding: fundingProgress(project), maker: undefined }, onPage(TODAY));
    expect(view.title).toBe('Titre à remplir');
    expect(view.kind).toBe('Nature à remplir');
    expect(view.status).toBe('Proposé, en attente du comité');
  });
});
