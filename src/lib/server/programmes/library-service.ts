import { and, eq } from 'drizzle-orm';
import { newId } from '../../survey/model';
import type { Db } from '../db';
import { surveys } from '../db/schema';
import type { Actor } from '../orgs/service';
import { saveDraft } from '../surveys/service';
import {
	addLibraryQuestion,
	findLibraryIndicator,
	LIBRARY_LANGUAGES,
	type LibraryLanguage,
	type LibraryText
} from './library';
import { addIndicator, type IndicatorInput } from './service';

/**
 * Adding a starter-library indicator to a logframe: the indicator, and for a survey entry its
 * suggested question in the chosen survey's draft, in one transaction, so a logframe never
 * names a question the draft lacks and a draft never gains a question for nothing.
 */

export type AddFromLibraryResult =
	| {
			ok: true;
			indicatorId: string;
			/** The survey whose draft the rule reads, and whether a question had to be added to it. */
			question: { surveyId: string; added: boolean; names: string[] } | null;
	  }
	| { ok: false; error: 'unknownEntry' | 'nodeNotFound' | 'surveyNotFound' | 'conflict' };

/** Thrown inside the transaction to undo what it wrote; never leaves this module. */
class Undo extends Error {
	constructor(readonly error: 'nodeNotFound' | 'conflict') {
		super(error);
	}
}

function textIn(text: LibraryText, lang: string): string {
	const code = lang.split('-')[0]!.toLowerCase();
	return (LIBRARY_LANGUAGES as readonly string[]).includes(code)
		? text[code as LibraryLanguage]
		: text.en;
}

/**
 * Adds library entry `libraryId` under node `nodeId` of the programme, its statement and means
 * of verification in `lang`. With `surveyId` (a survey entry only), the entry's question is
 * added to that survey's draft unless a question there already answers alike, and the
 * indicator is bound to the survey with the entry's rule reading the names actually used; the
 * question collects answers once the draft is published. Without it, the indicator keeps the
 * entry's rule unbound, to be bound on its page.
 */
export async function addFromLibrary(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	input: { libraryId: string; nodeId: string; surveyId: string | null; lang: string }
): Promise<AddFromLibraryResult> {
	const entry = findLibraryIndicator(input.libraryId);
	if (!entry) return { ok: false, error: 'unknownEntry' };
	const surveyId = entry.source === 'survey' ? input.surveyId : null;
	try {
		return await db.transaction(async (tx): Promise<AddFromLibraryResult> => {
			// A copy: the library is frozen and shared by every request.
			let rule = entry.rule && structuredClone(entry.rule);
			let question: { surveyId: string; added: boolean; names: string[] } | null = null;
			if (surveyId) {
				const [survey] = await tx
					.select()
					.from(surveys)
					.where(and(eq(surveys.id, surveyId), eq(surveys.orgId, orgId)))
					.for('update');
				if (!survey) return { ok: false, error: 'surveyNotFound' };
				const added = addLibraryQuestion(survey.draft, entry, newId);
				if (added.added) {
					// The builder's own save, so its revision check applies: a tab open on the draft
					// sees a conflict rather than silently overwriting the new question.
					const saved = await saveDraft(tx, orgId, surveyId, {
						instrument: added.instrument,
						revision: survey.draftRevision
					});
					if (!saved.ok) throw new Undo('conflict');
				}
				rule = added.rule;
				question = { surveyId, added: added.added, names: added.questionNames };
			}
			const indicator: IndicatorInput = {
				code: entry.code,
				statement: textIn(entry.statement, input.lang),
				unit: entry.unit,
				kind: entry.kind,
				direction: entry.direction,
				baselineValue: null,
				baselineDate: null,
				target: null,
				milestones: {},
				disaggregations: [...entry.disaggregations],
				meansOfVerification: textIn(entry.meansOfVerification, input.lang),
				source: entry.source,
				surveyIds: surveyId ? [surveyId] : [],
				rule
			};
			const created = await addIndicator(db, actor, orgId, programmeId, input.nodeId, indicator, {
				tx,
				libraryId: entry.id
			});
			// The draft may already hold the question: undo it with everything else.
			if (!created.ok) throw new Undo('nodeNotFound');
			return { ok: true, indicatorId: created.id, question };
		});
	} catch (e) {
		if (e instanceof Undo) return { ok: false, error: e.error };
		throw e;
	}
}
