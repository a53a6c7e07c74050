import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import type { Programme } from '../db/schema';
import type { Viewer } from '../auth/viewer';
import { testViewer, useTestDatabase } from '../db/testing';
import { DEMO_PROGRAMME_NAME } from '../demo/programme';
import { DEMO_SURVEY } from '../demo/survey';
import { DEMO_ORG_SLUG, seedDemo } from '../demo/seed';
import { translatorFor } from '../i18n';
import { programmeResults } from '../indicators/results';
import { findOrganisation } from '../orgs/service';
import { findProgramme, listProgrammes } from '../programmes/service';
import { allQuestions, textIn } from '../../survey/model';
import { indicatorCsv, indicatorExport } from './indicators';
import { csvRecords } from './testing';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

let orgId: string;
let programme: Programme;
const viewers = {} as Record<'team' | 'donor', Viewer>;
const K = 5;
const today = '2026-12-01';

beforeAll(async () => {
	await seedDemo(db, { password: 'correct horse battery staple' });
	orgId = (await findOrganisation(db, DEMO_ORG_SLUG))!.id;
	viewers.team = await testViewer(db, orgId, 'owner');
	viewers.donor = await testViewer(db, orgId, 'donor');
	expect(viewers.donor.k).toBe(K);
	const listed = (await listProgrammes(db, orgId, viewers.team)).find(
		(p) => p.name === DEMO_PROGRAMME_NAME
	)!;
	programme = (await findProgramme(db, orgId, listed.id, viewers.team))!;
}, 60_000);

async function exported(audience: 'team' | 'donor', lang: 'en' | 'fr' = 'en') {
	const table = await indicatorExport(db, viewers[audience], programme, { lang, today });
	return csvRecords(indicatorCsv(table));
}

const gender = allQuestions(DEMO_SURVEY).find((q) => q.name === 'gender')!;
const other = DEMO_SURVEY.choiceLists
	.find((l) => l.name === 'gender')!
	.choices.find((c) => c.name === 'other_identity')!;

describe('the indicator table a donor downloads', () => {
	it('holds no count under k anywhere', async () => {
		const en = translatorFor('en');
		const rows = await exported('donor');
		expect(rows.length).toBeGreaterThan(50);
		const nColumn = en('exports.indicators.columns.n');
		const counts = rows.map((r) => r[nColumn]!).filter((n) => n !== '');
		expect(counts.length).toBeGreaterThan(30);
		for (const n of counts) expect(Number(n)).toBeGreaterThanOrEqual(K);
		// Nor a "left out" column, which can be a small number beside a shown figure.
		expect(Object.keys(rows[0]!)).not.toContain(en('exports.indicators.columns.excluded'));
	});

	it('leaves a cell hidden in the donor results blank, with the reason in words', async () => {
		const en = translatorFor('en');
		const results = await programmeResults(db, viewers.donor, programme, { today, lang: 'en' });
		const satisfied = results.indicators.find((i) => i.code === 'OC2.1')!;
		const hiddenCell = satisfied.breakdowns
			.find((b) => b.dimension === 'gender')!
			.cells.find((c) => c.key === 'other_identity')!;
		expect(hiddenCell.figure).toEqual({ shown: false });

		const rows = await exported('donor');
		const c = (key: string) => en(`exports.indicators.columns.${key}`);
		const row = rows.find(
			(r) =>
				r[c('code')] === 'OC2.1' &&
				r[c('dimension')] === textIn(gender.label, 'en', 'en') &&
				r[c('group')] === textIn(other.label, 'en', 'en')
		)!;
		expect(row).toBeDefined();
		expect(row[c('value')]).toBe('');
		expect(row[c('n')]).toBe('');
		expect(row[c('shown')]).toBe(en('exports.indicators.hidden', { k: K }));
		// Every row marked hidden is blank; every row marked shown has a value or nothing to show.
		const hidden = rows.filter((r) => r[c('shown')] === en('exports.indicators.hidden', { k: K }));
		expect(hidden.length).toBeGreaterThan(0);
		for (const r of hidden)
			expect([r[c('value')], r[c('n')], r[c('progress')]]).toEqual(['', '', '']);
	});

	it('matches the donor dashboard figure by figure for the trend', async () => {
		const en = translatorFor('en');
		const c = (key: string) => en(`exports.indicators.columns.${key}`);
		const results = await programmeResults(db, viewers.donor, programme, { today, lang: 'en' });
		const rows = await exported('donor');
		for (const indicator of results.indicators)
			for (const point of indicator.trend) {
				const row = rows.find(
					(r) => r[c('code')] === indicator.code && r[c('period')] === (point.label || point.key)
				)!;
				expect(row, `${indicator.code} ${point.key}`).toBeDefined();
				if (!point.figure.shown) expect(row[c('value')]).toBe('');
				else if (point.figure.value !== null)
					expect(Number(row[c('value')])).toBeCloseTo(point.figure.value, 2);
			}
	});
});

describe('the indicator table the team downloads', () => {
	it('has every figure, with the small ones flagged, and what was left out', async () => {
		const en = translatorFor('en');
		const c = (key: string) => en(`exports.indicators.columns.${key}`);
		const rows = await exported('team');
		const row = rows.find(
			(r) =>
				r[c('code')] === 'OC2.1' &&
				r[c('dimension')] === textIn(gender.label, 'en', 'en') &&
				r[c('group')] === textIn(other.label, 'en', 'en')
		)!;
		expect(Number(row[c('n')])).toBeGreaterThan(0);
		expect(Number(row[c('n')])).toBeLessThan(K);
		expect(row[c('value')]).not.toBe('');
		expect(row[c('flagged')]).toBe(en('exports.indicators.reasons.small', { k: K }));
		expect(Object.keys(row)).toContain(c('excluded'));
		const all = rows.find(
			(r) =>
				r[c('code')] === 'OC2.1' &&
				r[c('period')] === en('exports.indicators.allPeriods') &&
				!r[c('dimension')]
		)!;
		expect(Number(all[c('n')])).toBeGreaterThan(1000);
		expect(all[c('flagged')]).toBe(en('exports.indicators.shown'));
	});

	it('writes its labels in the chosen language', async () => {
		const fr = translatorFor('fr');
		const rows = await exported('team', 'fr');
		const c = (key: string) => fr(`exports.indicators.columns.${key}`);
		expect(Object.keys(rows[0]!)[0]).toBe('Référence');
		expect(rows.some((r) => r[c('dimension')] === textIn(gender.label, 'fr', 'en'))).toBe(true);
		expect(rows.some((r) => r[c('group')] === 'Femme')).toBe(true);
		expect(rows.some((r) => r[c('period')] === fr('exports.indicators.allPeriods'))).toBe(true);
		expect(
			rows.some(
				(r) =>
					r[c('status')] === fr('exports.status.onTrack') ||
					r[c('status')] === fr('exports.status.atRisk') ||
					r[c('status')] === fr('exports.status.offTrack')
			)
		).toBe(true);
	});
});
