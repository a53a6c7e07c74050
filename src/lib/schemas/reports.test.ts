import { describe, expect, it } from 'vitest';
import { MAX_REPORT_TITLE, reportTextSchema } from './reports';

const base = {
	title: ' Midline ',
	summary: 'S',
	whatDidNotWork: '',
	unintendedEffects: '',
	limitations: '',
	changeNote: '',
	language: 'ar'
};

describe('reportTextSchema', () => {
	it('trims and accepts empty sections while drafting', () => {
		const parsed = reportTextSchema.parse({ ...base, changeNote: undefined });
		expect(parsed).toMatchObject({ title: 'Midline', whatDidNotWork: '', changeNote: '' });
	});

	it.each([
		[{ language: 'de' }, 'language', 'validation.invalid'],
		[{ language: undefined }, 'language', 'validation.invalid'],
		[{ title: 'x'.repeat(MAX_REPORT_TITLE + 1) }, 'title', 'validation.tooLong'],
		[{ limitations: 'x'.repeat(20_001) }, 'limitations', 'validation.tooLong']
	])('refuses %o', (change, field, message) => {
		const result = reportTextSchema.safeParse({ ...base, ...change });
		expect(result.success).toBe(false);
		expect(result.error!.issues[0]).toMatchObject({ path: [field], message });
	});
});
