// The editor's mapping in a series that prints no 导读: the edited issue keeps a lead block with no items.
import { describe, expect, it } from 'vitest';
import { parseBulletinText } from '../../../shared/import/parse-bulletin.ts';
import { bulletinFixtures } from '../../../test/fixtures.ts';
import { issueToSlate, slateToIssue } from './mapping.ts';

describe('slateToIssue in a series that prints no 导读', () => {
  it('gives the edited issue a lead block with no items, the body as it was', () => {
    const printing = parseBulletinText(bulletinFixtures()[2]!.text).issue;
    const issue = { ...printing, series: { ...printing.series, printLead: false as const } };
    const edited = slateToIssue(issueToSlate(issue, []), issue);
    expect(edited.blocks[0]).toEqual({ type: 'lead', items: [] });
    expect(edited.blocks.slice(1)).toEqual(printing.blocks.slice(1));
    expect(slateToIssue(issueToSlate(printing, []), printing).blocks[0]).toEqual(printing.blocks[0]);
  });
});
