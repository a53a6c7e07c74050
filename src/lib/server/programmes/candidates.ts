import type { CandidateSurvey } from '../../schemas/logframe';
import type { Db } from '../db';
import * as surveys from '../surveys/service';
import { allQuestions, textIn, type QuestionType } from '../../survey/model';

/** Question types an indicator can read or break down by (QUESTIONS_FOR_KIND, BREAKDOWN_TYPES). */
const READABLE: readonly QuestionType[] = [
	'select_one',
	'select_multiple',
	'integer',
	'decimal',
	'range'
];

/**
 * The organisation's published surveys with the readable questions of each one's newest
 * version, labels in `lang`: what a binding may choose from, and what the server checks it
 * against. Drafts do not count: a question only collects answers once published.
 */
export async function bindingCandidates(
	db: Db,
	orgId: string,
	lang: string
): Promise<{ published: CandidateSurvey[]; drafts: { id: string; name: string }[] }> {
	const all = await surveys.listSurveys(db, orgId);
	const published = await Promise.all(
		all
			.filter((s) => s.latestVersion !== null)
			.map(async (s): Promise<CandidateSurvey | null> => {
				const version = await surveys.findVersion(db, orgId, s.id, s.latestVersion!);
				if (!version) return null;
				const instrument = version.instrument;
				const fallback = instrument.defaultLanguage;
				return {
					id: s.id,
					name: s.name,
					version: version.number,
					questions: allQuestions(instrument)
						.filter((q) => READABLE.includes(q.type))
						.map((q) => ({
							name: q.name,
							label: textIn(q.label, lang, fallback) || q.name,
							type: q.type,
							choices: (
								instrument.choiceLists.find((l) => l.name === q.listName)?.choices ?? []
							).map((c) => ({ name: c.name, label: textIn(c.label, lang, fallback) || c.name }))
						}))
				};
			})
	);
	return {
		published: published.filter((s): s is CandidateSurvey => s !== null),
		drafts: all.filter((s) => s.latestVersion === null).map((s) => ({ id: s.id, name: s.name }))
	};
}
