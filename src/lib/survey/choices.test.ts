import { describe, expect, it } from 'vitest';
import { checkAnswers } from './answers';
import { visibleChoices } from './choices';
import type { Instrument } from './model';

const place = (name: string, region: string) => ({ name, label: { en: name }, extra: { region } });
const survey: Instrument = {
	formId: 'cascade',
	languages: [{ code: 'en', name: 'English', dir: 'ltr' }],
	defaultLanguage: 'en',
	title: { en: 'T' },
	choiceLists: [
		{
			name: 'regions',
			choices: [
				{ name: 'north', label: { en: 'North' } },
				{ name: 'south', label: { en: 'South' } }
			]
		},
		{ name: 'towns', choices: [place('a', 'north'), place('b', 'north'), place('c', 'south')] }
	],
	pages: [
		{
			id: 'p',
			name: 'p',
			label: {},
			questions: [
				{
					id: 'r',
					type: 'select_one',
					name: 'region',
					label: { en: 'Region' },
					listName: 'regions',
					preferNotToSay: true
				},
				{
					id: 't',
					type: 'select_one',
					name: 'town',
					label: { en: 'Town' },
					listName: 'towns',
					choiceFilter: 'region = ${region}',
					preferNotToSay: true
				}
			]
		}
	]
};
const town = survey.pages[0]!.questions[1]!;

describe('visibleChoices', () => {
	it('narrows a cascading select by a column of the choices sheet', () => {
		expect(visibleChoices(town, survey, { region: 'north' }).map((c) => c.name)).toEqual([
			'a',
			'b'
		]);
		expect(visibleChoices(town, survey, { region: 'south' }).map((c) => c.name)).toEqual(['c']);
		expect(visibleChoices(town, survey, {}).map((c) => c.name)).toEqual([]);
	});

	it('can filter on the choice name itself', () => {
		const q = { ...town, choiceFilter: "name != 'b'" };
		expect(visibleChoices(q, survey, {}).map((c) => c.name)).toEqual(['a', 'c']);
	});

	it('offers the whole list without a filter', () => {
		expect(visibleChoices({ ...town, choiceFilter: undefined }, survey, {})).toHaveLength(3);
	});
});

describe('the server refuses a choice the filter hides', () => {
	it('rejects a town of another region', () => {
		expect(checkAnswers(survey, { region: 'south', town: 'c' }).errors).toEqual([]);
		expect(checkAnswers(survey, { region: 'south', town: 'a' }).errors).toEqual([
			{ question: 'town', code: 'invalidChoice' }
		]);
	});
});
