import { describe, expect, it } from 'vitest';
import { PREFER_NOT_TO_SAY } from '../../survey/chrome';
import type { Instrument, Question } from '../../survey/model';
import { responseColumns, type VersionInstrument } from './responses';

const q = (
	type: Question['type'],
	name: string,
	en: string,
	fr: string,
	more: Partial<Question> = {}
): Question => ({
	id: name,
	type,
	name,
	label: { en, fr },
	preferNotToSay: true,
	...more
});

function instrument(questions: Question[]): Instrument {
	return {
		formId: 'test',
		languages: [
			{ code: 'en', name: 'English', dir: 'ltr' },
			{ code: 'fr', name: 'Français', dir: 'ltr' }
		],
		defaultLanguage: 'en',
		title: { en: 'T' },
		pages: [{ id: 'p', name: 'p', label: { en: 'P' }, questions }],
		choiceLists: [
			{
				name: 'yn',
				choices: [
					{ name: 'yes', label: { en: 'Yes', fr: 'Oui' } },
					{ name: 'no', label: { en: 'No', fr: 'Non' } }
				]
			},
			{
				name: 'support',
				choices: [
					{ name: 'housing', label: { en: 'Housing', fr: 'Logement' } },
					{ name: 'legal', label: { en: 'Legal help', fr: 'Aide juridique' } },
					{ name: 'cash', label: { en: 'Cash', fr: 'Argent' } }
				]
			}
		]
	};
}

const V1: VersionInstrument = {
	number: 1,
	instrument: instrument([
		q('safety_check', 'safety_check', 'Safe?', 'Sûr ?'),
		q('consent', 'consent', 'Agree?', 'D’accord ?'),
		q('note', 'intro', 'Hello', 'Bonjour'),
		q('select_one', 'helped', 'Did it help?', 'Cela a-t-il aidé ?', { listName: 'yn' }),
		q('select_multiple', 'support', 'Support received', 'Soutien reçu', { listName: 'support' }),
		q('integer', 'age', 'Age', 'Âge'),
		q('text', 'comment', 'Anything else?', 'Autre chose ?'),
		q('rank', 'ranking', 'Rank them', 'Classez-les', { listName: 'support' }),
		q('calculate', 'score', 'Score', 'Score', { calculation: '1' }),
		q('date', 'since', 'Since when?', 'Depuis quand ?')
	])
};

const words = { preferNotToSay: 'Préfère ne pas répondre' };
const headers = (versions: VersionInstrument[], lang = 'fr') =>
	responseColumns(versions, lang, words).columns.map((c) => c.header);
const values = (answers: Record<string, string | string[]>, versions = [V1], lang = 'fr') => {
	const { columns, write } = responseColumns(versions, lang, words);
	const cells: unknown[] = [];
	write(answers, cells as never);
	expect(cells).toHaveLength(columns.length);
	return Object.fromEntries(columns.map((c, i) => [c.header, cells[i]]));
};

describe('responseColumns', () => {
	it('has one column per answerable question, multi-select split per choice, labels in the language', () => {
		expect(headers([V1])).toEqual([
			'Cela a-t-il aidé ? (helped)',
			'Soutien reçu: Logement (support: housing)',
			'Soutien reçu: Aide juridique (support: legal)',
			'Soutien reçu: Argent (support: cash)',
			'Âge (age)',
			'Autre chose ? (comment)',
			'Classez-les (ranking)',
			'Score (score)',
			'Depuis quand ? (since)'
		]);
		expect(headers([V1], 'en')[0]).toBe('Did it help? (helped)');
		// A language the survey lacks falls back to its default.
		expect(headers([V1], 'ar')[0]).toBe('Did it help? (helped)');
	});

	it.each([
		[
			'choices as labels, multi-select as 0/1, numbers as numbers',
			{
				helped: 'yes',
				support: ['housing', 'cash'],
				age: '34',
				comment: 'Merci, "vraiment"',
				ranking: ['cash', 'housing'],
				score: '7.5',
				since: '2025-03-01'
			},
			{
				'Cela a-t-il aidé ? (helped)': 'Oui',
				'Soutien reçu: Logement (support: housing)': 1,
				'Soutien reçu: Aide juridique (support: legal)': 0,
				'Soutien reçu: Argent (support: cash)': 1,
				'Âge (age)': 34,
				'Autre chose ? (comment)': 'Merci, "vraiment"',
				'Classez-les (ranking)': 'Argent; Logement',
				'Score (score)': 7.5,
				'Depuis quand ? (since)': '2025-03-01'
			}
		],
		[
			'skipped questions are empty',
			{},
			{
				'Cela a-t-il aidé ? (helped)': null,
				'Soutien reçu: Logement (support: housing)': null,
				'Soutien reçu: Aide juridique (support: legal)': null,
				'Soutien reçu: Argent (support: cash)': null,
				'Âge (age)': null,
				'Autre chose ? (comment)': null,
				'Classez-les (ranking)': null,
				'Score (score)': null,
				'Depuis quand ? (since)': null
			}
		],
		[
			'prefer not to say in words, in every column of a multi-select',
			{
				helped: PREFER_NOT_TO_SAY,
				support: [PREFER_NOT_TO_SAY],
				age: PREFER_NOT_TO_SAY,
				support_extra: 'x'
			},
			{
				'Cela a-t-il aidé ? (helped)': 'Préfère ne pas répondre',
				'Soutien reçu: Logement (support: housing)': 'Préfère ne pas répondre',
				'Soutien reçu: Aide juridique (support: legal)': 'Préfère ne pas répondre',
				'Soutien reçu: Argent (support: cash)': 'Préfère ne pas répondre',
				'Âge (age)': 'Préfère ne pas répondre',
				'Autre chose ? (comment)': null,
				'Classez-les (ranking)': null,
				'Score (score)': null,
				'Depuis quand ? (since)': null
			}
		],
		[
			'an empty multi-select answer is a skip, and a number that is not one stays text',
			{ support: [], age: 'n/a' },
			{
				'Cela a-t-il aidé ? (helped)': null,
				'Soutien reçu: Logement (support: housing)': null,
				'Soutien reçu: Aide juridique (support: legal)': null,
				'Soutien reçu: Argent (support: cash)': null,
				'Âge (age)': 'n/a',
				'Autre chose ? (comment)': null,
				'Classez-les (ranking)': null,
				'Score (score)': null,
				'Depuis quand ? (since)': null
			}
		]
	])('%s', (_, answers, expected) => {
		expect(values(answers)).toEqual(expected);
	});

	it('puts the newest version first, with its wording, then questions only older versions asked', () => {
		const v2: VersionInstrument = {
			number: 2,
			instrument: {
				...instrument([
					q('text', 'new_question', 'New', 'Nouvelle'),
					q('select_one', 'helped', 'Did the support help?', 'Le soutien a-t-il aidé ?', {
						listName: 'yn'
					}),
					q('select_multiple', 'support', 'Support received', 'Soutien reçu', {
						listName: 'support'
					})
				])
			}
		};
		v2.instrument.choiceLists[1]!.choices.push({
			name: 'health',
			label: { en: 'Health', fr: 'Santé' }
		});
		const list = headers([V1, v2]);
		expect(list.slice(0, 6)).toEqual([
			'Nouvelle (new_question)',
			'Le soutien a-t-il aidé ? (helped)',
			'Soutien reçu: Logement (support: housing)',
			'Soutien reçu: Aide juridique (support: legal)',
			'Soutien reçu: Argent (support: cash)',
			'Soutien reçu: Santé (support: health)'
		]);
		expect(list.slice(6)).toEqual([
			'Âge (age)',
			'Autre chose ? (comment)',
			'Classez-les (ranking)',
			'Score (score)',
			'Depuis quand ? (since)'
		]);
		// A version 1 response has no answer for the new choice: 0, as it was not ticked.
		const row = values({ support: ['legal'] }, [V1, v2]);
		expect(row['Soutien reçu: Santé (support: health)']).toBe(0);
		expect(row['Nouvelle (new_question)']).toBeNull();
	});

	it('keeps unknown choice names visible rather than dropping them', () => {
		expect(values({ helped: 'maybe' })['Cela a-t-il aidé ? (helped)']).toBe('maybe');
	});
});
