import { describe, expect, it } from 'vitest';
import { countText, figureText, paragraphs, shareText } from './format';

const t = (key: string, values?: Record<string, unknown>) =>
	`${key}${JSON.stringify(values ?? {})}`;

describe('report figures', () => {
	it('never prints a number for a hidden figure, only k', () => {
		expect(figureText({ shown: false }, '%', 5, 'en', t)).toBe('report.view.hidden{"k":5}');
		expect(countText({ shown: false }, 'en', t)).toBe('');
	});

	it('formats shown values with their unit in the report language', () => {
		expect(figureText({ shown: true, value: 62.5, n: 40 }, '%', 5, 'en', t)).toBe('62.5%');
		expect(figureText({ shown: true, value: 6.4, n: 40 }, 'score', 5, 'fr', t)).toBe('6,4 score');
		expect(figureText({ shown: true, value: null, n: null }, '%', 5, 'en', t)).toBe(
			'report.view.noValue{}'
		);
		expect(countText({ shown: true, value: 1, n: 1200 }, 'en', t)).toBe(
			'report.view.n{"n":"1,200"}'
		);
		expect(shareText(0.456, 'en')).toBe('46%');
		expect(shareText(null, 'en')).toBe('—');
	});

	it('splits text into paragraphs at blank lines', () => {
		expect(paragraphs('One\nline two\n\n  \nThree  ')).toEqual(['One\nline two', 'Three']);
		expect(paragraphs('   ')).toEqual([]);
	});
});
