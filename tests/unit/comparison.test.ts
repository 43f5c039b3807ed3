/**
 * Comparing providers: the rows of the comparison and of the lists' table
 * views (one descriptor, values read from the profile's view), the choice of
 * providers named by the address, and the messages a visitor reads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  NOTHING_SAID,
  allComparisonRows,
  cellOf,
  comparisonFile,
  comparisonRows,
  comparisonTable,
  type ComparisonRow,
} from '../../src/domain/directory/comparison.ts';
import {
  MAX_COMPARED,
  comparisonTitle,
  droppedMessage,
  fullMessage,
  parseComparison,
  pickedMessage,
  trayLabel,
  unknownMessage,
} from '../../src/domain/directory/comparison-choice.ts';
import { buildDirectory, type ListedProvider } from '../../src/domain/directory/index.ts';
import { facetLabels } from '../../src/domain/directory/facets.ts';
import { profileView, type ProfileView } from '../../src/domain/directory/profile-view.ts';
import { reservedProviderSlugs, routes } from '../../src/domain/routes.ts';
import type { Content } from '../../src/domain/content.ts';
import { loadContent } from '../../src/loader/index.ts';
import { BASE, TODAY } from '../content/helpers.ts';
import { tableRowsHtml } from '../../src/site/comparison-html.ts';

let content: Content;
let providers: ListedProvider[];
let views: Map<string, ProfileView>;
let rows: ComparisonRow[];

beforeAll(async () => {
  const loaded = await loadContent(BASE);
  expect(loaded.problems).toEqual([]);
  content = loaded.content;
  providers = buildDirectory(content, TODAY).providers;
  const label = facetLabels(content.taxonomies);
  views = new Map(providers.map((p) => [p.id, profileView(p, { label, vocabularies: content.taxonomies })]));
  rows = allComparisonRows(content.taxonomies.criteria);
});

const view = (id: string) => views.get(id)!;
const row = (id: string) => rows.find((r) => r.id === id)!;
const cell = (rowId: string, providerId: string) => cellOf(row(rowId), view(providerId));

describe('the rows of a comparison', () => {
  it('are the descriptor’s rows, then one per rating criterion, in the vocabulary’s order', () => {
    expect(rows.map((r) => r.id)).toEqual([
      'services',
      'zone',
      'tailles',
      'logiciels',
      'tarif',
      'langues',
      'recommandations',
      'verification',
      'note-besoins-compris',
      'note-autonomie',
      'note-support',
    ]);
    expect(row('note-autonomie').label).toBe('Êtes-vous plus autonomes qu’avant l’accompagnement\u202f?');
  });

  it('say what the profile says: services, sizes, price, recommendations, in its words', () => {
    const nuage = view('nuage-des-exemples');
    expect(cell('services', 'nuage-des-exemples')).toEqual(nuage.services.map((s) => s.label));
    expect(cell('services', 'nuage-des-exemples')).toHaveLength(4);
    expect(cell('tailles', 'nuage-des-exemples')).toEqual(nuage.sizes.map((s) => s.label));
    expect(cell('tarif', 'cooperative-exemple-libre')).toEqual([view('cooperative-exemple-libre').pricing.summary]);
    expect(cell('tarif', 'cooperative-exemple-libre')[0]).toMatch(/à partir de 25\u00a0€$/);
    expect(cell('recommandations', 'nuage-des-exemples')).toEqual(['2 recommandations vérifiées']);
    expect(cell('recommandations', 'cooperative-exemple-libre')).toEqual(['1 recommandation vérifiée']);
  });

  it('say where a provider works: its seat, then everywhere, remotely, its régions and départements', () => {
    expect(cell('zone', 'nuage-des-exemples')).toEqual([
      'Siège\u00a0: Grenoble (Isère)',
      'À distance',
      'Région\u00a0: Auvergne-Rhône-Alpes',
    ]);
    expect(cell('zone', 'cooperative-exemple-libre')).toEqual(['Siège\u00a0: Nantes (Loire-Atlantique)', 'Partout en France']);
  });

  it('name each free software with what it replaces', () => {
    const tools = cell('logiciels', 'cooperative-exemple-libre');
    expect(tools).toHaveLength(2);
    expect(tools[0]).toMatch(/^Nextcloud \(remplace .*Google Drive.*\)$/);
  });

  it('say French when a provider works only in French, and the day of the latest verification', () => {
    expect(cell('langues', 'nuage-des-exemples')).toEqual(['français']);
    expect(cell('verification', 'nuage-des-exemples')).toEqual(['1 septembre 2026']);
  });

  it('give each criterion’s average and number of answers, as the profile does, or say nobody rated it', () => {
    const nuage = view('nuage-des-exemples');
    for (const rating of nuage.ratings) {
      expect(cell(`note-${rating.criterion}`, 'nuage-des-exemples')).toEqual([`${rating.average} (${rating.answers})`]);
    }
    expect(cell('note-besoins-compris', 'nuage-des-exemples')).toEqual(['4,0 sur 5 (2\u00a0notes)']);
    expect(cell('note-autonomie', 'nuage-des-exemples')).toEqual(['4,0 sur 5 (1\u00a0note)']);
    expect(cell('note-support', 'cooperative-exemple-libre')).toEqual(['Pas encore de note']);
  });

  it('show « — » when a provider says nothing', () => {
    const empty: ComparisonRow = { id: 'vide', label: 'Vide', value: () => [] };
    expect(cellOf(empty, view('nuage-des-exemples'))).toEqual([NOTHING_SAID]);
  });

  it('take one more row with one more entry of the descriptor, in the table and in the comparison’s files', () => {
    const availability: ComparisonRow = { id: 'disponibilite', label: 'Disponibilité', value: (p) => [`Fiche de ${p.name}`] };
    const extended = [...comparisonRows, availability];
    const table = comparisonTable([{ id: 'nuage-des-exemples', view: view('nuage-des-exemples') }], extended);
    expect(table.rows.at(-1)).toEqual({ id: 'disponibilite', label: 'Disponibilité' });
    expect(table.providers[0]!.cells.at(-1)).toEqual(['Fiche de Nuage des Exemples']);
    expect(comparisonFile('nuage-des-exemples', view('nuage-des-exemples'), extended).rows.at(-1)).toEqual([
      'disponibilite',
      'Disponibilité',
      ['Fiche de Nuage des Exemples'],
    ]);
  });
});

describe('a comparison table', () => {
  it('keeps the list’s order, one cell per row for each provider', () => {
    const ids = ['nuage-des-exemples', 'cooperative-exemple-libre'];
    const table = comparisonTable(
      ids.map((id) => ({ id, view: view(id) })),
      rows,
    );
    expect(table.providers.map((p) => p.id)).toEqual(ids);
    expect(table.providers.map((p) => p.name)).toEqual(['Nuage des Exemples', 'Coopérative Exemple Libre']);
    for (const p of table.providers) expect(p.cells).toHaveLength(rows.length);
  });

  it('is what a provider’s data file holds, labels included, and survives JSON', () => {
    const file = comparisonFile('nuage-des-exemples', view('nuage-des-exemples'), rows);
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
    expect(file.rows.map(([id, label]) => [id, label])).toEqual(rows.map((r) => [r.id, r.label]));
    expect(file.rows.map(([, , lines]) => lines)).toEqual(
      comparisonTable([{ id: 'nuage-des-exemples', view: view('nuage-des-exemples') }], rows).providers[0]!.cells,
    );
  });
});

describe('choosing providers to compare', () => {
  it('reads the slugs of the address, in order, without duplicates, three at most', () => {
    expect(MAX_COMPARED).toBe(3);
    expect(parseComparison(['a,b,c,d,e'])).toEqual({ kept: ['a', 'b', 'c'], dropped: ['d', 'e'], malformed: [] });
    expect(parseComparison(['a', 'b,a', ' c '])).toEqual({ kept: ['a', 'b', 'c'], dropped: [], malformed: [] });
    expect(parseComparison([''])).toEqual({ kept: [], dropped: [], malformed: [] });
  });

  it('sets aside what cannot be a provider’s file name, without asking the site', () => {
    expect(parseComparison(['../donnees/prestataires,nuage,Nuage Libre,x--y'])).toEqual({
      kept: ['nuage'],
      dropped: [],
      malformed: ['../donnees/prestataires', 'Nuage Libre', 'x--y'],
    });
  });

  it('names the providers it cannot find, and those beyond the third, in French', () => {
    expect(unknownMessage([])).toBe('');
    expect(unknownMessage(['zz'])).toBe(
      'Structure introuvable, ignorée\u00a0: «\u00a0zz\u00a0». Elle a peut-être changé d’adresse ou quitté l’annuaire.',
    );
    expect(unknownMessage(['zz', 'yy'])).toMatch(/^Structures introuvables, ignorées\u00a0: «\u00a0zz\u00a0», «\u00a0yy\u00a0»\. Elles/);
    expect(droppedMessage([])).toBe('');
    expect(droppedMessage(['d'])).toBe(
      'On compare 3 structures au plus\u00a0: seules les 3 premières de l’adresse sont affichées («\u00a0d\u00a0» mises de côté).',
    );
  });

  it('titles the comparison with the providers’ names', () => {
    expect(comparisonTitle(['A', 'B', 'C'])).toBe('Comparaison de A, B et C');
    expect(comparisonTitle(['A', 'B'])).toBe('Comparaison de A et B');
    expect(comparisonTitle(['A'])).toBe('Comparaison de A');
  });

  it('says what the tray holds, and refuses a fourth pick kindly', () => {
    expect(trayLabel(2)).toBe('Comparer (2/3)');
    expect(fullMessage()).toBe('Vous avez déjà choisi 3 structures\u00a0: retirez-en une pour en ajouter une autre.');
    expect(pickedMessage('Nuage', true, 1)).toBe('Nuage ajoutée à la comparaison (1/3).');
    expect(pickedMessage('Nuage', false, 0)).toBe('Nuage retirée de la comparaison (0/3).');
  });
});

describe('the addresses of a comparison and of the table views', () => {
  it('are built by the route module', () => {
    expect(routes.compare()).toBe('comparer/');
    expect(routes.compare(['a', 'b', 'c'])).toBe('comparer/?s=a,b,c');
    expect(routes.comparisonData('nuage')).toBe('comparer/nuage.json');
    expect(routes.directoryTable()).toBe('annuaire/tableau/');
    expect(routes.directoryTable(2)).toBe('annuaire/tableau/page/2/');
    expect(routes.facetValueTable('service', 'diagnostic')).toBe('annuaire/service/diagnostic/tableau/');
    expect(routes.facetValueTable('service', 'diagnostic', 3)).toBe('annuaire/service/diagnostic/tableau/page/3/');
  });

  it('keep « tableau » from naming a provider: /annuaire/tableau/ is the directory’s table', () => {
    expect(reservedProviderSlugs).toContain('tableau');
  });
});

describe('the rows of a table view', () => {
  it('are written with every text escaped: a name is never HTML', () => {
    const html = tableRowsHtml(
      {
        rows: [{ id: 'tarif', label: 'Tarif' }],
        providers: [{ id: 'evil', name: 'Évil <script>alert(1)</script> & "co"', cells: [['<b>Gratuit</b>', 'Sur devis']] }],
      },
      (id) => `/annuaire/${id}/`,
      { evil: ['basée à <i>Lyon</i>'] },
    );
    expect(html).toBe(
      '<tr><th scope="row"><a href="/annuaire/evil/">Évil &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;</a></th>' +
        '<td>&lt;b&gt;Gratuit&lt;/b&gt; · Sur devis</td><td>basée à &lt;i&gt;Lyon&lt;/i&gt;</td></tr>',
    );
  });
});
