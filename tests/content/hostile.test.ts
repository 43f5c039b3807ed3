/**
 * Hostile bodies are refused by the check, with a message that says why; and
 * should one ever slip past it, the Markdown pipeline still strips it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '../../src/check/index.ts';
import { markdownOptions } from '../../src/site/markdown.ts';
import { BASE } from './helpers.ts';
import { executableFindings, FILLER, refusedBodies } from './hostile.ts';

let dir: string;
let result: CheckResult;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-hostile-'));
  await cp(BASE, dir, { recursive: true });
  const template = await readFile(path.join(BASE, 'providers/nuage-des-exemples.md'), 'utf8');
  const frontMatter = template.slice(0, template.indexOf('\n---', 4) + 5);
  for (const [name, vector] of Object.entries(refusedBodies)) {
    await writeFile(path.join(dir, 'providers', `hostile-${name}.md`), `${frontMatter}\n${FILLER}\n\n${vector}\n\n${FILLER}\n`);
  }
  result = await checkContent(dir, { today: '2026-11-28' });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the check refuses hostile text', () => {
  for (const name of Object.keys(refusedBodies)) {
    it(`refuses « ${name} » with a message about the text`, () => {
      const problems = result.problems.filter((p) => p.file.endsWith(`/providers/hostile-${name}.md`) && p.severity === 'error');
      expect(problems.length, `aucune erreur pour ${name}`).toBeGreaterThan(0);
      const about = problems.find((p) => p.path === 'body')!;
      expect(about, JSON.stringify(problems)).toBeDefined();
      expect(about.message).toMatch(/HTML|lien|image/);
      // The line points into the body, after the front matter.
      expect(about.line).toBeGreaterThan(20);
    });
  }
});

describe('the Markdown pipeline strips what would have slipped past the check', () => {
  for (const [name, vector] of Object.entries(refusedBodies)) {
    it(`« ${name} » produces nothing executable`, async () => {
      const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
      const { code } = await processor.render(vector);
      expect(executableFindings(code)).toEqual([]);
      expect(code).not.toMatch(/<(script|style|svg|form|input|meta)\b/i);
      expect(code).not.toMatch(/src="(https?:)?\/\//i);
    });
  }
});

describe('the detector of executable content', () => {
  it('finds what a browser or a feed reader would run', () => {
    expect(executableFindings('<p><img src=x onerror=alert(1)></p>')).toHaveLength(1);
    expect(executableFindings('<a href=" java\tscript:alert(1)">x</a>')).toHaveLength(1);
    expect(executableFindings('<script>alert(1)</script>')).toHaveLength(1);
    expect(executableFindings('<iframe src="https://evil.example.org/integrer/reseau/x/"></iframe>')).toHaveLength(1);
    expect(executableFindings('<iframe src="/annuaire/"></iframe>')).toHaveLength(1);
    expect(executableFindings('<iframe src="//evil.example.org/integrer/reseau/x/"></iframe>')).toHaveLength(1);
    expect(executableFindings('<script type="application/ld+json">{"name":"</script><p>"}</script>')).toHaveLength(1);
    expect(executableFindings('<rss><item><description>&lt;img src=x onerror=alert(1)&gt;</description></item></rss>', { xml: true })).toHaveLength(1);
  });
  it('does not mistake text or a quoted attribute for code', () => {
    expect(executableFindings('<meta name="description" content="<script>alert(1)</script>">')).toEqual([]);
    expect(executableFindings('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toEqual([]);
    // The guide /integrer/ previews one of the site's own embeds.
    expect(executableFindings('<iframe src="/integrer/reseau/chatons/" title="Aperçu"></iframe>')).toEqual([]);
    expect(executableFindings('<a href="https://x.example.org/&quot;><script>alert(1)</script>">x</a>')).toEqual([]);
    expect(executableFindings('<rss><item><description>&amp;lt;img src=x onerror=alert(1)&amp;gt;</description></item></rss>', { xml: true })).toEqual([]);
  });
});
