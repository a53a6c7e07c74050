import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { codedAnswers, themes } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import type { Actor } from '../orgs/service';
import {
	addEvaluation,
	addProgramme,
	addResponses,
	feedbackInstrument,
	publishedSurvey
} from './coding-fixtures';
import { suppressThemeFigures, themeFigures } from './theme-counts';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const make = fixtures(() => db);

let orgId: string;
let otherOrgId: string;
let evaluationId: string;
let waiting: string;
let stigma: string;
let empty: string;

beforeAll(async () => {
	const actor: Actor = await make.person('analyst');
	orgId = (await make.organisation('counts', actor)).id;
	otherOrgId = (await make.organisation('elsewhere', actor)).id;
	const programmeId = await addProgramme(db, orgId);
	// Version 2 adds a choice; both versions count.
	const survey = await publishedSurvey(db, orgId, 'Feedback', [
		feedbackInstrument(),
		feedbackInstrument({ extraChoice: true })
	]);
	const notDrawnOn = await publishedSurvey(db, orgId, 'Other survey');
	evaluationId = await addEvaluation(db, actor, orgId, programmeId, [survey.surveyId]);
	const laterEvaluation = await addEvaluation(db, actor, orgId, programmeId, [survey.surveyId]);

	const [r1, r2, r3, r4, r5] = await addResponses(db, orgId, survey, [
		{ language: 'en', channel: 'web', answers: { problems: 'a', sex: 'female' } },
		{ language: 'ar', channel: 'sms', answers: { problems: 'b', sex: 'male' } },
		{ language: 'fr', channel: 'web', answers: { problems: 'c', sex: '.pnts' } },
		// Outside the evaluation's dates.
		{ language: 'en', submittedOn: '2025-12-31', answers: { problems: 'd', sex: 'female' } },
		{ language: 'en', answers: { problems: 'e', sex: 'other' } }
	]);
	const [r6] = await addResponses(db, orgId, notDrawnOn, [{ answers: { problems: 'f' } }]);
	const inserted = await db
		.insert(themes)
		.values([
			{ orgId, evaluationId, name: 'Waiting', position: 0 },
			{ orgId, evaluationId, name: 'Stigma', position: 1 },
			{ orgId, evaluationId, name: 'Unused', position: 2 }
		])
		.returning({ id: themes.id });
	[waiting, stigma, empty] = inserted.map((t) => t.id) as [string, string, string];
	const [foreignTheme] = await db
		.insert(themes)
		.values({ orgId, evaluationId: laterEvaluation, name: 'Elsewhere' })
		.returning({ id: themes.id });
	await db.insert(codedAnswers).values([
		{ evaluationId, responseId: r1!, question: 'problems', themeIds: [waiting, stigma] },
		// The same person, a second open question: still one person.
		{ evaluationId, responseId: r1!, question: 'other_text', themeIds: [waiting] },
		{ evaluationId, responseId: r2!, question: 'problems', themeIds: [waiting, foreignTheme!.id] },
		{ evaluationId, responseId: r3!, question: 'problems', themeIds: [] },
		{ evaluationId, responseId: r4!, question: 'problems', themeIds: [waiting] },
		{ evaluationId, responseId: r5!, question: 'problems', themeIds: [stigma] },
		{ evaluationId, responseId: r6!, question: 'problems', themeIds: [waiting] },
		// Another evaluation's coding of the same answer is its own.
		{ evaluationId: laterEvaluation, responseId: r2!, question: 'problems', themeIds: [] }
	]);
});

const counts = (f: Awaited<ReturnType<typeof themeFigures>>) =>
	Object.fromEntries(f.themes.map((t) => [t.name, t.count]));

describe('themeFigures', () => {
	it('counts people, within the evaluation’s surveys and dates, ignoring other codebooks', async () => {
		const f = await themeFigures(db, orgId, evaluationId, { dimension: null, lang: 'en' });
		expect(f.dimension).toBeNull();
		expect(f.cellLabels).toEqual({});
		// r1, r2, r3 and r5 (r4 is out of dates, r6 of another survey).
		expect(f.coded).toBe(4);
		expect(counts(f)).toEqual({ Waiting: 2, Stigma: 2, Unused: 0 });
		expect(f.themes.map((t) => t.id)).toEqual([waiting, stigma, empty]);
	});

	it('breaks down by language, each named in its own script, cells adding up to the count', async () => {
		const f = await themeFigures(db, orgId, evaluationId, { dimension: 'language', lang: 'fr' });
		expect(f.dimension).toBe('language');
		expect(f.dimensionLabel).toBe('Langue');
		expect(f.cellLabels).toEqual({ en: 'English', ar: 'العربية', fr: 'Français' });
		expect(Object.keys(f.cellLabels)).toEqual(['en', 'ar', 'fr']);
		expect(f.themes[0]!.cells).toEqual({ en: 1, ar: 1, fr: 0 });
		expect(f.themes[1]!.cells).toEqual({ en: 2, ar: 0, fr: 0 });
		for (const t of f.themes)
			expect(Object.values(t.cells).reduce((a, b) => a + b, 0)).toBe(t.count);
	});

	it('breaks down by channel and by a single-select question, with "not stated" last', async () => {
		const byChannel = await themeFigures(db, orgId, evaluationId, {
			dimension: 'channel',
			lang: 'en'
		});
		expect(byChannel.cellLabels).toEqual({ web: 'Web', sms: 'SMS' });
		expect(byChannel.themes[0]!.cells).toEqual({ web: 1, sms: 1 });

		const bySex = await themeFigures(db, orgId, evaluationId, { dimension: 'sex', lang: 'fr' });
		expect(bySex.dimensionLabel).toBe('Sexe');
		expect(Object.keys(bySex.cellLabels)).toEqual(['female', 'male', 'other', '']);
		expect(bySex.cellLabels.female).toBe('Femme');
		expect(bySex.cellLabels['']).toBe('Non précisé');
		expect(bySex.themes[0]!.cells).toEqual({ female: 1, male: 1, other: 0, '': 0 });
		expect(bySex.themes[1]!.cells).toEqual({ female: 1, male: 0, other: 1, '': 0 });
	});

	it('offers no breakdown by a question that is not single-select', async () => {
		for (const dimension of ['problems', 'age', 'nonexistent', "x'); drop table themes; --"]) {
			const f = await themeFigures(db, orgId, evaluationId, { dimension, lang: 'en' });
			expect(f.dimension).toBeNull();
			expect(counts(f)).toEqual({ Waiting: 2, Stigma: 2, Unused: 0 });
		}
	});

	it('reads only the themes asked for', async () => {
		const f = await themeFigures(db, orgId, evaluationId, {
			dimension: null,
			lang: 'en',
			themeIds: [stigma]
		});
		expect(f.themes.map((t) => t.name)).toEqual(['Stigma']);
		const none = await themeFigures(db, orgId, evaluationId, {
			dimension: null,
			lang: 'en',
			themeIds: []
		});
		expect(none.themes).toEqual([]);
	});

	it('finds nothing for an evaluation of another organisation', async () => {
		const f = await themeFigures(db, otherOrgId, evaluationId, { dimension: 'sex', lang: 'en' });
		expect(f).toEqual({
			dimension: null,
			dimensionLabel: null,
			cellLabels: {},
			coded: 0,
			themes: []
		});
	});

	it('feeds the donor view: every count here is under k = 5, so nothing is shown', async () => {
		const f = await themeFigures(db, orgId, evaluationId, { dimension: 'language', lang: 'en' });
		const donor = suppressThemeFigures(f, 5);
		expect(donor.coded).toEqual({ shown: false });
		expect(
			donor.themes.every((t) => !t.figure.shown && t.cells.every((c) => !c.figure.shown))
		).toBe(true);
		const lenient = suppressThemeFigures({ ...f, coded: 4 }, 3);
		expect(lenient.coded).toEqual({ shown: true, value: 4, n: 4 });
	});
});
