import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportSnapshot } from '../../evaluations/model';
import { translatorFor } from '../i18n';
import { reportFixture } from './fixtures';
import { renderReportPdf } from './pdf';

/**
 * The report PDF read back with PDF.js, as a reader's tools would: it opens, its sections come in
 * the report's order, suppressed figures print as words with no number, and Arabic comes out as
 * the letters and words that were written, in logical order.
 */

interface Extracted {
	pages: number;
	/** Each page's text, items joined as PDF.js gives them. */
	text: string[];
	/** Each page's lines: items grouped by their baseline, left to right. */
	lines: string[][];
}

async function extract(pdf: Buffer): Promise<Extracted> {
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
	const text: string[] = [];
	const lines: string[][] = [];
	for (let p = 1; p <= doc.numPages; p++) {
		const content = await (await doc.getPage(p)).getTextContent();
		const items = content.items.filter((i): i is TextItem => 'str' in i);
		text.push(items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join(''));
		const byY = new Map<number, TextItem[]>();
		for (const item of items) {
			const y = Math.round(item.transform[5]!);
			byY.set(y, [...(byY.get(y) ?? []), item]);
		}
		lines.push(
			[...byY.entries()]
				.sort(([a], [b]) => b - a)
				.map(([, row]) =>
					row
						.sort((a, b) => a.transform[4]! - b.transform[4]!)
						.map((i) => i.str)
						.join(' ')
						.replace(/\s+/g, ' ')
						.trim()
				)
		);
	}
	await doc.destroy();
	return { pages: doc.numPages, text, lines };
}

const SECTIONS = [
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
];

/** Positions of `needles` in `haystack`, searching each after the one before. */
function inOrder(haystack: string, needles: string[]): number[] {
	const found: number[] = [];
	let from = 0;
	for (const needle of needles) {
		const at = haystack.indexOf(needle, from);
		found.push(at);
		if (at >= 0) from = at + needle.length;
	}
	return found;
}

describe('renderReportPdf (English)', () => {
	const t = translatorFor('en');
	const snapshot = reportFixture('en');
	let pdf: Buffer;
	let out: Extracted;
	beforeAll(async () => {
		pdf = await renderReportPdf(snapshot, t);
		out = await extract(pdf);
	}, 30_000);

	it('is a PDF that opens, A4, with a page number on every page', async () => {
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
		const page = await doc.getPage(1);
		const [, , width, height] = page.view;
		expect([Math.round(width!), Math.round(height!)]).toEqual([595, 842]);
		await doc.destroy();
		expect(out.pages).toBeGreaterThan(3);
		out.text.forEach((text, i) =>
			expect(text).toContain(t('reportPdf.page', { page: i + 1, pages: out.pages }))
		);
	});

	it('stays small: the fonts are embedded as subsets', () => {
		expect(pdf.length).toBeLessThan(600_000);
	});

	it('starts with the title page, then has every section heading in the report’s order', () => {
		const all = out.text.join('\n');
		const titlePage = out.text[0]!;
		expect(titlePage).toContain(snapshot.title);
		expect(titlePage).toContain(snapshot.programme.name);
		expect(titlePage).toContain(snapshot.changeNote);
		expect(titlePage).toContain('Nov 25, 2026');
		const headings = SECTIONS.map((key) => t(`evaluation.sections.${key}`));
		const at = inOrder(all, [snapshot.title, ...headings]);
		expect(at.every((i) => i >= 0)).toBe(true);
		// Not just present: each heading stands on a line of its own.
		const lines = out.lines.flat();
		for (const heading of headings) expect(lines).toContain(heading);
	});

	it('prints the findings by criterion, in the DAC order, each statement once', () => {
		const all = out.text.join('\n').replace(/\s+/g, ' ');
		const criteria = snapshot.findings.map((g) => t(`library.dac.${g.criterion}`));
		expect(inOrder(all, criteria).every((i) => i >= 0)).toBe(true);
		const statements = snapshot.findings.flatMap((g) => g.findings.map((f) => f.statement));
		expect(statements.length).toBeGreaterThanOrEqual(8);
		expect(inOrder(all, statements).every((i) => i >= 0)).toBe(true);
		for (const s of statements) expect(all.split(s).length - 1).toBe(1);
	});

	it('prints a suppressed cell as "fewer than k" and no number beside it', () => {
		const lines = out.lines.flat();
		const fewer = t('reportPdf.hidden');
		// Labels repeat across tables (Q3 2025 is hidden in one trend, shown in another), so
		// count: as many rows with the words as hidden cells, as many with figures as shown ones.
		const count = { hidden: new Map<string, number>(), shown: new Map<string, number>() };
		const add = (label: string, shown: boolean) => {
			const map = shown ? count.shown : count.hidden;
			map.set(label, (map.get(label) ?? 0) + 1);
		};
		for (const group of snapshot.findings)
			for (const finding of group.findings)
				for (const e of finding.evidence) {
					if (e.kind === 'indicator') for (const p of e.trend) add(p.label, p.figure.shown);
					if (e.kind !== 'paraphrase' && e.breakdown)
						for (const c of e.breakdown.cells) add(c.label, c.figure.shown);
				}
		expect(count.hidden.size).toBeGreaterThan(3);
		for (const [label, hidden] of count.hidden) {
			const rows = lines.filter((l) => l.startsWith(`${label} `));
			const withWords = rows.filter((r) => r.includes(fewer));
			expect(withWords).toHaveLength(hidden);
			expect(rows.length - withWords.length).toBe(count.shown.get(label) ?? 0);
			// What is left once the label and the words are gone is a dash: no figure, no count.
			for (const row of withWords)
				expect(row.replace(label, '').replace(fewer, '').trim()).toBe('—');
		}
		// The annex row whose latest value is hidden shows neither it nor anything derived from it.
		const annexRow = lines.find((l) => l.startsWith('OP1.1 '))!;
		expect(annexRow).toContain(fewer);
		expect(annexRow).not.toMatch(/%\s*(\d|$)|On track|At risk|Off track/);
	});

	it('prints shown figures with their respondents, and the management responses', () => {
		const lines = out.lines.flat();
		expect(lines).toContain('Female 71.2% 96');
		const all = out.text.join('\n');
		for (const rec of snapshot.recommendations) {
			expect(all).toContain(rec.response!.action);
			expect(all).toContain(t(`evaluation.decisions.${rec.response!.decision}`));
		}
	});

	it('prints countries as typed when they are not ISO codes', async () => {
		const odd = {
			...snapshot,
			programme: { ...snapshot.programme, countries: ['Atlantis', 'md'] }
		};
		const text = (await extract(await renderReportPdf(odd, t))).text.join('\n');
		expect(text).toContain('Atlantis, Moldova');
	}, 30_000);

	it('never prints a figure it was not given: a wholly suppressed snapshot has no percentages', async () => {
		const hidden: ReportSnapshot = JSON.parse(JSON.stringify(snapshot), (key, value) =>
			key === 'figure' || key === 'latest' ? { shown: false } : value
		);
		const text = (await extract(await renderReportPdf(hidden, t))).text.join('\n');
		// Baselines and targets are plans, not answers, and print in the annex; between the
		// findings heading and the next section no figure is left, nor any respondent count.
		const findings = text.slice(
			text.indexOf(t('evaluation.sections.findings')),
			text.indexOf(t('evaluation.sections.whatDidNotWork'))
		);
		expect(findings.length).toBeGreaterThan(500);
		expect(findings).not.toMatch(/\d%/);
		expect(findings).not.toMatch(/\b(96|41|53|64|87)\b/);
		expect(findings).toContain(t('reportPdf.hidden'));
	}, 30_000);
});

describe('renderReportPdf (Arabic)', () => {
	const t = translatorFor('ar');
	const snapshot = reportFixture('ar');
	let out: Extracted;
	let all: string;
	beforeAll(async () => {
		out = await extract(await renderReportPdf(snapshot, t));
		all = out.text.join('\n').normalize('NFKC');
	}, 30_000);

	// PDF.js may split a word where a glyph is kerned or a mark positioned; spaces are compared
	// loosely, but every letter must come in the order it was written.
	const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

	it('extracts Arabic text in logical order, shaped glyphs mapping back to their letters', () => {
		expect(all).toContain('الإحالات بين المأوى والعيادة القانونية تعمل جيدا');
		expect(all).toContain(t('reportPdf.documentLabel'));
		const statements = snapshot.findings.flatMap((g) => g.findings.map((f) => f.statement));
		for (const statement of statements) expect(squash(all)).toContain(squash(statement));
		expect(squash(all)).toContain(squash(snapshot.summary));
		expect(squash(all)).toContain(squash(snapshot.limitations));
	});

	it('does not come out in visual order (the check above could not pass by accident)', () => {
		const reversed = [...'الإحالات بين المأوى'].reverse().join('');
		expect(squash(all)).not.toContain(squash(reversed));
	});

	it('has the Arabic section headings in order', () => {
		const headings = SECTIONS.map((key) => squash(t(`evaluation.sections.${key}`)));
		expect(inOrder(squash(all), headings).every((i) => i >= 0)).toBe(true);
	});

	it('prints suppressed cells in Arabic words too', () => {
		const fewer = t('reportPdf.hidden');
		// "fewer than" and k stand in separate runs (k is a left-to-right number).
		expect(squash(all)).toContain(squash(fewer.replace('5', '')));
	});
});
