import { beforeAll, describe, expect, it } from 'vitest';
import { allQuestions, type Instrument } from '../../survey/model';
import { findUserByEmail } from '../auth/service';
import type { Db } from '../db';
import { useTestDatabase } from '../db/testing';
import { DEMO_PROGRAMME_NAME } from '../demo/programme';
import { DEMO_EMAIL, DEMO_ORG_SLUG, DEMO_SURVEY_NAME, seedDemo } from '../demo/seed';
import { findOrganisation, type Actor } from '../orgs/service';
import { createSurvey, findSurvey, listSurveys, saveDraft } from '../surveys/service';
import { findLibraryIndicator } from './library';
import { addFromLibrary } from './library-service';
import {
	createProgramme,
	findIndicator,
	listProgrammes,
	loadLogframe,
	type ProgrammeViewer
} from './service';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

let orgId: string;
let actor: Actor;
let programmeId: string;
let outcomeId: string;
let outputId: string;
let demoSurveyId: string;

beforeAll(async () => {
	await seedDemo(db, { password: 'correct horse battery staple' });
	orgId = (await findOrganisation(db, DEMO_ORG_SLUG))!.id;
	const user = (await findUserByEmail(db, DEMO_EMAIL))!;
	actor = { id: user.id, email: user.email };
	const viewer: ProgrammeViewer = { user, role: 'owner' };
	programmeId = (await listProgrammes(db, orgId, viewer)).find(
		(p) => p.name === DEMO_PROGRAMME_NAME
	)!.id;
	const logframe = await loadLogframe(db, orgId, programmeId);
	outcomeId = logframe.nodes.find((n) => n.level === 'outcome')!.id;
	outputId = logframe.nodes.find((n) => n.level === 'output')!.id;
	demoSurveyId = (await listSurveys(db, orgId)).find((s) => s.name === DEMO_SURVEY_NAME)!.id;
}, 90_000);

const indicatorCount = async () => (await loadLogframe(db, orgId, programmeId)).indicators.length;

describe('addFromLibrary', () => {
	it('binds to a question the survey already asks, adding nothing to its draft', async () => {
		const before = (await findSurvey(db, orgId, demoSurveyId))!;
		const result = await addFromLibrary(db, actor, orgId, programmeId, {
			libraryId: 'satisfied-with-support',
			nodeId: outcomeId,
			surveyId: demoSurveyId,
			lang: 'fr'
		});
		expect(result).toMatchObject({
			ok: true,
			question: { surveyId: demoSurveyId, added: false, names: ['satisfaction'] }
		});
		const after = (await findSurvey(db, orgId, demoSurveyId))!;
		expect(after.draftRevision).toBe(before.draftRevision);
		expect(after.draft).toEqual(before.draft);

		const indicator = (await findIndicator(
			db,
			orgId,
			programmeId,
			result.ok ? result.indicatorId : ''
		))!;
		const entry = findLibraryIndicator('satisfied-with-support')!;
		expect(indicator).toMatchObject({
			nodeId: outcomeId,
			code: 'SAT-1',
			statement: entry.statement.fr,
			meansOfVerification: entry.meansOfVerification.fr,
			kind: 'percentInSet',
			source: 'survey',
			surveyIds: [demoSurveyId],
			libraryId: 'satisfied-with-support',
			rule: {
				kind: 'percentInSet',
				question: 'satisfaction',
				choices: ['very_satisfied', 'fairly_satisfied']
			},
			disaggregations: [...entry.disaggregations]
		});
	});

	it("adds a new question to a fresh survey's draft and binds the rule to it", async () => {
		const fresh = await createSurvey(db, actor, orgId, {
			name: 'Library, fresh',
			languages: ['en', 'ar']
		});
		const result = await addFromLibrary(db, actor, orgId, programmeId, {
			libraryId: 'feeling-of-safety-mean',
			nodeId: outcomeId,
			surveyId: fresh.id,
			lang: 'ru'
		});
		expect(result).toMatchObject({
			ok: true,
			question: { surveyId: fresh.id, added: true, names: ['safety_today'] }
		});
		const after = (await findSurvey(db, orgId, fresh.id))!;
		expect(after.draftRevision).toBe(fresh.draftRevision + 1);
		const question = allQuestions(after.draft).find((q) => q.name === 'safety_today')!;
		expect(question.type).toBe('range');
		// In the survey's two languages, none other.
		expect(Object.keys(question.label).sort()).toEqual(['ar', 'en']);
		const indicator = (await findIndicator(
			db,
			orgId,
			programmeId,
			result.ok ? result.indicatorId : ''
		))!;
		expect(indicator.rule).toEqual({ kind: 'mean', question: 'safety_today' });
		expect(indicator.surveyIds).toEqual([fresh.id]);
		// Russian statements come from the library too, though questions are in four languages.
		expect(indicator.statement).toBe(findLibraryIndicator('feeling-of-safety-mean')!.statement.ru);
	});

	it('reads the name actually used when the suggested one is taken by another question', async () => {
		const fresh = await createSurvey(db, actor, orgId, { name: 'Library, taken name' });
		const draft: Instrument = structuredClone(fresh.draft);
		draft.pages.at(-1)!.questions.push({
			id: 'q-taken',
			type: 'text',
			name: 'satisfaction',
			label: { en: 'Anything else?' },
			preferNotToSay: true
		});
		const saved = await saveDraft(db, orgId, fresh.id, { instrument: draft, revision: 1 });
		expect(saved.ok).toBe(true);

		const result = await addFromLibrary(db, actor, orgId, programmeId, {
			libraryId: 'satisfied-with-support',
			nodeId: outcomeId,
			surveyId: fresh.id,
			lang: 'en'
		});
		expect(result).toMatchObject({
			ok: true,
			question: { added: true, names: ['satisfaction_2'] }
		});
		const after = (await findSurvey(db, orgId, fresh.id))!;
		expect(after.draftRevision).toBe(3);
		const names = allQuestions(after.draft).map((q) => q.name);
		expect(names).toContain('satisfaction');
		expect(names).toContain('satisfaction_2');
		const indicator = (await findIndicator(
			db,
			orgId,
			programmeId,
			result.ok ? result.indicatorId : ''
		))!;
		expect(indicator.rule).toEqual({
			kind: 'percentInSet',
			question: 'satisfaction_2',
			choices: ['very_satisfied', 'fairly_satisfied']
		});
	});

	it('refuses a node of another programme and stores nothing, not even the question', async () => {
		const other = await createProgramme(db, actor, orgId, {
			name: 'Another programme',
			description: '',
			countries: [],
			sites: [],
			startsOn: '2026-01-01',
			endsOn: '2026-12-31',
			icatTags: [],
			periodKind: 'quarterly',
			customPeriods: [],
			levelLabels: null,
			atRisk: 0.1,
			offTrack: 0.25,
			goal: 'Elsewhere'
		});
		const otherGoal = (await loadLogframe(db, orgId, other.id)).nodes[0]!.id;
		const fresh = await createSurvey(db, actor, orgId, { name: 'Library, refused' });
		const count = await indicatorCount();

		const result = await addFromLibrary(db, actor, orgId, programmeId, {
			libraryId: 'feeling-of-safety-mean',
			nodeId: otherGoal,
			surveyId: fresh.id,
			lang: 'en'
		});
		expect(result).toEqual({ ok: false, error: 'nodeNotFound' });
		const after = (await findSurvey(db, orgId, fresh.id))!;
		expect(after.draftRevision).toBe(fresh.draftRevision);
		expect(after.draft).toEqual(fresh.draft);
		expect(await indicatorCount()).toBe(count);
		expect((await loadLogframe(db, orgId, other.id)).indicators).toEqual([]);
	});

	it('refuses an unknown entry or a survey of no one, storing nothing', async () => {
		const count = await indicatorCount();
		expect(
			await addFromLibrary(db, actor, orgId, programmeId, {
				libraryId: 'no-such-entry',
				nodeId: outcomeId,
				surveyId: demoSurveyId,
				lang: 'en'
			})
		).toEqual({ ok: false, error: 'unknownEntry' });
		expect(
			await addFromLibrary(db, actor, orgId, programmeId, {
				libraryId: 'feeling-of-safety-mean',
				nodeId: outcomeId,
				surveyId: '00000000-0000-4000-8000-000000000000',
				lang: 'en'
			})
		).toEqual({ ok: false, error: 'surveyNotFound' });
		expect(await indicatorCount()).toBe(count);
	});

	it('adds a manual entry as a manual indicator, leaving any survey alone', async () => {
		const before = (await findSurvey(db, orgId, demoSurveyId))!;
		const result = await addFromLibrary(db, actor, orgId, programmeId, {
			libraryId: 'cases-referred',
			nodeId: outputId,
			surveyId: demoSurveyId,
			lang: 'es'
		});
		expect(result).toMatchObject({ ok: true, question: null });
		const indicator = (await findIndicator(
			db,
			orgId,
			programmeId,
			result.ok ? result.indicatorId : ''
		))!;
		expect(indicator).toMatchObject({ source: 'manual', rule: null, surveyIds: [], kind: 'count' });
		expect((await findSurvey(db, orgId, demoSurveyId))!.draftRevision).toBe(before.draftRevision);
	});
});
