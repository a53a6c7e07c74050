import type { Instrument } from '../../survey/model';
import type { Db } from '../db';
import {
	evaluationSurveys,
	evaluations,
	programmes,
	responses,
	surveyVersions,
	surveys
} from '../db/schema';
import type { Actor } from '../orgs/service';

/**
 * Builders for the coding and theme-count database tests: a small survey with one open-text
 * question and one single-select question, inserted directly (published versions, responses)
 * so each test states exactly the responses it counts.
 */

export function feedbackInstrument(options: { textName?: string; extraChoice?: boolean } = {}) {
	const instrument: Instrument = {
		formId: 'feedback',
		languages: [
			{ code: 'en', name: 'English', dir: 'ltr' },
			{ code: 'ar', name: 'العربية', dir: 'rtl' },
			{ code: 'fr', name: 'Français', dir: 'ltr' }
		],
		defaultLanguage: 'en',
		title: { en: 'Feedback' },
		pages: [
			{
				id: 'p1',
				name: 'main',
				label: {},
				questions: [
					{
						id: 'q1',
						type: 'text',
						name: options.textName ?? 'problems',
						label: { en: 'Did the support cause any problems?', fr: 'Des problèmes ?' },
						preferNotToSay: true
					},
					{
						id: 'q2',
						type: 'select_one',
						name: 'sex',
						label: { en: 'Sex', fr: 'Sexe' },
						listName: 'sex',
						preferNotToSay: true
					},
					{
						id: 'q3',
						type: 'integer',
						name: 'age',
						label: { en: 'Age' },
						preferNotToSay: true
					}
				]
			}
		],
		choiceLists: [
			{
				name: 'sex',
				choices: [
					{ name: 'female', label: { en: 'Female', fr: 'Femme' } },
					{ name: 'male', label: { en: 'Male', fr: 'Homme' } },
					...(options.extraChoice ? [{ name: 'other', label: { en: 'Other' } }] : [])
				]
			}
		]
	};
	return instrument;
}

export async function publishedSurvey(
	db: Db,
	orgId: string,
	name: string,
	instruments: Instrument[] = [feedbackInstrument()]
) {
	const [survey] = await db
		.insert(surveys)
		.values({ orgId, name, draft: instruments.at(-1)! })
		.returning({ id: surveys.id });
	const versions = await db
		.insert(surveyVersions)
		.values(
			instruments.map((instrument, i) => ({
				orgId,
				surveyId: survey!.id,
				number: i + 1,
				instrument
			}))
		)
		.returning({ id: surveyVersions.id });
	return { surveyId: survey!.id, versionIds: versions.map((v) => v.id) };
}

export interface ResponseSpec {
	language?: string;
	channel?: 'web' | 'sms';
	submittedOn?: string;
	answers: Record<string, string | string[]>;
}

export async function addResponses(
	db: Db,
	orgId: string,
	survey: { surveyId: string; versionIds: string[] },
	specs: ResponseSpec[]
): Promise<string[]> {
	if (specs.length === 0) return [];
	const inserted = await db
		.insert(responses)
		.values(
			specs.map((s) => ({
				orgId,
				surveyId: survey.surveyId,
				versionId: survey.versionIds.at(-1)!,
				channel: s.channel ?? 'web',
				language: s.language ?? 'en',
				submittedOn: s.submittedOn ?? '2026-03-01',
				answers: s.answers
			}))
		)
		.returning({ id: responses.id });
	return inserted.map((r) => r.id);
}

export async function addEvaluation(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	surveyIds: string[],
	period: { startsOn: string; endsOn: string } = { startsOn: '2026-01-01', endsOn: '2026-06-30' }
) {
	const [evaluation] = await db
		.insert(evaluations)
		.values({
			orgId,
			programmeId,
			kind: 'midline',
			title: 'Midline',
			createdBy: actor.id,
			...period
		})
		.returning({ id: evaluations.id });
	if (surveyIds.length)
		await db
			.insert(evaluationSurveys)
			.values(surveyIds.map((surveyId) => ({ evaluationId: evaluation!.id, surveyId })));
	return evaluation!.id;
}

/** A bare programme row (no logframe): the coding pages never read it. */
export async function addProgramme(db: Db, orgId: string, name = 'Programme') {
	const [programme] = await db
		.insert(programmes)
		.values({ orgId, name, startsOn: '2025-01-01', endsOn: '2026-12-31' })
		.returning({ id: programmes.id });
	return programme!.id;
}
