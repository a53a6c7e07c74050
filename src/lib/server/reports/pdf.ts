import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatNumber, formatShare, formatValue } from '../../components/dashboard/format';
import type {
	ReportSnapshot,
	SnapshotCell,
	SnapshotEvidence,
	SnapshotFigure,
	SnapshotIndicatorRow
} from '../../evaluations/model';
import { formatDate } from '../../format';
import { direction } from '../../i18n/languages';
import type { TFunction } from '../../i18n/translator';
import { trendChartImage } from './pdf-chart';
import { layoutText, type FontKind, type Line } from './pdf-text';

/**
 * A published report as a PDF (issue 7, "Reports"): A4, the sections in the report's order,
 * page numbers, charts drawn on the server. Everything printed comes from the frozen snapshot,
 * which is already suppressed: a hidden figure has no number to print, only "fewer than k".
 *
 * Drawing is PDFKit's (fonts embedded as subsets, so the file stays small); line breaking and
 * bidirectional order are ours (pdf-text.ts), because PDFKit lays every line out left to right.
 * Fonts ship with the app (OFL: Noto Sans for Latin and Cyrillic, IBM Plex Sans Arabic for
 * Arabic, whose glyphs map one to one onto characters, so Arabic extracts as the letters it is).
 */

const require = createRequire(import.meta.url);
const FONT_FILES = {
	latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
	latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
	arabic: '@expo-google-fonts/ibm-plex-sans-arabic/400Regular/IBMPlexSansArabic_400Regular.ttf',
	arabicBold: '@expo-google-fonts/ibm-plex-sans-arabic/700Bold/IBMPlexSansArabic_700Bold.ttf'
} as const;
type FontName = keyof typeof FONT_FILES;

let fontBytes: Record<FontName, Buffer> | undefined;
function fonts(): Record<FontName, Buffer> {
	fontBytes ??= Object.fromEntries(
		Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(require.resolve(file))])
	) as Record<FontName, Buffer>;
	return fontBytes;
}

const COLOUR = {
	text: '#1d2523',
	muted: '#4d5a57',
	border: '#c9d1ce',
	accent: '#2f5d62',
	accentSoft: '#e3eeee',
	band: '#f6f7f5'
};

interface Style {
	size: number;
	bold?: boolean;
	colour?: string;
	/** Line height as a multiple of the size. */
	leading?: number;
}

const BODY: Style = { size: 10, leading: 1.45 };
const SMALL: Style = { size: 8.5, colour: COLOUR.muted, leading: 1.4 };
const TABLE: Style = { size: 8.5, leading: 1.35 };
const TABLE_HEAD: Style = { size: 8.5, bold: true, leading: 1.35 };
const H1: Style = { size: 16, bold: true, colour: COLOUR.accent, leading: 1.3 };
const H2: Style = { size: 13, bold: true, leading: 1.3 };
const H3: Style = { size: 10.5, bold: true, leading: 1.4 };

// With any `features` PDFKit shapes the run as a whole (the defaults still apply); without, it
// shapes word by word and puts the words of a right-to-left run in left-to-right order.
const WHOLE_RUN = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };

const MARGIN = { top: 62, bottom: 62, side: 56 };

type Align = 'start' | 'end' | 'center';

interface Column {
	header: string;
	/** Share of the table's width. */
	width: number;
	align?: Align;
}

interface Glyph {
	codePoints: number[];
}
interface ShapedRun {
	direction: string;
	glyphs: Glyph[];
}
interface EmbeddedFont {
	layoutRun: (text: string, features: unknown) => ShapedRun;
	heardPrepared?: true;
}

/**
 * Two changes to how PDFKit shapes a run with one of our fonts, once per document and font:
 *
 * - A ligature of a right-to-left run (lam-alef, which Arabic requires) stands for several
 *   letters, and PDFKit maps its glyph to them in logical order. Extractors (PDF.js, Poppler)
 *   read a right-to-left line in visual order and reverse it character by character, which
 *   would turn those letters around; mapping the ligature to its letters reversed makes the
 *   reversal come out in logical order. Glyphs are cached per font, so each is turned once.
 * - Shaped runs are kept, as PDFKit keeps shaped words itself: a run is measured, then drawn,
 *   and reports repeat labels, so shaping each once takes a good part off the render time.
 */
function prepareFont(doc: PDFKit.PDFDocument) {
	const font = (doc as unknown as { _font: EmbeddedFont })._font;
	if (font.heardPrepared) return;
	const layoutRun = font.layoutRun.bind(font);
	const turned = new WeakSet<Glyph>();
	const shaped = new Map<string, ShapedRun>();
	font.layoutRun = (text, features) => {
		const key = `${JSON.stringify(features ?? null)}|${text}`;
		const kept = shaped.get(key);
		if (kept) return kept;
		const run = layoutRun(text, features);
		if (run.direction === 'rtl')
			for (const glyph of run.glyphs)
				if (glyph.codePoints.length > 1 && !turned.has(glyph)) {
					glyph.codePoints = [...glyph.codePoints].reverse();
					turned.add(glyph);
				}
		shaped.set(key, run);
		return run;
	};
	font.heardPrepared = true;
}

/** A cursor over the pages, in the document's direction. */
class Writer {
	readonly doc: PDFKit.PDFDocument;
	readonly rtl: boolean;
	readonly base: FontKind;
	y = MARGIN.top;

	constructor(doc: PDFKit.PDFDocument, rtl: boolean) {
		this.doc = doc;
		this.rtl = rtl;
		this.base = rtl ? 'arabic' : 'latin';
	}

	get left() {
		return MARGIN.side;
	}
	get right() {
		return this.doc.page.width - MARGIN.side;
	}
	get width() {
		return this.right - this.left;
	}
	get bottom() {
		return this.doc.page.height - MARGIN.bottom;
	}

	newPage(layout: 'portrait' | 'landscape' = 'portrait') {
		this.doc.addPage({ size: 'A4', layout, margin: 0 });
		this.y = MARGIN.top;
	}

	/** Starts a new page unless `height` more points fit on this one. */
	ensure(height: number) {
		if (this.y + height > this.bottom) this.newPage(this.doc.page.layout as 'portrait');
	}

	private font(kind: FontKind, style: Style) {
		const name: FontName =
			kind === 'arabic'
				? style.bold
					? 'arabicBold'
					: 'arabic'
				: style.bold
					? 'latinBold'
					: 'latin';
		const doc = this.doc.font(name).fontSize(style.size);
		prepareFont(doc);
		return doc;
	}

	private widths = new Map<string, number>();

	/** A run's width, shaped once per style: reports repeat the same words and labels a lot. */
	measure(text: string, kind: FontKind, style: Style): number {
		const key = `${kind}|${style.bold ? 1 : 0}|${style.size}|${text}`;
		let width = this.widths.get(key);
		if (width === undefined) {
			width = this.font(kind, style).widthOfString(text, WHOLE_RUN);
			this.widths.set(key, width);
		}
		return width;
	}

	lines(text: string, style: Style, width: number, dir: 'ltr' | 'rtl' | 'auto'): Line[] {
		return layoutText(text, width, (run, kind) => this.measure(run, kind, style), dir, this.base);
	}

	lineHeight(style: Style) {
		return style.size * (style.leading ?? 1.3);
	}

	/** Draws one laid-out line with its baseline at `baseline`, aligned within [x, x + width]. */
	drawLine(
		line: Line,
		style: Style,
		x: number,
		width: number,
		baseline: number,
		align: Align,
		rtl = line.rtl
	) {
		// "start" and "end" follow the paragraph's own direction (dir="auto" on the web) unless
		// the caller fixes them, as table columns do, to the document's.
		const startSide = rtl ? 'right' : 'left';
		const side =
			align === 'center'
				? 'center'
				: align === 'start'
					? startSide
					: startSide === 'left'
						? 'right'
						: 'left';
		let cursor =
			side === 'left'
				? x
				: side === 'right'
					? x + width - line.width
					: x + (width - line.width) / 2;
		this.doc.fillColor(style.colour ?? COLOUR.text);
		for (const run of line.runs) {
			this.font(run.font, style).text(run.text, cursor, baseline, {
				...WHOLE_RUN,
				lineBreak: false,
				baseline: 'alphabetic'
			});
			cursor += this.measure(run.text, run.font, style);
		}
	}

	/** A flowing block of text; each line goes to the next page when this one is full. */
	text(
		text: string,
		style: Style = BODY,
		options: { dir?: 'ltr' | 'rtl' | 'auto'; indent?: number; after?: number; align?: Align } = {}
	) {
		const indent = options.indent ?? 0;
		const width = this.width - indent;
		const x = this.rtl ? this.left : this.left + indent;
		const height = this.lineHeight(style);
		for (const line of this.lines(text, style, width, options.dir ?? 'auto')) {
			this.ensure(height);
			this.drawLine(line, style, x, width, this.y + style.size, options.align ?? 'start');
			this.y += height;
		}
		this.y += options.after ?? style.size * 0.6;
	}

	/** Text in the document's own direction (our translated labels). */
	label(text: string, style: Style = BODY, options: { after?: number; indent?: number } = {}) {
		this.text(text, style, { ...options, dir: this.rtl ? 'rtl' : 'ltr' });
	}

	/** A section heading, kept with at least a few lines of what follows, and in the outline. */
	heading(text: string, style: Style, outline?: PDFKit.PDFOutline): PDFKit.PDFOutline | undefined {
		this.ensure(this.lineHeight(style) + 4 * this.lineHeight(BODY));
		this.y += style.size * 0.4;
		const item = outline?.addItem(text);
		this.label(text, style, { after: style === H1 ? 2 : style.size * 0.35 });
		if (style === H1) {
			this.doc
				.moveTo(this.left, this.y)
				.lineTo(this.right, this.y)
				.lineWidth(0.8)
				.strokeColor(COLOUR.accent)
				.stroke();
			this.y += 10;
		}
		return item;
	}

	/** Label: value pairs, the label in bold. */
	facts(pairs: [string, string][]) {
		const labelWidth = this.width * 0.3;
		for (const [name, value] of pairs) {
			const nameLines = this.lines(
				name,
				{ ...BODY, bold: true },
				labelWidth - 8,
				this.rtl ? 'rtl' : 'ltr'
			);
			const valueLines = this.lines(value, BODY, this.width - labelWidth, 'auto');
			const height = this.lineHeight(BODY) * Math.max(nameLines.length, valueLines.length);
			this.ensure(height);
			const nameX = this.rtl ? this.right - labelWidth : this.left;
			const valueX = this.rtl ? this.left : this.left + labelWidth;
			nameLines.forEach((line, i) =>
				this.drawLine(
					line,
					{ ...BODY, bold: true },
					nameX,
					labelWidth - 8,
					this.y + BODY.size + i * this.lineHeight(BODY),
					'start'
				)
			);
			// Values line up on the document's start side, whatever their own direction (a date).
			valueLines.forEach((line, i) =>
				this.drawLine(
					line,
					BODY,
					valueX,
					this.width - labelWidth,
					this.y + BODY.size + i * this.lineHeight(BODY),
					'start',
					this.rtl
				)
			);
			this.y += height + 2;
		}
		this.y += 4;
	}

	/** A table whose header row repeats on every page it runs over. */
	table(columns: Column[], rows: string[][], options: { indent?: number } = {}) {
		const indent = options.indent ?? 0;
		const total = this.width - indent;
		const pad = 4;
		const widths = columns.map((c) => c.width * total);
		// Columns run from the start side: right to left in an right-to-left report.
		const xs: number[] = [];
		let cursor = this.rtl ? this.right - indent : this.left + indent;
		for (const w of widths) {
			if (this.rtl) {
				cursor -= w;
				xs.push(cursor);
			} else {
				xs.push(cursor);
				cursor += w;
			}
		}
		const tableLeft = this.rtl ? this.left : this.left + indent;
		const layoutRow = (cells: string[], style: Style) =>
			cells.map((cell, i) => this.lines(cell, style, widths[i]! - 2 * pad, 'auto'));
		const drawRow = (cells: Line[][], style: Style, fill: string | null) => {
			const lh = this.lineHeight(style);
			const height = Math.max(1, ...cells.map((c) => c.length)) * lh + 2 * pad;
			if (fill) this.doc.rect(tableLeft, this.y, total, height).fill(fill);
			cells.forEach((lines, i) =>
				lines.forEach((line, j) =>
					this.drawLine(
						line,
						style,
						xs[i]! + pad,
						widths[i]! - 2 * pad,
						this.y + pad + style.size + j * lh,
						columns[i]!.align ?? 'start',
						this.rtl
					)
				)
			);
			this.y += height;
			this.doc
				.moveTo(tableLeft, this.y)
				.lineTo(tableLeft + total, this.y)
				.lineWidth(0.4)
				.strokeColor(COLOUR.border)
				.stroke();
			return height;
		};
		const head = layoutRow(
			columns.map((c) => c.header),
			TABLE_HEAD
		);
		const headHeight =
			Math.max(...head.map((c) => c.length)) * this.lineHeight(TABLE_HEAD) + 2 * pad;
		const body = rows.map((row) => layoutRow(row, TABLE));
		this.ensure(headHeight + (body[0] ? body[0].length * this.lineHeight(TABLE) + 2 * pad : 0));
		drawRow(head, TABLE_HEAD, COLOUR.accentSoft);
		body.forEach((cells) => {
			const height = Math.max(1, ...cells.map((c) => c.length)) * this.lineHeight(TABLE) + 2 * pad;
			if (this.y + height > this.bottom) {
				this.newPage(this.doc.page.layout as 'portrait');
				drawRow(head, TABLE_HEAD, COLOUR.accentSoft);
			}
			drawRow(cells, TABLE, null);
		});
		this.y += 8;
	}

	image(bytes: Buffer, width: number, height: number, indent = 0) {
		this.ensure(height + 4);
		const x = this.rtl ? this.right - indent - width : this.left + indent;
		this.doc.image(bytes, x, this.y, { width, height });
		this.y += height + 4;
	}
}

/** Renders a published report snapshot as a PDF, words from `t` in the snapshot's language. */
export async function renderReportPdf(snapshot: ReportSnapshot, t: TFunction): Promise<Buffer> {
	const lang = snapshot.lang;
	const rtl = direction(lang) === 'rtl';
	const bytes = fonts();
	const doc = new PDFDocument({
		size: 'A4',
		margin: 0,
		bufferPages: true,
		autoFirstPage: true,
		lang,
		displayTitle: true,
		pdfVersion: '1.7',
		info: {
			Title: snapshot.title,
			Subject: snapshot.programme.name,
			Creator: 'Heard',
			Producer: 'Heard'
		}
	});
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<void>((resolve, reject) => {
		doc.on('end', () => resolve());
		doc.on('error', reject);
	});
	for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, bytes[name]);

	const w = new Writer(doc, rtl);
	const k = snapshot.k;
	const date = (iso: string | null) => (iso ? formatDate(iso, lang) : '');
	const span = (from: string, to: string) =>
		t('reportPdf.period', { start: date(from), end: date(to) });
	const figureText = (figure: SnapshotFigure, unit: string) =>
		!figure.shown
			? t('reportPdf.hidden')
			: figure.value === null
				? t('reportPdf.noValue')
				: formatValue(figure.value, unit, lang);
	const countText = (figure: SnapshotFigure) =>
		figure.shown && figure.n !== null ? formatNumber(figure.n, lang) : figure.shown ? '' : '—';
	const section = (key: string) => w.heading(t(`evaluation.sections.${key}`), H1, doc.outline);

	// Title page.
	w.y = 170;
	w.label(
		t('reportPdf.documentLabel'),
		{ ...SMALL, size: 10, colour: COLOUR.accent },
		{ after: 8 }
	);
	w.text(snapshot.title, { size: 26, bold: true, leading: 1.2 }, { after: 14 });
	w.text(snapshot.programme.name, { size: 14, colour: COLOUR.muted, leading: 1.3 }, { after: 4 });
	w.label(
		t('reportPdf.kindAndPeriod', {
			kind: t(`evaluation.kinds.${snapshot.evaluation.kind}`),
			period: span(snapshot.evaluation.startsOn, snapshot.evaluation.endsOn)
		}),
		{ size: 11, colour: COLOUR.muted, leading: 1.3 },
		{ after: 40 }
	);
	w.facts([
		[t('reportPdf.revision'), formatNumber(snapshot.revision, lang)],
		[t('reportPdf.published'), date(snapshot.publishedOn)],
		...(snapshot.changeNote.trim()
			? ([[t('reportPdf.changeNote'), snapshot.changeNote]] as [string, string][])
			: [])
	]);
	w.y += 20;
	w.label(t('reportPdf.suppression', { k: formatNumber(k, lang) }), SMALL);

	// Summary.
	w.newPage();
	section('summary');
	w.text(snapshot.summary);

	// The programme.
	section('programme');
	if (snapshot.programme.description.trim()) w.text(snapshot.programme.description);
	// Countries are ISO codes when the programme form wrote them; anything else prints as typed.
	const regionNames = new Intl.DisplayNames([lang], { type: 'region' });
	const regions = (code: string) => {
		try {
			return /^[A-Za-z]{2}$/.test(code) ? (regionNames.of(code.toUpperCase()) ?? code) : code;
		} catch {
			return code;
		}
	};
	const listFormat = new Intl.ListFormat([lang], { type: 'unit', style: 'short' });
	const list = (items: string[]) => listFormat.format(items);
	w.facts(
		(
			[
				[
					t('reportPdf.programmePeriod'),
					span(snapshot.programme.startsOn, snapshot.programme.endsOn)
				],
				[t('reportPdf.countries'), list(snapshot.programme.countries.map(regions))],
				[t('reportPdf.sites'), list(snapshot.programme.sites)],
				[
					t('reportPdf.activityTypes'),
					list(snapshot.programme.icatTags.map((tag) => t(`programmes.icat.${tag}`)))
				]
			] as [string, string][]
		).filter(([, value]) => value.trim() !== '')
	);

	// Logframe.
	section('logframe');
	if (snapshot.logframe.length === 0) w.label(t('reportPdf.noLogframe'), SMALL);
	for (const node of snapshot.logframe) {
		const indent = Math.min(node.depth, 4) * 14;
		w.label(`${node.label} ${node.code}`.trim(), { ...H3, size: 9.5 }, { indent, after: 0 });
		w.text(node.narrative, BODY, { indent, after: 6 });
	}

	// Methodology.
	section('methodology');
	w.facts(
		(
			[
				[t('reportPdf.purpose'), snapshot.evaluation.purpose],
				[t('reportPdf.surveys'), list(snapshot.evaluation.surveys)],
				[t('reportPdf.responses'), figureText(snapshot.evaluation.responses, '')]
			] as [string, string][]
		).filter(([, value]) => value.trim() !== '')
	);
	w.text(snapshot.evaluation.methodology);

	// Findings by criterion.
	const findingsOutline = section('findings');
	const baselineOf = new Map(snapshot.annex.map((row) => [row.code, row]));
	const cellsTable = (
		breakdown: { label: string; cells: SnapshotCell[] },
		unit: string,
		indent: number
	) => {
		w.label(
			t('reportPdf.breakdown', { dimension: breakdown.label }),
			{ ...SMALL, bold: true },
			{ indent, after: 2 }
		);
		w.table(
			[
				{ header: breakdown.label, width: 0.5 },
				{ header: t('reportPdf.columns.value'), width: 0.3, align: 'end' },
				{ header: t('reportPdf.columns.respondents'), width: 0.2, align: 'end' }
			],
			breakdown.cells.map((cell) => [
				cell.label,
				figureText(cell.figure, unit),
				countText(cell.figure)
			]),
			{ indent }
		);
	};
	const evidence = (item: SnapshotEvidence) => {
		const indent = 12;
		if (item.kind === 'indicator') {
			w.label(
				t('reportPdf.indicatorEvidence', { code: item.code }),
				{ ...SMALL, bold: true },
				{ indent, after: 0 }
			);
			w.text(item.statement, { ...BODY, bold: true, size: 9.5 }, { indent, after: 1 });
			w.label(
				t('reportPdf.latest', {
					period: item.periodLabel,
					value: figureText(item.figure, item.unit)
				}),
				BODY,
				{ indent, after: 4 }
			);
			const row = baselineOf.get(item.code);
			if (item.trend.length > 0) {
				const width = Math.min(w.width - indent, 400);
				const height = 130;
				const chart = trendChartImage(
					{
						points: item.trend,
						unit: item.unit,
						format: (v) => formatValue(v, item.unit, lang),
						baseline: row?.baseline ?? null,
						target: row?.target ?? null,
						labels: {
							baseline: t('reportPdf.chart.baseline'),
							target: t('reportPdf.chart.target')
						},
						fonts: { latin: bytes.latin, arabic: bytes.arabic }
					},
					{ width, height }
				);
				w.image(chart, width, height, indent);
				// The chart's figures as text: the table is the chart's alternative.
				w.table(
					[
						{ header: t('reportPdf.columns.period'), width: 0.5 },
						{ header: t('reportPdf.columns.value'), width: 0.3, align: 'end' },
						{ header: t('reportPdf.columns.respondents'), width: 0.2, align: 'end' }
					],
					item.trend.map((p) => [p.label, figureText(p.figure, item.unit), countText(p.figure)]),
					{ indent }
				);
			}
			if (item.breakdown) cellsTable(item.breakdown, item.unit, indent);
		} else if (item.kind === 'theme') {
			w.label(t('reportPdf.themeEvidence'), { ...SMALL, bold: true }, { indent, after: 0 });
			w.text(item.name, { ...BODY, bold: true, size: 9.5 }, { indent, after: 1 });
			w.label(t('reportPdf.themeAnswers', { count: figureText(item.figure, '') }), BODY, {
				indent,
				after: 4
			});
			if (item.breakdown) cellsTable(item.breakdown, '', indent);
		} else {
			w.label(t('reportPdf.paraphrase'), { ...SMALL, bold: true }, { indent, after: 0 });
			const top = w.y;
			w.text(item.text, { ...BODY, colour: COLOUR.muted }, { indent: indent + 8, after: 2 });
			// A rule beside the paraphrase, on the start side, marks it as people's views.
			if (w.y > top) {
				const x = rtl ? w.right - indent : w.left + indent;
				doc
					.moveTo(x, top)
					.lineTo(x, w.y - 2)
					.lineWidth(1.5)
					.strokeColor(COLOUR.border)
					.stroke();
			}
			w.y += 4;
		}
	};
	let number = 0;
	for (const group of snapshot.findings) {
		const criterionOutline = w.heading(t(`library.dac.${group.criterion}`), H2, findingsOutline);
		for (const finding of group.findings) {
			number++;
			w.heading(
				t('reportPdf.finding', { number: formatNumber(number, lang) }),
				{ ...SMALL, bold: true, colour: COLOUR.accent },
				criterionOutline
			);
			w.text(finding.statement, H3, { after: 2 });
			w.label(
				[
					`${t('reportPdf.strength')}: ${t(`evaluation.strengths.${finding.strength}`)}`,
					finding.question ? `${t('reportPdf.question')}: ${finding.question}` : null
				]
					.filter(Boolean)
					.join(' · '),
				SMALL,
				{ after: 6 }
			);
			for (const item of finding.evidence) evidence(item);
			w.y += 6;
		}
	}

	// The sections no report may leave empty.
	for (const key of ['whatDidNotWork', 'unintendedEffects', 'limitations'] as const) {
		section(key);
		w.text(snapshot[key]);
	}

	// Recommendations with management responses.
	section('recommendations');
	if (snapshot.recommendations.length === 0) w.label(t('reportPdf.noRecommendations'), SMALL);
	snapshot.recommendations.forEach((rec, i) => {
		w.heading(t('reportPdf.recommendation', { number: formatNumber(i + 1, lang) }), {
			...SMALL,
			bold: true,
			colour: COLOUR.accent
		});
		w.text(rec.text, H3, { after: 4 });
		w.facts([
			[t('reportPdf.priority'), t(`evaluation.priorities.${rec.priority}`)],
			[t('reportPdf.addressedTo'), rec.addressedTo],
			[t('reportPdf.dueOn'), rec.dueOn ? date(rec.dueOn) : t('reportPdf.noDate')]
		]);
		w.label(t('reportPdf.response'), { ...BODY, bold: true }, { after: 2 });
		if (!rec.response) w.label(t('reportPdf.noResponse'), SMALL);
		else
			w.facts([
				[t('reportPdf.decision'), t(`evaluation.decisions.${rec.response.decision}`)],
				[t('reportPdf.action'), rec.response.action],
				[t('reportPdf.owner'), rec.response.owner],
				[
					t('reportPdf.respondedOn'),
					rec.response.respondedOn ? date(rec.response.respondedOn) : t('reportPdf.noDate')
				],
				[t('reportPdf.state'), t(`evaluation.actionStates.${rec.response.state}`)]
			]);
		w.y += 6;
	});

	// Annex, on landscape pages so that every column has room.
	w.newPage('landscape');
	section('annex');
	if (snapshot.annex.length === 0) w.label(t('reportPdf.noIndicators'), SMALL);
	else
		w.table(
			annexColumns(t),
			snapshot.annex.map((row) => annexRow(row, snapshot, t))
		);

	// Page numbers, now that the number of pages is known.
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const footer = w.lines(
			t('reportPdf.page', {
				page: formatNumber(i + 1, lang),
				pages: formatNumber(range.count, lang)
			}),
			SMALL,
			w.width,
			rtl ? 'rtl' : 'ltr'
		);
		const baseline = doc.page.height - MARGIN.bottom / 2;
		for (const line of footer) w.drawLine(line, SMALL, w.left, w.width, baseline, 'center');
	}
	doc.end();
	await finished;
	return Buffer.concat(chunks);
}

function annexColumns(t: TFunction): Column[] {
	const c = (key: string, width: number, align: Align = 'start'): Column => ({
		header: t(`reportPdf.annex.${key}`),
		width,
		align
	});
	return [
		c('code', 0.07),
		c('statement', 0.25),
		c('level', 0.08),
		c('baseline', 0.12, 'end'),
		c('target', 0.08, 'end'),
		c('latest', 0.13, 'end'),
		c('progress', 0.08, 'end'),
		c('achievement', 0.09, 'end'),
		c('status', 0.1)
	];
}

function annexRow(row: SnapshotIndicatorRow, snapshot: ReportSnapshot, t: TFunction): string[] {
	const lang = snapshot.lang;
	const value = (v: number | null) => (v === null ? '' : formatValue(v, row.unit, lang));
	const share = (v: number | null) => (v === null ? '' : formatShare(v, lang));
	const levelLabel =
		snapshot.logframe.find((node) => node.level === row.level)?.label ||
		t(`programmeSettings.levels.${row.level}`);
	const latest = !row.latest.shown
		? t('reportPdf.hidden')
		: row.latest.value === null
			? t('reportPdf.noValue')
			: value(row.latest.value);
	return [
		row.code,
		row.statement,
		levelLabel,
		[value(row.baseline), row.baselineDate ? `(${formatDate(row.baselineDate, lang)})` : '']
			.filter(Boolean)
			.join(' '),
		value(row.target),
		[latest, row.latestPeriod ? `(${row.latestPeriod})` : ''].filter(Boolean).join(' '),
		// Nothing derived from a hidden value is printed either.
		share(row.latest.shown ? row.progress : null),
		share(row.latest.shown ? row.achievement : null),
		row.latest.shown && row.status ? t(`exports.status.${row.status}`) : ''
	];
}
