import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { SnapshotFigure } from '../../evaluations/model';

/**
 * The trend chart of an indicator in the report PDF, drawn on the server with @napi-rs/canvas
 * (Skia) and embedded as a JPEG: the PDF library copies a JPEG in as it is, where a PNG would
 * be decoded and compressed again (most of the render time, measured with bench/report.ts). The PDF prints the same figures as a table right below it, so
 * the chart is never the only way to read them. Suppressed periods are a gap in the line and a
 * hollow mark on the axis: no point is drawn where no figure may be shown.
 */

export interface ChartPoint {
	label: string;
	figure: SnapshotFigure;
}

export interface TrendChartInput {
	points: ChartPoint[];
	/** '%' scales the axis 0–100. */
	unit: string;
	/** Formats a value for the labels, in the report's language. */
	format: (value: number) => string;
	baseline: number | null;
	target: number | null;
	labels: { baseline: string; target: string };
	fonts: { latin: Buffer; arabic: Buffer };
}

const FAMILY = '"Heard Report Sans", "Heard Report Arabic"';
let registered = false;

function register(fonts: TrendChartInput['fonts']) {
	if (registered) return;
	// Registered once per process under our own names, so no system font is ever needed.
	GlobalFonts.register(fonts.latin, 'Heard Report Sans');
	GlobalFonts.register(fonts.arabic, 'Heard Report Arabic');
	registered = true;
}

const COLOURS = {
	text: '#1d2523',
	muted: '#4d5a57',
	grid: '#c9d1ce',
	line: '#2f5d62',
	target: '#1e6b3a',
	baseline: '#4d5a57'
};

/** Nice upper bound of the axis: 100 for percentages, else the data rounded up. */
function axisMax(values: number[], unit: string): number {
	if (unit.trim() === '%') return 100;
	const max = Math.max(1, ...values);
	const magnitude = 10 ** Math.floor(Math.log10(max));
	return Math.ceil(max / magnitude) * magnitude;
}

/** A JPEG of width × height points, drawn at `scale` pixels per point for a sharp print. */
export function trendChartImage(
	input: TrendChartInput,
	size: { width: number; height: number; scale?: number }
): Buffer {
	register(input.fonts);
	const scale = size.scale ?? 2.5;
	const canvas = createCanvas(Math.round(size.width * scale), Math.round(size.height * scale));
	const ctx = canvas.getContext('2d');
	ctx.scale(scale, scale);
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, size.width, size.height);

	const pad = { left: 40, right: 62, top: 14, bottom: 26 };
	// Points stand clear of the axis labels, so the first value label does not cover them.
	const inset = 16;
	const plotW = size.width - pad.left - pad.right;
	const plotH = size.height - pad.top - pad.bottom;
	const values = input.points.flatMap((p) =>
		p.figure.shown && p.figure.value !== null ? [p.figure.value] : []
	);
	const refs = [input.baseline, input.target].filter((v): v is number => v !== null);
	const max = axisMax([...values, ...refs], input.unit);
	const y = (v: number) => pad.top + plotH - (Math.max(0, Math.min(v, max)) / max) * plotH;
	const step = input.points.length > 1 ? (plotW - 2 * inset) / (input.points.length - 1) : 0;
	const x = (i: number) =>
		pad.left + inset + (input.points.length > 1 ? i * step : plotW / 2 - inset);

	// Grid and axis labels.
	ctx.font = `7px ${FAMILY}`;
	ctx.textBaseline = 'middle';
	ctx.lineWidth = 0.5;
	for (let i = 0; i <= 4; i++) {
		const v = (max / 4) * i;
		ctx.strokeStyle = COLOURS.grid;
		ctx.beginPath();
		ctx.moveTo(pad.left, y(v));
		ctx.lineTo(pad.left + plotW, y(v));
		ctx.stroke();
		ctx.fillStyle = COLOURS.muted;
		ctx.textAlign = 'right';
		ctx.fillText(input.format(v), pad.left - 4, y(v));
	}
	ctx.textAlign = 'center';
	ctx.textBaseline = 'top';
	input.points.forEach((p, i) => {
		ctx.fillStyle = COLOURS.muted;
		ctx.fillText(p.label, x(i), pad.top + plotH + 6);
	});

	// Baseline and target as dashed reference lines.
	const reference = (value: number | null, colour: string, label: string) => {
		if (value === null) return;
		ctx.save();
		ctx.setLineDash([3, 3]);
		ctx.strokeStyle = colour;
		ctx.lineWidth = 0.8;
		ctx.beginPath();
		ctx.moveTo(pad.left, y(value));
		ctx.lineTo(pad.left + plotW, y(value));
		ctx.stroke();
		ctx.restore();
		// Labelled outside the plot, beside the line's end, where no point can cover them.
		ctx.fillStyle = colour;
		ctx.textAlign = 'left';
		ctx.textBaseline = 'middle';
		ctx.fillText(`${label} ${input.format(value)}`, pad.left + plotW + 4, y(value));
	};
	reference(input.baseline, COLOURS.baseline, input.labels.baseline);
	reference(input.target, COLOURS.target, input.labels.target);

	// The line, broken at suppressed periods.
	ctx.strokeStyle = COLOURS.line;
	ctx.lineWidth = 1.6;
	let drawing = false;
	ctx.beginPath();
	input.points.forEach((p, i) => {
		if (p.figure.shown && p.figure.value !== null) {
			if (drawing) ctx.lineTo(x(i), y(p.figure.value));
			else ctx.moveTo(x(i), y(p.figure.value));
			drawing = true;
		} else drawing = false;
	});
	ctx.stroke();
	input.points.forEach((p, i) => {
		if (p.figure.shown && p.figure.value !== null) {
			ctx.fillStyle = COLOURS.line;
			ctx.beginPath();
			ctx.arc(x(i), y(p.figure.value), 2.4, 0, Math.PI * 2);
			ctx.fill();
			ctx.fillStyle = COLOURS.text;
			ctx.textAlign = 'center';
			ctx.textBaseline = 'bottom';
			ctx.fillText(input.format(p.figure.value), x(i), y(p.figure.value) - 4);
		} else {
			ctx.strokeStyle = COLOURS.muted;
			ctx.lineWidth = 0.8;
			ctx.beginPath();
			ctx.arc(x(i), pad.top + plotH, 2.4, 0, Math.PI * 2);
			ctx.stroke();
		}
	});
	// High quality keeps thin lines and small labels free of artefacts.
	return canvas.toBuffer('image/jpeg', 92);
}
