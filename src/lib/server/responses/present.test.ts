import { describe, expect, it } from 'vitest';
import type { Instrument, Question } from '../../survey/model';
import { displayLanguage, pageLinks, presentAnswers } from './present';

const q = (over: Partial<Question> & Pick<Question, 'name' | 'type'>): Question => ({
	id: over.name,
	label: { en: `${over.name} (en)`, fr: `${over.name} (fr)` },
	preferNotToSay: true,
	...over
});

const INSTRUMENT: Instrument = {
	formId: 'present',
	languages: [
		{ code: 'en', name: 'English', dir: 'ltr' },
		{ code: 'fr', name: 'Français', dir: 'ltr' },
		{ code: 'ar', name: 'العربية', dir: 'rtl' }
	],
	defaultLanguage: 'en',
	title: { en: 'Feedback' },
	choiceLists: [
		{
			name: 'sat',
			choices: [
				{ name: 'yes', label: { en: 'Satisfied', fr: 'Satisfait', ar: 'راضٍ' } },
				{ name: 'no', label: { en: 'Not satisfied', fr: 'Pas satisfait' } }
			]
		},
		{
			name: 'kinds',
			choices: [
				{ name: 'housing', label: { en: 'Housing', fr: 'Logement' } },
				{ name: 'legal', label: { en: 'Legal help', fr: 'Aide juridique' } }
			]
		}
	],
	pages: [
		{
			id: 'p1',
			name: 'start',
			label: {},
			questions: [
				q({ name: 'safety_check', type: 'safety_check', preferNotToSay: false }),
				q({ name: 'consent', type: 'consent', preferNotToSay: false }),
				q({ name: 'intro', type: 'note' })
			]
		},
		{
			id: 'p2',
			name: 'main',
			label: {},
			questions: [
				q({ name: 'satisfied', type: 'select_one', listName: 'sat' }),
				q({ name: 'why', type: 'text', relevant: "${satisfied} = 'no'" }),
				q({ name: 'support', type: 'select_multiple', listName: 'kinds' }),
				q({ name: 'order', type: 'rank', listName: 'kinds' }),
				q({ name: 'safe', type: 'range', range: { start: 0, end: 10, step: 1 } }),
				q({ name: 'since', type: 'date' }),
				q({ name: 'age', type: 'integer' }),
				q({ name: 'score', type: 'calculate', calculation: '${safe} * 10' }),
				q({ name: 'extra', type: 'text', label: { fr: 'Seulement en français' } })
			]
		}
	]
};

describe('presentAnswers', () => {
	const answers = {
		safety_check: 'yes',
		consent: 'yes',
		satisfied: 'yes',
		why: 'left over from an earlier answer',
		support: ['legal', 'housing'],
		order: ['housing', 'legal'],
		safe: '.pnts',
		since: '2025-03-01',
		score: '70'
	};

	it('shows the answered questions with question and choice texts of the language', () => {
		const shown = presentAnswers(INSTRUMENT, answers, 'fr');
		expect(shown.map((a) => a.name)).toEqual([
			'satisfied',
			'support',
			'order',
			'safe',
			'since',
			'age',
			'extra'
		]);
		const byName = Object.fromEntries(shown.map((a) => [a.name, a]));
		expect(byName.satisfied).toEqual({
			name: 'satisfied',
			label: 'satisfied (fr)',
			value: { kind: 'choice', text: 'Satisfait' }
		});
		expect(byName.support!.value).toEqual({
			kind: 'list',
			items: ['Aide juridique', 'Logement'],
			ordered: false
		});
		expect(byName.order!.value).toEqual({
			kind: 'list',
			items: ['Logement', 'Aide juridique'],
			ordered: true
		});
		expect(byName.safe!.value).toEqual({ kind: 'preferNotToSay' });
		expect(byName.since!.value).toEqual({ kind: 'text', text: '1 mars 2025' });
		expect(byName.age!.value).toEqual({ kind: 'none' });
		expect(byName.extra!.label).toBe('Seulement en français');
	});

	it('leaves out calculations, notes, safety check, consent and questions not shown', () => {
		const names = presentAnswers(INSTRUMENT, answers, 'en').map((a) => a.name);
		for (const hidden of ['score', 'intro', 'safety_check', 'consent', 'why'])
			expect(names).not.toContain(hidden);
		const unhappy = presentAnswers(INSTRUMENT, { ...answers, satisfied: 'no' }, 'en');
		expect(unhappy.find((a) => a.name === 'why')?.value).toEqual({
			kind: 'text',
			text: 'left over from an earlier answer'
		});
	});

	it('falls back to the default language for a missing text, and to the stored name', () => {
		const shown = presentAnswers(INSTRUMENT, { satisfied: 'no', support: ['gone'] }, 'ar');
		expect(shown.find((a) => a.name === 'satisfied')).toMatchObject({
			label: 'satisfied (en)',
			value: { kind: 'choice', text: 'Not satisfied' }
		});
		expect(shown.find((a) => a.name === 'support')?.value).toEqual({
			kind: 'list',
			items: ['gone'],
			ordered: false
		});
	});

	it('shows "prefer not to say" of a multi-select as such', () => {
		const shown = presentAnswers(INSTRUMENT, { support: ['.pnts'] }, 'en');
		expect(shown.find((a) => a.name === 'support')?.value).toEqual({ kind: 'preferNotToSay' });
	});
});

describe('displayLanguage', () => {
	it.each([
		['fr', 'fr', 'ltr'],
		['ar', 'ar', 'rtl'],
		['ru', 'en', 'ltr']
	])('interface %s shows the survey in %s', (ui, code, dir) => {
		expect(displayLanguage(INSTRUMENT, ui)).toEqual({ code, dir });
	});

	it('matches a regional variant of the interface language', () => {
		const brazil = {
			...INSTRUMENT,
			languages: [
				...INSTRUMENT.languages,
				{ code: 'pt-BR', name: 'Português', dir: 'ltr' as const }
			]
		};
		expect(displayLanguage(brazil, 'pt')).toEqual({ code: 'pt-BR', dir: 'ltr' });
	});
});

describe('pageLinks', () => {
	it.each([
		[1, 1, [1]],
		[1, 3, [1, 2, 3]],
		[1, 10, [1, 2, 3, null, 10]],
		[5, 10, [1, 2, 3, 4, 5, 6, 7, null, 10]],
		[6, 12, [1, null, 4, 5, 6, 7, 8, null, 12]],
		[10, 10, [1, null, 8, 9, 10]],
		[4, 7, [1, 2, 3, 4, 5, 6, 7]]
	])('page %i of %i links %j', (current, count, links) => {
		expect(pageLinks(current, count)).toEqual(links);
	});

	it('always links the first, the last and the current page, in order, once each', () => {
		for (let count = 1; count <= 40; count++)
			for (let current = 1; current <= count; current++) {
				const pages = pageLinks(current, count).filter((p): p is number => p !== null);
				expect(pages).toContain(1);
				expect(pages).toContain(count);
				expect(pages).toContain(current);
				expect([...pages].sort((a, b) => a - b)).toEqual(pages);
				expect(new Set(pages).size).toBe(pages.length);
			}
	});
});
