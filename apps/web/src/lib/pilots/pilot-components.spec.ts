import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import CorridorMap from './CorridorMap.svelte';
import { corridorMap } from './corridor-map';
import MilestoneList from './MilestoneList.svelte';
import ProgressChart from './ProgressChart.svelte';
import ProgressTable from './ProgressTable.svelte';
import ReportingLight from './ReportingLight.svelte';
import { renderedText } from '$lib/testing/rendered-text';

// Server rendering only, as the public pilot pages do with csr = false: each piece must be whole
// and readable from its HTML alone.
const text = renderedText;

describe('CorridorMap', () => {
  const map = corridorMap([
    { code: 'PH', role: 'origin', name: 'Philippines' },
    { code: 'SG', role: 'transit', name: 'Singapore' },
    { code: 'MX', role: 'destination', name: 'Mexico' },
    { code: 'ZZ', role: 'destination', name: 'Atlantis' },
  ]);

  it('names the image by its title and the route in words', () => {
    const { body } = render(CorridorMap, { props: { map, describedBy: 'corridor-note' } });
    const labelledBy = body.match(/role="img" aria-labelledby="([^"]+)"/)?.[1].split(' ');
    expect(labelledBy).toHaveLength(2);
    const [titleId, descId] = labelledBy!;
    expect(body).toContain(`<title id="${titleId}">The pilot's migration corridor</title>`);
    const desc = body.match(new RegExp(`<desc id="${descId}">([^<]*)</desc>`))?.[1];
    expect(desc).toContain(
      'From Philippines (origin) through Singapore (transit) to Mexico (destination) and Atlantis (destination).',
    );
    expect(desc).toContain('Not shown on the map: Atlantis.');
    expect(body).toContain('aria-describedby="corridor-note"');
  });

  it('lists the corridor in visible text, each role in words beside its swatch', () => {
    const caption = text(render(CorridorMap, { props: { map } }).body.split('<figcaption')[1]);
    expect(caption).toContain('Countries of origin: Philippines');
    expect(caption).toContain('Countries of transit: Singapore');
    expect(caption).toContain('Countries of destination: Mexico and Atlantis');
    expect(caption).toContain('Not shown on the map: Atlantis.');
  });

  it('draws each arc with an arrowhead and each placed country with its mark and name', () => {
    // The map alone: the legend under it repeats one mark per role.
    const [body] = render(CorridorMap, { props: { map } }).body.split('<figcaption');
    expect(body.match(/class="arc[^"]*" marker-end="url\(#corridor-arrow-/g)).toHaveLength(2);
    expect(body.match(/class="mark (origin|transit|destination)/g)).toHaveLength(3);
    expect(body).toContain('>Singapore</text>');
  });

  it('says where the route is incomplete rather than inventing one', () => {
    const only = corridorMap([{ code: 'NP', role: 'origin', name: 'Nepal' }]);
    const { body } = render(CorridorMap, { props: { map: only } });
    expect(body).toContain('Countries of this pilot: Nepal (origin).');
    expect(body).not.toContain('class="arc');
  });

  it('renders nothing without countries', () => {
    expect(text(render(CorridorMap, { props: { map: corridorMap([]) } }).body)).toBe('');
  });
});

describe('ProgressChart and ProgressTable', () => {
  const indicators = [
    { indicator: 'Trained', target: { women: 200, men: 100 }, actual: { women: 150, men: 120 } },
    { indicator: 'Placed', unit: 'people', target: { women: 50 }, actual: {} },
  ];

  it('gives each bar its figure, target and share in words, and points at the table', () => {
    const { body } = render(ProgressChart, { props: { indicators, describedBy: 'progress' } });
    expect(body).toContain('aria-describedby="progress"');
    const words = text(body);
    expect(words).toContain('150 of 200 (75%)');
    expect(words).toContain('120 of 100 (120%)');
    expect(words).toContain('not reported · target 50');
    expect(words).toContain('Placed (people)');
    expect(body.match(/class="target/g)).toHaveLength(3);
  });

  it('tabulates the same figures under women and men', () => {
    const { body } = render(ProgressTable, { props: { indicators, id: 'progress' } });
    expect(body).toContain('<table id="progress"');
    expect(body.match(/scope="colgroup"/g)).toHaveLength(2);
    expect(text(body)).toContain('Trained — 150 200 75% 120 100 120%');
    expect(text(body)).toContain('Placed people — 50 — — — —');
  });

  it('draws no chart without figures', () => {
    const empty = [{ indicator: 'Nothing', target: {}, actual: {} }];
    expect(text(render(ProgressChart, { props: { indicators: empty, describedBy: 'x' } }).body)).toBe('');
  });
});

describe('ReportingLight', () => {
  it('says the status in words, with the date of the last report', () => {
    const words = (status: 'green' | 'yellow' | 'red' | 'none', lastReport?: string) =>
      text(render(ReportingLight, { props: { status, lastReport } }).body);
    expect(words('green', '2026-03-14')).toBe('Reporting up to date Last report Mar 14, 2026');
    expect(words('yellow')).toBe('Report overdue');
    expect(words('red')).toBe('No report for a long time');
    expect(words('none')).toBe('No report yet');
  });
});

describe('MilestoneList', () => {
  it('lists milestones by due date with their status and a named progress bar', () => {
    const { body } = render(MilestoneList, {
      props: {
        labelledBy: 'milestones',
        milestones: [
          { title: 'Evaluation', dueDate: '2026-12-31', status: 'planned', progress: 0 },
          { title: 'Training', dueDate: '2026-05-01', status: 'in_progress', progress: 45.4 },
        ],
      },
    });
    expect(body).toContain('<ol class="milestones');
    expect(body).toContain('aria-labelledby="milestones"');
    expect(text(body)).toBe(
      'Training In progress Due May 1, 2026 45% complete Evaluation Planned Due Dec 31, 2026 0% complete',
    );
    const [, id] = body.match(/<span class="title[^"]*" id="([^"]+)">Training/)!;
    expect(body).toMatch(new RegExp(`<progress max="100" value="45" aria-labelledby="${id}"`));
  });

  it('says so when there are no milestones', () => {
    expect(text(render(MilestoneList, { props: { milestones: [] } }).body)).toBe('No milestones yet.');
  });
});
