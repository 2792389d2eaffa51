// The manifest's texts are all in package.nls.json. That l10n/bundle.l10n.json is exactly what @vscode/l10n-dev
// extracts from src/ is checked by the lint level (`npm run lint` runs `scripts/l10n.ts --check`: the extractor
// parses the sources with tree-sitter, 17-30 s of CPU here, too slow for a unit test's time limit).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/l10n';

describe('l10n/bundle.l10n.json', () => {
  it('is the folder package.json names, and the manifest texts are all in package.nls.json', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    assert.equal((JSON.parse(manifest) as { l10n?: string }).l10n, './l10n');
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const used = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    assert.deepEqual(used.filter((k) => !(k in nls)), [], 'package.json names keys package.nls.json lacks');
    assert.deepEqual(Object.keys(nls).filter((k) => !used.includes(k)), [], 'package.nls.json has keys nothing uses');
  });

  it('leaves no user-visible manifest text in English in package.json', () => {
    const p = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
    const c = p.contributes;
    const texts: Array<[string, string | undefined]> = [
      ['displayName', p.displayName], ['description', p.description], ['configuration.title', c.configuration.title],
      ...c.commands.flatMap((x): Array<[string, string | undefined]> => [[`${x.command} title`, x.title], [`${x.command} category`, x.category]]),
      ...Object.values(c.views).flat().flatMap((v): Array<[string, string | undefined]> => [[`${v.id} name`, v.name], [`${v.id} contextualTitle`, v.contextualTitle]]),
      ...c.viewsContainers.activitybar.map((v): [string, string] => [`${v.id} title`, v.title]),
      ...c.viewsWelcome.map((w): [string, string] => [`welcome ${w.when}`, w.contents]),
      ...Object.entries(c.configuration.properties).flatMap(([id, s]): Array<[string, string | undefined]> => [
        [`${id} description`, s.description], [`${id} markdownDescription`, s.markdownDescription],
        ...(s.enumDescriptions ?? []).map((d, i): [string, string] => [`${id} enumDescriptions[${i}]`, d]),
      ]),
    ];
    assert.deepEqual(texts.filter(([, t]) => t !== undefined && !/^%[^%]+%$/.test(t)).map(([where]) => where), []);
  });
});

interface Manifest {
  displayName: string;
  description: string;
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    views: Record<string, Array<{ id: string; name: string; contextualTitle?: string }>>;
    viewsContainers: { activitybar: Array<{ id: string; title: string }> };
    viewsWelcome: Array<{ when: string; contents: string }>;
    configuration: { title: string; properties: Record<string, { description?: string; markdownDescription?: string; enumDescriptions?: string[] }> };
  };
}
