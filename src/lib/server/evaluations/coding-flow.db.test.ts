import type { Viewer } from '../auth/viewer';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeAnswerSchema, createThemeSchema, mergeThemesSchema } from '../../schemas/coding';
import type { Db } from '../db';
import { useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { parseForm } from '../forms';
import { translatorFor } from '../i18n';
import type { Actor } from '../orgs/service';
import { codeAnswer, codingPage, createTheme, nextAfter } from './coding';
import {
	addEvaluation,
	addProgramme,
	addResponses,
	feedbackInstrument,
	publishedSurvey
} from './coding-fixtures';

/**
 * The coding page's flow as its route drives it: load the page, post a form parsed by the
 * route's schema, call the service, follow the redirect to the next answer. Seven answers in
 * three languages, five of them coded one after another, as an analyst would.
 */

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const make = fixtures(() => db);
const t = translatorFor('en');

let actor: Actor;
let orgId: string;
let evaluationId: string;

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
};

beforeAll(async () => {
	actor = await make.person('flow');
	orgId = (await make.organisation('coding-flow', actor)).id;
	const programmeId = await addProgramme(db, orgId);
	const survey = await publishedSurvey(db, orgId, 'Feedback', [feedbackInstrument()]);
	evaluationId = await addEvaluation(db, actor, orgId, programmeId, [survey.surveyId]);
	await addResponses(
		db,
		orgId,
		survey,
		[
			['en', 'female', 'I waited weeks for housing'],
			['ar', 'female', 'انتظرت أسابيع للحصول على السكن'],
			['fr', 'male', "Les voisins m'ont jugé"],
			['en', 'male', 'Staff were kind'],
			['ar', 'female', 'الموظفون كانوا لطفاء'],
			['en', '.pnts', 'Nothing to add'],
			['fr', 'female', "J'ai attendu longtemps"]
		].map(([language, sex, text], i) => ({
			language,
			submittedOn: `2026-03-0${i + 1}`,
			answers: { problems: text!, sex: sex! }
		}))
	);
});

const load = (answer: string | null, dimension: string | null = null) =>
	codingPage(db, { org: { id: orgId } as Viewer['org'], k: 3 }, evaluationId, {
		question: null,
		answer,
		dimension,
		page: 1,
		lang: 'en'
	});

describe('coding five answers through the page', () => {
	it('creates themes, codes five answers in turn, and shows counts by language', async () => {
		for (const name of ['Waiting', 'Stigma', 'Kindness']) {
			const parsed = parseForm(form([['name', `  ${name} `]]), createThemeSchema, t);
			expect(parsed.ok).toBe(true);
			if (parsed.ok)
				expect((await createTheme(db, actor, orgId, evaluationId, parsed.data)).ok).toBe(true);
		}
		const duplicate = parseForm(form([['name', 'waiting']]), createThemeSchema, t);
		expect(
			duplicate.ok && (await createTheme(db, actor, orgId, evaluationId, duplicate.data))
		).toEqual({ ok: false, error: 'nameTaken' });

		let page = (await load(null))!;
		const [waiting, stigma, kindness] = page.themes.map((th) => th.id);
		expect(page.workspace.progress).toEqual({ coded: 0, total: 7 });
		const plan = [[waiting], [waiting], [stigma], [kindness], [kindness]];
		for (const themes of plan) {
			const current = page.workspace.current!;
			const parsed = parseForm(
				form([
					['responseId', current.responseId],
					['question', 'problems'],
					...themes.map((id): [string, string] => ['themes', id!])
				]),
				codeAnswerSchema,
				t
			);
			expect(parsed.ok).toBe(true);
			if (!parsed.ok) return;
			const { responseId, question, themes: ids } = parsed.data;
			expect(await codeAnswer(db, actor, orgId, evaluationId, responseId, question, ids)).toEqual({
				ok: true
			});
			const next = await nextAfter(db, orgId, evaluationId, question, responseId);
			page = (await load(next))!;
		}
		expect(page.workspace.progress).toEqual({ coded: 5, total: 7 });
		expect(page.workspace.current?.coded).toBe(false);
		expect(page.themes.map((th) => [th.name, th.count])).toEqual([
			['Waiting', 2],
			['Stigma', 1],
			['Kindness', 2]
		]);

		const byLanguage = (await load(null, 'language'))!;
		expect(byLanguage.counts.cells.map((c) => c.key)).toEqual(['en', 'ar', 'fr']);
		expect(byLanguage.counts.coded).toEqual({ n: 5, flag: null });
		// Waiting: one English, one Arabic answer — each under k = 3, flagged for the team.
		expect(byLanguage.counts.themes[0]!.cells).toEqual([
			{ n: 1, flag: 'small' },
			{ n: 1, flag: 'small' },
			{ n: 0, flag: 'small' }
		]);
		expect(byLanguage.dimensions.map((d) => d.key)).toEqual(['language', 'channel', 'sex']);
	});

	it('refuses what a tampered form posts, with translated messages', () => {
		const bad = parseForm(
			form([
				['responseId', 'x'],
				['question', '../etc'],
				['themes', 'nope']
			]),
			codeAnswerSchema,
			t
		);
		expect(bad.ok).toBe(false);
		if (!bad.ok)
			expect(Object.keys(bad.errors).sort()).toEqual(['question', 'responseId', 'themes.0']);
		const blank = parseForm(form([['name', '   ']]), createThemeSchema, t);
		expect(!blank.ok && blank.errors.name).toBe('Give the theme a name.');
		const long = parseForm(form([['name', 'x'.repeat(81)]]), createThemeSchema, t);
		expect(!long.ok && long.errors.name).toBe('Keep the theme name to 80 characters.');
		const id = '00000000-0000-4000-8000-000000000000';
		const same = parseForm(
			form([
				['from', id],
				['into', id]
			]),
			mergeThemesSchema,
			t
		);
		expect(!same.ok && same.errors.into).toBe('Choose two different themes to merge.');
	});
});
