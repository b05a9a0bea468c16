// The rules on figures and dates against the untouched text of every published bulletin we hold:
// whatever they say there, it is never an error.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBulletinText } from '../../import/parse-bulletin.ts';
import { figuresIn } from '../core/figures.ts';
import { textUnitsOf } from '../core/text-units.ts';
import { bulletinFixtures, repoRoot } from '../../../test/fixtures.ts';
import { impossibleDateRule } from './impossible-date.ts';
import { statedShareRule } from './stated-share.ts';
import { statedTotalRule } from './stated-total.ts';

const unseenDir = join(repoRoot, 'test', 'fixtures', 'unseen');
const texts = [
  ...bulletinFixtures().map((fixture) => ({ name: fixture.name, text: fixture.text })),
  ...readdirSync(unseenDir)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => ({ name: file, text: readFileSync(join(unseenDir, file), 'utf8') })),
];

describe('figures and dates on the fixtures’ untouched text', () => {
  it('reads the fixtures, whose paragraphs state counts, amounts and percentages', () => {
    const units = texts.flatMap(({ text }) => textUnitsOf(parseBulletinText(text).issue));
    const statedUnits = new Set(units.flatMap((unit) => figuresIn(unit.text).map((figure) => figure.unit)));
    expect(texts.length).toBeGreaterThan(10);
    for (const unit of ['件', '家', '人次', '台', '户', '元', '%']) expect(statedUnits, unit).toContain(unit);
  });

  for (const rule of [statedTotalRule, statedShareRule, impossibleDateRule]) {
    it(`${rule.id} finds no error in any fixture`, () => {
      for (const { name, text } of texts) {
        const issue = parseBulletinText(text).issue;
        const errors = rule.check({ issue, units: textUnitsOf(issue), settings: {} }).filter((finding) => finding.severity === 'error');
        expect(errors.map((finding) => `${name}: ${finding.text} ${finding.message}`)).toEqual([]);
      }
    });
  }
});
