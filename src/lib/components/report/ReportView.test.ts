import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { ReportSnapshot } from '$lib/evaluations/model';
import { reportMessages } from '$lib/server/reports/messages';
import ReportView from './ReportView.svelte';

const hidden = { shown: false } as const;
const snapshot: ReportSnapshot = {
	version: 1,
	lang: 'ar',
	title: 'تقرير منتصف المدة',
	summary: 'الملخص الأول\n\nالفقرة الثانية',
	programme: {
		name: 'Safe Futures',
		description: '',
		startsOn: '2025-01-01',
		endsOn: '2026-12-31',
		countries: ['Kenya'],
		sites: [],
		icatTags: ['livelihoods']
	},
	logframe: [
		{ level: 'goal', label: 'الهدف', code: 'G', narrative: 'Survivors are safe', depth: 0 }
	],
	evaluation: {
		kind: 'midline',
		title: 'Midline',
		startsOn: '2025-01-01',
		endsOn: '2026-06-30',
		purpose: '',
		methodology: 'Survey',
		surveys: ['Feedback'],
		responses: { shown: true, value: 2400, n: 2400 }
	},
	findings: [
		{
			criterion: 'relevance',
			findings: [
				{
					statement: 'Appointments clash with work',
					criterion: 'relevance',
					question: null,
					strength: 'moderate',
					evidence: [
						{
							kind: 'theme',
							name: 'Fear of reprisal',
							figure: hidden,
							breakdown: {
								dimension: 'language',
								label: 'Language',
								cells: [
									{ key: 'en', label: 'English', figure: { shown: true, value: 31, n: 31 } },
									{ key: 'fr', label: 'Français', figure: hidden }
								]
							}
						},
						{ kind: 'paraphrase', text: 'People said evenings would help.' }
					]
				}
			]
		}
	],
	whatDidNotWork: 'Evening access',
	unintendedEffects: 'Being seen',
	limitations: 'Few answered by SMS',
	recommendations: [],
	annex: [
		{
			code: 'OC1.1',
			statement: 'Safety score',
			level: 'outcome',
			unit: 'score',
			baseline: 5.2,
			baselineDate: '2025-01-15',
			target: 7,
			latest: hidden,
			latestPeriod: null,
			progress: null,
			achievement: null,
			status: null
		}
	],
	k: 5,
	publishedOn: '2026-12-02',
	revision: 1,
	changeNote: ''
};

describe('ReportView', () => {
	const { body } = render(ReportView, {
		props: { snapshot, messages: reportMessages('ar'), latest: 2 }
	});

	it('renders in the report language and direction, whatever the page is in', () => {
		expect(body).toMatch(/<article[^>]*lang="ar"[^>]*dir="rtl"/);
		expect(body).toContain('المراجعة 1 من 2');
	});

	it('has every section in the order of the issue', () => {
		const ar = reportMessages('ar') as { evaluation: { sections: Record<string, string> } };
		const order = [
			'summary',
			'programme',
			'logframe',
			'methodology',
			'findings',
			'whatDidNotWork',
			'unintendedEffects',
			'limitations',
			'recommendations',
			'annex'
		].map((s) => body.indexOf(`>${ar.evaluation.sections[s]}<`));
		expect(order.every((i) => i > 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	it('writes hidden figures as words, with no number but k', () => {
		expect(body.split('أقل من 5 أشخاص، أو لحماية').length - 1).toBe(3);
		expect(body).not.toContain('>0<');
		// The shown cell keeps its count.
		expect(body).toMatch(/<td[^>]*>31<\/td>/);
	});

	it('keeps paragraphs apart and names ICAT activity types', () => {
		expect(body).toContain('>الملخص الأول</p>');
		expect(body).toContain('>الفقرة الثانية</p>');
		expect(body).not.toContain('livelihoods');
	});
});
